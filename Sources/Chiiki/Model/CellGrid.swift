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

/// Numerators and denominators of one indicator in one period for every district x sex x band,
/// stored densely: memory grows with districts, never with input rows. Only the bands the
/// indicator has rows for take memory (an indicator for ages 65+ holds 5 bands, not the 18 of
/// the whole file): `bandCount` counts the file's bands (indices into its `BandSet`), and each
/// band with storage has a slot in `numerators` / `denominators`; a band without one reads as
/// `CellMark.absent` everywhere.
public struct CellGrid: Sendable {
  public let districtCount: Int
  public private(set) var bandCount: Int
  /// Storage slot of each band, -1 for a band without cells.
  public private(set) var slots: [Int32]
  /// Cells of the bands with storage: slot x sex x district.
  public var numerators: [UInt32]
  public var denominators: [UInt32]

  /// An empty grid (no band has storage until `ensureBand`).
  public init(districtCount: Int, bandCount: Int) {
    self.districtCount = districtCount
    self.bandCount = bandCount
    slots = Array(repeating: -1, count: bandCount)
    numerators = []
    denominators = []
  }

  /// A grid from its parts (`slots[b]` = storage slot of band b or -1; cells slot x sex x
  /// district), as the statistics reader assembles it.
  init(districtCount: Int, bandCount: Int, slots: [Int32], numerators: [UInt32], denominators: [UInt32]) {
    precondition(slots.count == bandCount && numerators.count == denominators.count)
    self.districtCount = districtCount
    self.bandCount = bandCount
    self.slots = slots
    self.numerators = numerators
    self.denominators = denominators
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
  public var storedBands: Int { numerators.count / max(1, 2 * districtCount) }

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
    numerators.append(contentsOf: repeatElement(CellMark.absent, count: 2 * districtCount))
    denominators.append(contentsOf: repeatElement(CellMark.absent, count: 2 * districtCount))
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

/// Population of every district x sex x band for one period.
public struct PopulationGrid: Sendable {
  public let districtCount: Int
  public private(set) var bandCount: Int
  public var values: [UInt32]

  public init(districtCount: Int, bandCount: Int) {
    self.districtCount = districtCount
    self.bandCount = bandCount
    values = Array(repeating: CellMark.absent, count: districtCount * 2 * bandCount)
  }

  @inline(__always) public func offset(district: Int, sex: Sex, band: Int) -> Int {
    (band * 2 + sex.rawValue) * districtCount + district
  }

  public mutating func ensureBands(_ count: Int) {
    guard count > bandCount else { return }
    values.append(contentsOf: repeatElement(CellMark.absent, count: (count - bandCount) * 2 * districtCount))
    bandCount = count
  }
}
