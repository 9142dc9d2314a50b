/// What the checked path of `PopulationAccumulator.consume` made of one spelling of a
/// population row's sex and age_group cells (adjacent in the header, in either order), kept by
/// their raw bytes so that later rows with the same bytes skip the two separate cache lookups:
/// the sex and the index of the band in the read's `BandSet`.
///
/// Why: a national population.csv has 36 such spellings and 8 million rows, and each district
/// repeats them in the same order, so the entry that followed the previous row's entry last
/// time is nearly always the next row's: one comparison of the bytes (a length word and two
/// 8-byte words) finds it. Other rows probe a hash table; unknown bytes take the checked path,
/// which registers them once it has written the row's cell. An entry only ever holds what the
/// checked path returned for exactly these bytes, so results and diagnostics are the same with
/// or without it.
final class PopulationKeyMemo: @unchecked Sendable {
  // Safe: a PopulationKeyMemo belongs to one PopulationAccumulator, used by one thread.

  /// Longest span of the two fields (bytes) that is remembered.
  static let maxSpan = 16
  /// Entries kept at most (a file with more spellings reads the rest through the checked path).
  static let maxEntries = 1024

  /// The bytes of the two fields as a key: the length word (span length, and the end of the
  /// first field inside the span) and the span as two words, zero past its end.
  struct Key: Equatable {
    var meta: UInt64
    var low: UInt64
    var high: UInt64
  }

  /// What an entry resolves to.
  struct Entry {
    var key: Key
    var sex: Sex
    /// Index of the band in the accumulator's `BandSet`.
    var band: Int
    /// The entry that followed this one last time (-1: none yet).
    var next: Int
  }

  private let entries: UnsafeMutablePointer<Entry>
  private(set) var count = 0
  private let table: UnsafeMutablePointer<Int32>
  private let tableMask = 2 * PopulationKeyMemo.maxEntries - 1
  /// The entry found last (-1: none).
  private var last = -1

  init() {
    entries = .allocate(capacity: Self.maxEntries)
    table = .allocate(capacity: 2 * Self.maxEntries)
    table.initialize(repeating: -1, count: 2 * Self.maxEntries)
  }

  deinit {
    entries.deinitialize(count: count)
    entries.deallocate()
    table.deallocate()
  }

  /// The key of the two fields from column `first` on; nil when their span is longer than
  /// `maxSpan`. (`CSVRecord` keeps 16 readable bytes past every field, so the two-word read
  /// stays inside the buffer.)
  @inline(__always) static func key(_ record: CSVRecord, first k: Int) -> Key? {
    let start = k == 0 ? 0 : record.endOffsets[k &- 1]
    let split = record.endOffsets[k]
    let n = record.endOffsets[k &+ 1] &- start
    guard n <= maxSpan else { return nil }
    let (low, high) = FieldCache<Int>.words(record.base + start, n)
    let meta = UInt64(truncatingIfNeeded: n) | UInt64(truncatingIfNeeded: split &- start) &<< 16
    return Key(meta: meta, low: low, high: high)
  }

  /// The entry holding this key, or -1: the successor of the last entry found first, then the
  /// hash table.
  @inline(__always) func find(_ key: Key) -> Int {
    if last >= 0 {
      let predicted = entries[last].next
      if predicted >= 0 && entries[predicted].key == key {
        last = predicted
        return predicted
      }
    }
    return probe(key)
  }

  @inline(never) private func probe(_ key: Key) -> Int {
    var i = Self.home(key) & tableMask
    while true {
      let e = Int(table[i])
      if e < 0 { return -1 }
      if entries[e].key == key {
        if last >= 0 { entries[last].next = e }
        last = e
        return e
      }
      i = (i &+ 1) & tableMask
    }
  }

  private static func home(_ key: Key) -> Int {
    var h = key.meta &* 0x9E37_79B9_7F4A_7C15
    h = (h ^ key.low) &* 0xBF58_476D_1CE4_E5B9
    h = (h ^ key.high) &* 0x94D0_49BB_1331_11EB
    return Int(truncatingIfNeeded: h ^ (h >> 31))
  }

  /// The entry at index `e` (from `find`).
  @inline(__always) func entry(_ e: Int) -> Entry { entries[e] }

  /// Registers what the checked path made of a key that `find` did not know (nothing when
  /// the memo is full or already holds the key), as the successor of the last entry found.
  func register(_ key: Key, sex: Sex, band: Int) {
    guard count < Self.maxEntries, probe(key) < 0 else { return }
    let e = count
    (entries + e).initialize(to: Entry(key: key, sex: sex, band: band, next: -1))
    count += 1
    var i = Self.home(key) & tableMask
    while table[i] >= 0 { i = (i &+ 1) & tableMask }
    table[i] = Int32(e)
    if last >= 0 { entries[last].next = e }
    last = e
  }
}
