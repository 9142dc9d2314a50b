/// What the checked path of `StatisticsAccumulator.consume` made of one spelling of a
/// statistics row's three cell-key columns (sex, age_group and indicator, adjacent in the
/// header in any order), kept by their raw bytes so that later rows with the same bytes skip
/// the three separate cache lookups: the indicator, the sex, the band index and, per period, the
/// mapping the cell goes to.
///
/// Why: a national statistics.csv has ~75 such spellings and 16 million rows, and each
/// district repeats them in the same order, so the entry that followed the previous row's entry
/// last time is nearly always the next row's: one comparison of the bytes (a length word and up
/// to six 8-byte words) finds it. Other rows probe a hash table; unknown bytes take the checked
/// path, which registers them once it has written the row's cell. An entry only ever holds
/// what the checked path returned for exactly these bytes, so results and diagnostics are the
/// same with or without it.
final class CellKeyMemo: @unchecked Sendable {
  // Safe: a CellKeyMemo belongs to one StatisticsAccumulator, used by one thread at a time
  // (as `CellColumns`).

  /// Longest span of the three fields (bytes) that is remembered.
  static let maxSpan = 48
  static let wordsPerEntry = maxSpan / 8
  /// Entries kept at most (a file with more spellings reads the rest through the checked path).
  static let maxEntries = 4096

  /// What an entry resolves to.
  struct Entry {
    /// Index of the indicator's id in the accumulator's `indicatorIDs`.
    var indicatorKey: Int
    var sex: Int
    /// Index of the band in the accumulator's `BandSet`.
    var band: Int
    /// Whether an empty denominator cell stands for population.csv's figure (the indicator's
    /// denominator is `population` and its ages cover the band); else it is an error.
    var populationDenominator: Bool
    /// The entry that followed this one last time (-1: none yet).
    var next: Int
    /// The mapping of (slot of the indicator in the period of `generation`, band).
    var mapping: CellColumns.Mapping?
    var generation: Int
  }

  private var words: UnsafeMutablePointer<UInt64>
  private var metas: UnsafeMutablePointer<UInt64>
  private var entries: UnsafeMutablePointer<Entry>
  private(set) var count = 0
  private var table: UnsafeMutablePointer<Int32>
  private let tableMask = 2 * CellKeyMemo.maxEntries - 1
  /// The entry found last (-1: none).
  private var last = -1

  init() {
    words = .allocate(capacity: Self.maxEntries * Self.wordsPerEntry)
    metas = .allocate(capacity: Self.maxEntries)
    entries = .allocate(capacity: Self.maxEntries)
    table = .allocate(capacity: 2 * Self.maxEntries)
    table.initialize(repeating: -1, count: 2 * Self.maxEntries)
  }

  deinit {
    words.deallocate()
    metas.deallocate()
    entries.deinitialize(count: count)
    entries.deallocate()
    table.deallocate()
  }

  /// The bytes of the three fields from column `first` on, as a length word (span length,
  /// and the two field ends inside the span) and a pointer to the span; nil when the span is
  /// longer than `maxSpan`.
  @inline(__always) static func span(_ record: CSVRecord, first k: Int) -> (base: UnsafePointer<UInt8>, meta: UInt64)? {
    let start = k == 0 ? 0 : record.endOffsets[k &- 1]
    let e0 = record.endOffsets[k]
    let e1 = record.endOffsets[k &+ 1]
    let n = record.endOffsets[k &+ 2] &- start
    guard n <= maxSpan else { return nil }
    let meta = UInt64(truncatingIfNeeded: n) | UInt64(truncatingIfNeeded: e0 &- start) &<< 16
      | UInt64(truncatingIfNeeded: e1 &- start) &<< 32
    return (record.base + start, meta)
  }

  /// Word `i` of a span of `n` bytes, zero past its end (`CSVRecord` keeps 16 readable bytes
  /// past every field, and a word starts before the span's end).
  @inline(__always) static func word(_ base: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> UInt64 {
    let w = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i &* 8, as: UInt64.self)
    let left = n &- i &* 8
    return left >= 8 ? w : w & ((1 &<< UInt64(truncatingIfNeeded: left &* 8)) &- 1)
  }

  /// Whether entry `e` holds exactly this span.
  @inline(__always) private func matches(_ e: Int, _ base: UnsafePointer<UInt8>, _ meta: UInt64) -> Bool {
    guard metas[e] == meta else { return false }
    let n = Int(truncatingIfNeeded: meta & 0xFFFF)
    let stored = words + e &* Self.wordsPerEntry
    var i = 0
    while i &* 8 < n {
      if stored[i] != Self.word(base, i, n) { return false }
      i &+= 1
    }
    return true
  }

  /// The entry holding this span, or -1: the successor of the last entry found first, then
  /// the hash table.
  @inline(__always) func find(_ base: UnsafePointer<UInt8>, _ meta: UInt64) -> Int {
    if last >= 0 {
      let predicted = entries[last].next
      if predicted >= 0 && matches(predicted, base, meta) {
        last = predicted
        return predicted
      }
    }
    return probe(base, meta)
  }

  @inline(never) private func probe(_ base: UnsafePointer<UInt8>, _ meta: UInt64) -> Int {
    var i = Self.home(base, meta) & tableMask
    while true {
      let e = Int(table[i])
      if e < 0 { return -1 }
      if matches(e, base, meta) {
        if last >= 0 { entries[last].next = e }
        last = e
        return e
      }
      i = (i &+ 1) & tableMask
    }
  }

  private static func home(_ base: UnsafePointer<UInt8>, _ meta: UInt64) -> Int {
    let n = Int(truncatingIfNeeded: meta & 0xFFFF)
    var h = meta &* 0x9E37_79B9_7F4A_7C15
    var i = 0
    while i &* 8 < n {
      h = (h ^ word(base, i, n)) &* 0xBF58_476D_1CE4_E5B9
      i &+= 1
    }
    return Int(truncatingIfNeeded: h ^ (h >> 31))
  }

  /// The entry at index `e` (from `find`).
  @inline(__always) func entry(_ e: Int) -> Entry { entries[e] }

  /// Remembers the mapping entry `e`'s cells go to in the period of `generation`.
  @inline(__always) func setMapping(_ e: Int, _ m: CellColumns.Mapping, generation: Int) {
    entries[e].mapping = m
    entries[e].generation = generation
  }

  /// Registers what the checked path made of a span that `find` did not know (nothing when
  /// the memo is full), as the successor of the last entry found.
  func register(
    _ base: UnsafePointer<UInt8>, _ meta: UInt64, indicatorKey: Int, sex: Int, band: Int, populationDenominator: Bool
  ) {
    guard count < Self.maxEntries, probe(base, meta) < 0 else { return }
    let e = count
    let n = Int(truncatingIfNeeded: meta & 0xFFFF)
    for i in 0..<Self.wordsPerEntry { words[e * Self.wordsPerEntry + i] = i * 8 < n ? Self.word(base, i, n) : 0 }
    metas[e] = meta
    (entries + e).initialize(to: Entry(
        indicatorKey: indicatorKey, sex: sex, band: band, populationDenominator: populationDenominator, next: -1,
        mapping: nil, generation: -1))
    count += 1
    var i = Self.home(base, meta) & tableMask
    while table[i] >= 0 { i = (i + 1) & tableMask }
    table[i] = Int32(e)
    if last >= 0 { entries[last].next = e }
    last = e
  }
}
