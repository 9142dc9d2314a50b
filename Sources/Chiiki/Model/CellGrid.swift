/// Markers stored in place of a count in dense cell arrays.
public enum CellMark {
  /// No row gave this cell.
  public static let absent: UInt32 = .max
  /// A row gave the cell as suppressed or not available (X, …, empty): excluded, never 0.
  public static let missing: UInt32 = .max - 1
  /// The denominator was left empty, to be filled from population.csv.
  public static let fromPopulation: UInt32 = .max - 2
  /// The largest real count a cell can hold.
  public static let maxCount: UInt32 = .max - 16

  @inline(__always) public static func isCount(_ v: UInt32) -> Bool { v <= maxCount }
}

/// The 16-bit code a statistics cell is stored as (`CellGrid`, `CellColumns`): half the memory
/// of a `UInt32` per cell, and real cells are small (a small area has a few hundred people, a
/// cell is one sex x 5-year band). A count up to `maxInline` is its own code; the top codes are
/// the `CellMark`s (absent, missing, fromPopulation: the same low 16 bits as the `UInt32`
/// marks), and a count too big for 16 bits (a whole city as one district) is coded `overflow`,
/// its value kept exactly in a side table by the cell's offset. Every value a `UInt32` cell
/// can hold is therefore stored exactly.
public enum CellCode {
  public static let absent: UInt16 = 0xFFFF
  public static let missing: UInt16 = 0xFFFE
  public static let fromPopulation: UInt16 = 0xFFFD
  /// The value is in the overflow table.
  public static let overflow: UInt16 = 0xFFFC
  /// Codes from here up are not counts (0xFFF0–0xFFFB are never stored).
  public static let firstReserved: UInt16 = 0xFFF0
  /// The largest count stored as its own code.
  public static let maxInline: UInt32 = UInt32(firstReserved) - 1

  /// The code of a value; `overflow` when the value must go to the side table.
  @inline(__always) public static func code(_ v: UInt32) -> UInt16 {
    if v <= maxInline { return UInt16(truncatingIfNeeded: v) }
    return v >= CellMark.fromPopulation ? UInt16(truncatingIfNeeded: v) : overflow
  }

  /// Stores `v` at `o`: its code in `codes`, and the value in `table` when it overflows (an
  /// entry left by an earlier overflowing value there is removed).
  @inline(__always) static func store(_ v: UInt32, at o: Int, codes: inout [UInt16], table: inout [Int: UInt32]) {
    let c = code(v)
    if _slowPath(codes[o] == overflow) { table[o] = nil }
    codes[o] = c
    if _slowPath(c == overflow) { table[o] = v }
  }

  /// The value of a code that is not `overflow` (a count or a `CellMark`).
  @inline(__always) public static func value(_ c: UInt16) -> UInt32 {
    c < firstReserved ? UInt32(c) : UInt32(c) | 0xFFFF_0000
  }

  /// The value of a code, looking an `overflow` code up in `table` under `key`.
  @inline(__always) public static func value(_ c: UInt16, table: [Int: UInt32], key: Int) -> UInt32 {
    if _fastPath(c < firstReserved) { return UInt32(c) }
    return reserved(c, table: table, key: key)
  }

  @inline(never) static func reserved(_ c: UInt16, table: [Int: UInt32], key: Int) -> UInt32 {
    // A missing entry cannot happen (every writer records it); read it as missing, never as a count.
    c == overflow ? (table[key] ?? CellMark.missing) : UInt32(c) | 0xFFFF_0000
  }
}

/// Numerators and denominators of one indicator in one period for every district x sex x band,
/// stored densely: memory grows with districts, never with input rows. Only the bands the
/// indicator has rows for take memory (an indicator for ages 65+ holds 5 bands, not the 18 of
/// the whole file): `bandCount` counts the file's bands (indices into its `BandSet`), and each
/// band with storage has a slot in the cell arrays; a band without one reads as
/// `CellMark.absent` everywhere.
///
/// A cell is stored as a 16-bit `CellCode`, a count too big for it in `numeratorOverflow` /
/// `denominatorOverflow` by offset; `numerator(at:)` / `denominator(at:)` (and `withCells` for
/// loops) give the exact `UInt32` value, marks included, as the cell held before it was coded.
public struct CellGrid: Sendable {
  public let districtCount: Int
  public private(set) var bandCount: Int
  /// Storage slot of each band, -1 for a band without cells.
  public private(set) var slots: [Int32]
  /// Codes of the cells of the bands with storage: slot x sex x district.
  public private(set) var numeratorCodes: [UInt16]
  public private(set) var denominatorCodes: [UInt16]
  /// Exact values of the cells coded `CellCode.overflow`, by offset (no other entries).
  public private(set) var numeratorOverflow: [Int: UInt32]
  public private(set) var denominatorOverflow: [Int: UInt32]

