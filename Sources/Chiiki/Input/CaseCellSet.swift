/// The cells of cases.csv seen so far, to refuse duplicates. Each cell is packed into one
/// UInt64 (month, district, sex, band slot, category slot) in an open-addressing table: 8 bytes
/// a cell, no String and no allocation per row (the `Set` of keys with a category String it
/// replaces took about 100 bytes a row).
struct CaseCellSet {
  private var slots: [UInt64]
  private var count = 0
  private var mask: Int
  private static let empty: UInt64 = .max

  init() {
    slots = Array(repeating: CaseCellSet.empty, count: 1 << 12)
    mask = slots.count - 1
  }

  /// Packs a cell; nil when a part does not fit (then the caller keeps it in `overflow`).
  static func pack(month: Int, district: Int, sex: Int, band: Int, category: Int) -> UInt64? {
    guard (0..<(1 << 18)).contains(month), (0..<(1 << 24)).contains(district), (0..<4).contains(sex),
      (0..<(1 << 8)).contains(band), (0..<(1 << 12)).contains(category)
    else { return nil }
    return UInt64(month) << 46 | UInt64(district) << 22 | UInt64(sex) << 20 | UInt64(band) << 12 | UInt64(category)
  }

  /// Inserts a packed cell; false if it was already there.
  mutating func insert(_ key: UInt64) -> Bool {
    if (count + 1) * 3 > slots.count * 2 { grow() }
    var h = key &* 0x9E37_79B9_7F4A_7C15
    h ^= h >> 31
    var i = Int(truncatingIfNeeded: h) & mask
    while true {
      let s = slots[i]
      if s == CaseCellSet.empty {
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
    slots = Array(repeating: CaseCellSet.empty, count: old.count * 2)
    mask = slots.count - 1
    count = 0
    for k in old where k != CaseCellSet.empty { _ = insert(k) }
  }
}
