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
/// stored densely: memory grows with districts, never with input rows.
public struct CellGrid: Sendable {
  public let districtCount: Int
  public private(set) var bandCount: Int
  public var numerators: [UInt32]
  public var denominators: [UInt32]

  public init(districtCount: Int, bandCount: Int) {
    self.districtCount = districtCount
    self.bandCount = bandCount
    numerators = Array(repeating: CellMark.absent, count: districtCount * 2 * bandCount)
    denominators = numerators
  }

  @inline(__always) public func offset(district: Int, sex: Sex, band: Int) -> Int {
    (band * 2 + sex.rawValue) * districtCount + district
  }

  /// Grows the grid to hold `count` bands (new bands append whole blocks, so offsets stay valid).
  public mutating func ensureBands(_ count: Int) {
    guard count > bandCount else { return }
    let extra = (count - bandCount) * 2 * districtCount
    numerators.append(contentsOf: repeatElement(CellMark.absent, count: extra))
    denominators.append(contentsOf: repeatElement(CellMark.absent, count: extra))
    bandCount = count
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