  /// An empty grid (no band has storage until `ensureBand`).
  public init(districtCount: Int, bandCount: Int) {
    self.districtCount = districtCount
    self.bandCount = bandCount
    slots = Array(repeating: -1, count: bandCount)
    numeratorCodes = []
    denominatorCodes = []
    numeratorOverflow = [:]
    denominatorOverflow = [:]
  }

  /// A grid from its coded parts (`slots[b]` = storage slot of band b or -1; cells slot x sex x
  /// district; overflow tables holding exactly the cells coded `overflow`), as the statistics
  /// reader assembles it.
  init(
    districtCount: Int, bandCount: Int, slots: [Int32], numeratorCodes: [UInt16], denominatorCodes: [UInt16],
    numeratorOverflow: [Int: UInt32], denominatorOverflow: [Int: UInt32]
  ) {
    precondition(slots.count == bandCount && numeratorCodes.count == denominatorCodes.count)
    self.districtCount = districtCount
    self.bandCount = bandCount
    self.slots = slots
    self.numeratorCodes = numeratorCodes
    self.denominatorCodes = denominatorCodes
    self.numeratorOverflow = numeratorOverflow
    self.denominatorOverflow = denominatorOverflow
  }

  /// A grid from plain values (marks included), coded as the reader would: for tests and small
  /// grids built by hand.
  init(districtCount: Int, bandCount: Int, slots: [Int32], numerators: [UInt32], denominators: [UInt32]) {
    precondition(numerators.count == denominators.count)
    self.init(
      districtCount: districtCount, bandCount: bandCount, slots: slots,
      numeratorCodes: numerators.map(CellCode.code), denominatorCodes: denominators.map(CellCode.code),
      numeratorOverflow: [:], denominatorOverflow: [:])
    for (o, v) in numerators.enumerated() where CellCode.code(v) == CellCode.overflow { numeratorOverflow[o] = v }
    for (o, v) in denominators.enumerated() where CellCode.code(v) == CellCode.overflow { denominatorOverflow[o] = v }
  }

  /// The value of a cell's numerator (a count or a `CellMark`).
  @inline(__always) public func numerator(at o: Int) -> UInt32 {
    CellCode.value(numeratorCodes[o], table: numeratorOverflow, key: o)
  }

  /// The value of a cell's denominator (a count or a `CellMark`).
  @inline(__always) public func denominator(at o: Int) -> UInt32 {
    CellCode.value(denominatorCodes[o], table: denominatorOverflow, key: o)
  }

  /// Whether no row gave the cell.
  @inline(__always) public func isAbsent(at o: Int) -> Bool { numeratorCodes[o] == CellCode.absent }

  /// Sets a cell's numerator to any value (a count or a `CellMark`).
  public mutating func setNumerator(_ v: UInt32, at o: Int) {
    CellCode.store(v, at: o, codes: &numeratorCodes, table: &numeratorOverflow)
  }

  /// Sets a cell's denominator to any value (a count or a `CellMark`).
  public mutating func setDenominator(_ v: UInt32, at o: Int) {
    CellCode.store(v, at: o, codes: &denominatorCodes, table: &denominatorOverflow)
  }

  /// Every numerator value in storage order (tests and checks; loops use `withCells`).
  public func numeratorValues() -> [UInt32] { numeratorCodes.indices.map { numerator(at: $0) } }
  /// Every denominator value in storage order.
  public func denominatorValues() -> [UInt32] { denominatorCodes.indices.map { denominator(at: $0) } }

  /// A read-only view of the cells without bounds checks, for the loops over every district.
  public struct Cells {
    @usableFromInline let numerators: UnsafeBufferPointer<UInt16>
    @usableFromInline let denominators: UnsafeBufferPointer<UInt16>
    @usableFromInline let numeratorOverflow: [Int: UInt32]
    @usableFromInline let denominatorOverflow: [Int: UInt32]

    /// The value of the numerator at offset `o` (as `CellGrid.numerator(at:)`).
    @inline(__always) public func numerator(_ o: Int) -> UInt32 {
      CellCode.value(numerators[o], table: numeratorOverflow, key: o)
    }

    /// The value of the denominator at offset `o`.
    @inline(__always) public func denominator(_ o: Int) -> UInt32 {
      CellCode.value(denominators[o], table: denominatorOverflow, key: o)
    }

    /// Whether no row gave the cell at offset `o`.
    @inline(__always) public func isAbsent(_ o: Int) -> Bool { numerators[o] == CellCode.absent }
  }

