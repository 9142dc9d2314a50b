/// Population by district x sex x band for each period in population.csv.
public struct PopulationData: Sendable {
  public var bands = BandSet()
  public var grids: [Period: PopulationGrid] = [:]
  public var rows = 0
  public var missingCells = 0

  public init() {}

  /// The latest period not after `period`, if any.
  public func latestPeriod(notAfter period: Period) -> Period? {
    grids.keys.filter { $0.isNotAfter(period) }.max()
  }

  /// Population of a district x sex over the ages of `band`, summing the population bands that
  /// tile it exactly; nil when they do not cover it or a covering cell is missing.
  public func population(period: Period, district: Int, sex: Sex, band: AgeBand) -> UInt32? {
    guard let grid = grids[period] else { return nil }
    var total: UInt64 = 0
    var covered: [AgeBand] = []
    for (i, b) in bands.bands.enumerated() where band.contains(b) && i < grid.bandCount {
      let v = grid.value(at: grid.offset(district: district, sex: sex, band: i))
      if v == CellMark.absent { continue }
      guard CellMark.isCount(v) else { return nil }
      total += UInt64(v)
      covered.append(b)
    }
    guard BandTiling.tiles(covered, band) else { return nil }
    return total > UInt64(CellMark.maxCount) ? nil : UInt32(total)
  }

  /// What `population(period:district:sex:band:)` needs for one period and band, worked out once
  /// for a whole grid: the population bands inside `band` and whether all of them together tile it.
  public struct BandLookup: Sendable {
    let period: Period
    let band: AgeBand
    let parts: [Int]
    let partsTile: Bool
  }

  /// The lookup plan for a period and band, or nil if the period has no grid.
  public func lookup(period: Period, band: AgeBand) -> BandLookup? {
    guard let grid = grids[period] else { return nil }
    let parts = bands.bands.indices.filter { band.contains(bands.bands[$0]) && $0 < grid.bandCount }
    return BandLookup(period: period, band: band, parts: parts, partsTile: BandTiling.tiles(parts.map { bands.bands[$0] }, band))
  }

  /// Same value as `population(period:district:sex:band:)`, fast when every part is present.
  @inline(__always) public func population(_ plan: BandLookup, district: Int, sex: Sex) -> UInt32? {
    guard let grid = grids[plan.period] else { return nil }
    var total: UInt64 = 0
    for i in plan.parts {
      let v = grid.value(at: grid.offset(district: district, sex: sex, band: i))
      if v == CellMark.absent {
        // Some part is absent: whether the rest tiles the band depends on which; ask the full rule.
        return population(period: plan.period, district: district, sex: sex, band: plan.band)
      }
      guard CellMark.isCount(v) else { return nil }
      total += UInt64(v)
    }
    guard plan.partsTile else { return nil }
    return total > UInt64(CellMark.maxCount) ? nil : UInt32(total)
  }
}

/// Checks that sub-bands cover a band exactly, without gaps or overlaps.
enum BandTiling {
  static func tiles(_ parts: [AgeBand], _ whole: AgeBand) -> Bool {
    let sorted = parts.sorted()
    guard let first = sorted.first, first.lower == whole.lower else { return false }
    var next = first.end
    for b in sorted.dropFirst() {
      guard let n = next, b.lower == n else { return false }
      next = b.end
    }
    return next == whole.end
  }
}

/// Reads population.csv (optional): fills population denominators and sizes segments.
public enum PopulationLoader {
  public static let schema = TableSchema(
    file: "population.csv", required: ["period", "district_code", "sex", "age_group", "population"])

  public static func load(
    path: String, districts: DistrictTable, encoding: InputEncoding?, log: inout DiagnosticLog,
    codes: DistrictByteIndex? = nil, hasher: UnsafeMutablePointer<SHA256>? = nil
  ) throws(ChiikiError) -> (PopulationData, CSVReadSummary) {
    var acc = PopulationAccumulator(districts: districts, codes: codes ?? DistrictByteIndex(districts))
    let summary = try readTable(path: path, schema: schema, encoding: encoding, log: &log, hasher: hasher, into: &acc)
    return (acc.finish(), summary)
  }
}
