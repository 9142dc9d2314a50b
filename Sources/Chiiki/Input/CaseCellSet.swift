/// The cells of cases.csv seen so far, to refuse duplicates. Each cell is packed into one
/// UInt64 (month, district, sex, band slot, category slot): 8 bytes a cell, no String and no
/// allocation per row (the `Set` of keys with a category String it replaces took about 100
/// bytes a row).
///
/// cases.csv is usually written month by month and, within a month, district by district (in
/// districts.csv order). While the cells come in that order, a repeat can only be among the
/// cells of the current (month, district) group, so a cell is checked against that small group
/// and appended to a plain list: no random access into a large table. The first cell out of
/// that order (or a group too large to scan) moves every cell seen so far into an
/// open-addressing hash table, which then checks the rest of the file. Either way `insert`
/// answers exactly "was this cell seen before".
///
/// The cells of finished groups are kept only for that switch, in fixed-size chunks: one
/// growing array would reach twice the cells' size, and hold both its old and new storage
/// while it grows (about 100 MB at once for a national file's 4.7M cells, against 38 MB).
struct CaseCellSet {
  /// Full chunks of cells, in file order (ordered mode only).
  private var past: [[UInt64]] = []
  /// The chunk being filled; the current group's cells are its last `groupCount` cells (with,
  /// when the group began in the chunk before, the last ones of `past`).
  private var current: [UInt64] = []
  private var groupCount = 0
  /// The (month, district) part of the current group's cells.
  private var groupKey: UInt64 = 0
  private var started = false
  /// Cells per chunk (`WordChunks`).
  private static let chunkCells = WordChunks.size
  /// The hash table, once the file has left month-then-district order.
  private var table: HashTable? = nil
  /// Largest group scanned linearly; a larger one switches to the table.
  private static let maximumGroup = 256

  init() {}

  /// Whether the cells so far came in month-then-district order (no table built).
  var isOrdered: Bool { table == nil }

  /// Packs a cell; nil when a part does not fit (then the caller keeps it in `overflow`).
  static func pack(month: Int, district: Int, sex: Int, band: Int, category: Int) -> UInt64? {
    guard (0..<(1 << 18)).contains(month), (0..<(1 << 24)).contains(district), (0..<4).contains(sex),
      (0..<(1 << 8)).contains(band), (0..<(1 << 12)).contains(category)
    else { return nil }
    return UInt64(month) << 46 | UInt64(district) << 22 | UInt64(sex) << 20 | UInt64(band) << 12 | UInt64(category)
  }

  /// Inserts a packed cell; false if it was already there.
  mutating func insert(_ key: UInt64) -> Bool {
    if table != nil { return table!.insert(key) }
    let groupOfKey = key >> 22
    if _fastPath(groupOfKey == groupKey && started) {
      if groupCount >= CaseCellSet.maximumGroup { return switchToTable(key) }
      if groupContains(key) { return false }
    } else if groupOfKey > groupKey || !started {
      started = true
      groupKey = groupOfKey
      groupCount = 0
    } else {
      return switchToTable(key)
    }
    WordChunks.append(key, to: &current, full: &past)
    groupCount += 1
    return true
  }

  /// Whether the current group has `key`.
  @inline(__always) private func groupContains(_ key: UInt64) -> Bool {
    let inCurrent = Swift.min(groupCount, current.count)
    var i = current.count - inCurrent
    while i < current.count {
      if current[i] == key { return true }
      i += 1
    }
    if inCurrent < groupCount, let last = past.last {
      for k in last[(last.count - (groupCount - inCurrent))...] where k == key { return true }
    }
    return false
  }

  /// Moves the cells seen so far into the hash table and inserts `key` there.
  private mutating func switchToTable(_ key: UInt64) -> Bool {
    var t = HashTable(capacity: past.count * CaseCellSet.chunkCells + current.count + 1)
    for i in past.indices {
      for k in past[i] { _ = t.insert(k) }
      past[i] = []
    }
    past = []
    for k in current { _ = t.insert(k) }
    current = []
    let inserted = t.insert(key)
    table = t
    return inserted
  }

  /// Open addressing, linear probing, at most 2/3 full.
  private struct HashTable {
    private var slots: [UInt64]
    private var count = 0
    private var mask: Int
    private static let empty: UInt64 = .max

    init(capacity: Int) {
      var size = 1 << 12
      while size * 2 < capacity * 3 { size *= 2 }
      slots = Array(repeating: HashTable.empty, count: size)
      mask = size - 1
    }

    mutating func insert(_ key: UInt64) -> Bool {
      if (count + 1) * 3 > slots.count * 2 { grow() }
      var h = key &* 0x9E37_79B9_7F4A_7C15
      h ^= h >> 31
      var i = Int(truncatingIfNeeded: h) & mask
      while true {
        let s = slots[i]
        if s == HashTable.empty {
          slots[i] = key
          count += 1
          return true
        }
        if s == key { return false }
        i = (i + 1) & mask
      }
    }

    private mutating func grow() {
      let old = slots
      slots = Array(repeating: HashTable.empty, count: old.count * 2)
      mask = slots.count - 1
      count = 0
      for k in old where k != HashTable.empty { _ = insert(k) }
    }
  }
}