  /// Calls `body` with a view of the cells (valid only inside it).
  @inline(__always) public func withCells<R>(_ body: (Cells) throws -> R) rethrows -> R {
    try numeratorCodes.withUnsafeBufferPointer { num in
      try denominatorCodes.withUnsafeBufferPointer { den in
        try body(Cells(numerators: num, denominators: den, numeratorOverflow: numeratorOverflow, denominatorOverflow: denominatorOverflow))
      }
    }
  }

  /// Whether band `b` has storage (a band without it has only absent cells).
  @inline(__always) public func hasBand(_ b: Int) -> Bool { b < bandCount && slots[b] >= 0 }

  /// Offset of a cell of a band that has storage (`hasBand`).
  @inline(__always) public func offset(district: Int, sex: Sex, band: Int) -> Int {
    (Int(slots[band]) * 2 + sex.rawValue) * districtCount + district
  }

  /// Offset of the first district of (band, sex) cell `cell` = band * 2 + sex; nil when the
  /// band has no storage.
  @inline(__always) public func base(cell: Int) -> Int? {
    let b = cell >> 1
    guard hasBand(b) else { return nil }
    return (Int(slots[b]) * 2 + (cell & 1)) * districtCount
  }

  /// Number of bands with storage.
  public var storedBands: Int { numeratorCodes.count / max(1, 2 * districtCount) }

  /// Counts `count` bands (new bands have no storage; offsets stay valid).
  public mutating func ensureBands(_ count: Int) {
    guard count > bandCount else { return }
    slots.append(contentsOf: repeatElement(-1, count: count - bandCount))
    bandCount = count
  }

  /// Gives band `b` storage (all cells absent) if it has none.
  @inline(__always) public mutating func ensureBand(_ b: Int) {
    if b >= bandCount { ensureBands(b + 1) }
    guard slots[b] < 0 else { return }
    slots[b] = Int32(storedBands)
    numeratorCodes.append(contentsOf: repeatElement(CellCode.absent, count: 2 * districtCount))
    denominatorCodes.append(contentsOf: repeatElement(CellCode.absent, count: 2 * districtCount))
  }

  /// The same grid with band indices renumbered (`map[old] = new`, all below `count`); the
  /// cells are not copied.
  public consuming func renumberingBands(_ map: [Int], count: Int) -> CellGrid {
    var newSlots = [Int32](repeating: -1, count: count)
    for (old, slot) in slots.enumerated() where slot >= 0 { newSlots[map[old]] = slot }
    slots = newSlots
    bandCount = count
    return self
  }
}

/// Population of every district x sex x band for one period, each cell a 16-bit `CellCode`
/// (as in `CellGrid`: half the memory of a `UInt32`), a count too big for it in `overflow` by
/// offset; `value(at:)` gives the exact value (a count, `CellMark.absent` or `CellMark.missing`).
public struct PopulationGrid: Sendable {
  public let districtCount: Int
  public private(set) var bandCount: Int
  public private(set) var codes: [UInt16]
  /// Exact values of the cells coded `CellCode.overflow`, by offset (no other entries).
  public private(set) var overflow: [Int: UInt32] = [:]

  public init(districtCount: Int, bandCount: Int) {
    self.districtCount = districtCount
    self.bandCount = bandCount
    codes = Array(repeating: CellCode.absent, count: districtCount * 2 * bandCount)
  }

  @inline(__always) public func offset(district: Int, sex: Sex, band: Int) -> Int {
    (band * 2 + sex.rawValue) * districtCount + district
  }

  /// The value of a cell (a count or a `CellMark`).
  @inline(__always) public func value(at o: Int) -> UInt32 {
    CellCode.value(codes[o], table: overflow, key: o)
  }

  /// Whether no row gave the cell.
  @inline(__always) public func isAbsent(at o: Int) -> Bool { codes[o] == CellCode.absent }

  /// Sets a cell to any value (a count or a `CellMark`); inlined, as it runs once per row of
  /// population.csv.
  @inline(__always) public mutating func setValue(_ v: UInt32, at o: Int) {
    CellCode.store(v, at: o, codes: &codes, table: &overflow)
  }

  /// Bands the first growth of a grid makes room for. The first grid of a read starts with the
  /// one band its first row names and grows by a band at a time; doubling would copy it five
  /// times on the way to a national file's 18 bands (page faults on every new copy). Reserved
  /// room is only address space until a band is written (absent cells are written when added).
  static let reservedBands = 32

  public mutating func ensureBands(_ count: Int) {
    guard count > bandCount else { return }
    let needed = count * 2 * districtCount
    if codes.capacity < needed {
      codes.reserveCapacity(Swift.max(needed, 2 * codes.capacity, Self.reservedBands * 2 * districtCount))
    }
    codes.append(contentsOf: repeatElement(CellCode.absent, count: (count - bandCount) * 2 * districtCount))
    bandCount = count
  }
}
