/// What a `SpanKeyMemo` remembers per spelling of its adjacent key columns, and the shape of
/// those columns: how many fields the span has, how long a span is kept, how many spellings.
protocol SpanKeyMemoValue {
  /// Adjacent fields in the span (2 to 4: the length word holds the inner field ends).
  static var fieldCount: Int { get }
  /// Longest span (bytes) that is remembered; a multiple of 8.
  static var maxSpan: Int { get }
  /// Entries kept at most (a file with more spellings reads the rest through the checked path).
  static var maxEntries: Int { get }
}

/// The bytes of a record's key columns as a `SpanKeyMemo` reads them: a pointer to the span
/// and a length word (span length in bits 0–15, each inner field's end inside the span in the
/// next 16 bits each), so that two spans are the same key only when every field has the same
/// bytes.
struct FieldSpan {
  let base: UnsafePointer<UInt8>
  let meta: UInt64

  /// The span's length in bytes.
  @inline(__always) var length: Int { Int(truncatingIfNeeded: meta & 0xFFFF) }

  /// Word `i` of the span, zero past its end (`CSVRecord` keeps 16 readable bytes past every
  /// field, and a word starts before the span's end).
  @inline(__always) func word(_ i: Int) -> UInt64 {
    let w = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i &* 8, as: UInt64.self)
    let left = length &- i &* 8
    return left >= 8 ? w : w & ((1 &<< UInt64(truncatingIfNeeded: left &* 8)) &- 1)
  }

  /// The first of `columns` (distinct column indices) when they sit side by side in the header,
  /// in any order, else -1: the one test of whether a loader's key columns can be read as one
  /// span (`SpanKeyMemo`, `FieldSpanCache`).
  static func firstOfAdjacent(_ columns: [Int]) -> Int {
    guard let low = columns.min(), let high = columns.max() else { return -1 }
    return high - low == columns.count - 1 ? low : -1
  }
}

/// What the checked path of a loader made of one spelling of a row's adjacent key columns
/// (statistics.csv: sex, age_group and indicator; population.csv: sex and age_group), kept by
/// their raw bytes so that later rows with the same bytes skip the separate cache lookups.
///
/// Why: a national file has a few dozen such spellings and millions of rows, and each district
/// repeats them in the same order, so the entry that followed the previous row's entry last
/// time is nearly always the next row's: one comparison of the bytes (the length word and a
/// few 8-byte words) finds it. Other rows probe a hash table; unknown bytes take the checked
/// path, which registers them once it has written the row's cell. An entry only ever holds
/// what the checked path returned for exactly these bytes, so results and diagnostics are the
/// same with or without it. Generic over the value so that each loader's memo is specialised
/// (its field count and span length are constants in the hot path).
final class SpanKeyMemo<Value: SpanKeyMemoValue>: @unchecked Sendable {
  // Safe: a memo belongs to one accumulator, used by one thread at a time.

  private static var wordsPerEntry: Int { Value.maxSpan / 8 }

  private struct Entry {
    var value: Value
    /// The entry that followed this one last time (-1: none yet).
    var next: Int
  }

  private let words: UnsafeMutablePointer<UInt64>
  private let metas: UnsafeMutablePointer<UInt64>
  private let entries: UnsafeMutablePointer<Entry>
  private(set) var count = 0
  private let table: UnsafeMutablePointer<Int32>
  private let tableMask = 2 * Value.maxEntries - 1
  /// The entry found last (-1: none).
  private var last = -1

  init() {
    words = .allocate(capacity: Value.maxEntries * Self.wordsPerEntry)
    metas = .allocate(capacity: Value.maxEntries)
    entries = .allocate(capacity: Value.maxEntries)
    table = .allocate(capacity: 2 * Value.maxEntries)
    table.initialize(repeating: -1, count: 2 * Value.maxEntries)
  }

  deinit {
    words.deallocate()
    metas.deallocate()
    entries.deinitialize(count: count)
    entries.deallocate()
    table.deallocate()
  }

  /// The span of the `Value.fieldCount` fields from column `first` on (the record must have
  /// them); nil when it is longer than `Value.maxSpan`.
  @inline(__always) static func span(_ record: CSVRecord, first k: Int) -> FieldSpan? {
    let start = k == 0 ? 0 : record.endOffsets[k &- 1]
    let n = record.endOffsets[k &+ Value.fieldCount &- 1] &- start
    guard n <= Value.maxSpan else { return nil }
    var meta = UInt64(truncatingIfNeeded: n)
    for i in 0..<(Value.fieldCount &- 1) {
      meta |= UInt64(truncatingIfNeeded: record.endOffsets[k &+ i] &- start) &<< UInt64(truncatingIfNeeded: 16 &* (i &+ 1))
    }
    return FieldSpan(base: record.base + start, meta: meta)
  }

  /// Whether entry `e` holds exactly this span.
  @inline(__always) private func matches(_ e: Int, _ span: FieldSpan) -> Bool {
    guard metas[e] == span.meta else { return false }
    let n = span.length
    let stored = words + e &* Self.wordsPerEntry
    var i = 0
    while i &* 8 < n {
      if stored[i] != span.word(i) { return false }
      i &+= 1
    }
    return true
  }

  /// The entry holding this span, or -1: the successor of the last entry found first, then
  /// the hash table.
  @inline(__always) func find(_ span: FieldSpan) -> Int {
    if last >= 0 {
      let predicted = entries[last].next
      if predicted >= 0 && matches(predicted, span) {
        last = predicted
        return predicted
      }
    }
    return probe(span)
  }

  @inline(never) private func probe(_ span: FieldSpan) -> Int {
    var i = Self.home(span) & tableMask
    while true {
      let e = Int(table[i])
      if e < 0 { return -1 }
      if matches(e, span) {
        if last >= 0 { entries[last].next = e }
        last = e
        return e
      }
      i = (i &+ 1) & tableMask
    }
  }

  private static func home(_ span: FieldSpan) -> Int {
    var h = span.meta &* 0x9E37_79B9_7F4A_7C15
    var i = 0
    while i &* 8 < span.length {
      h = (h ^ span.word(i)) &* 0xBF58_476D_1CE4_E5B9
      i &+= 1
    }
    return Int(truncatingIfNeeded: h ^ (h >> 31))
  }

  /// The value of entry `e` (from `find`); setting it changes what later finds give.
  @inline(__always) subscript(e: Int) -> Value {
    get { entries[e].value }
    set { entries[e].value = newValue }
  }

  /// Registers what the checked path made of a span that `find` did not know (nothing when
  /// the memo is full or already holds the span), as the successor of the last entry found.
  func register(_ span: FieldSpan, _ value: Value) {
    guard count < Value.maxEntries, probe(span) < 0 else { return }
    let e = count
    for i in 0..<Self.wordsPerEntry { words[e * Self.wordsPerEntry + i] = i * 8 < span.length ? span.word(i) : 0 }
    metas[e] = span.meta
    (entries + e).initialize(to: Entry(value: value, next: -1))
    count += 1
    var i = Self.home(span) & tableMask
    while table[i] >= 0 { i = (i &+ 1) & tableMask }
    table[i] = Int32(e)
    if last >= 0 { entries[last].next = e }
    last = e
  }
}
