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
      let v = grid.values[grid.offset(district: district, sex: sex, band: i)]
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
      let v = grid.values[grid.offset(district: district, sex: sex, band: i)]
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
    codes: DistrictByteIndex? = nil
  ) throws(ChiikiError) -> (PopulationData, CSVReadSummary) {
    var data = PopulationData()
    let codes = codes ?? DistrictByteIndex(districts)
    // Raw cell bytes -> meaning, filled only from what the checked path returned (no String per field).
    var periods = ByteTable<Period>()
    var sexes = ByteTable<Sex>()
    var ageBands = ByteTable<AgeBand>()
    var columns: (period: Int, district: Int, sex: Int, age: Int, population: Int)? = nil
    var current: (period: Period, grid: PopulationGrid)? = nil
    let summary = try readTable(path: path, schema: schema, encoding: encoding, log: &log) { row, log in
      if columns == nil {
        let h = row.header
        columns = (h["period"]!, h["district_code"]!, h["sex"]!, h["age_group"]!, h["population"]!)
      }
      let c = columns!
      let record = row.record
      let period: Period
      if let p = periods.value(for: record.field(c.period)) { period = p } else {
        guard let p = row.period("period", monthly: false, &log) else { return }
        periods.insert(record.field(c.period), p)
        period = p
      }
      guard let d = row.district(at: c.district, codes: codes, districts, &log) else { return }
      let sex: Sex
      if let s = sexes.value(for: record.field(c.sex)) { sex = s } else {
        guard let value = row.sex(allowUnknown: false, &log), let s = value else { return }
        sexes.insert(record.field(c.sex), s)
        sex = s
      }
      let band: AgeBand
      if let b = ageBands.value(for: record.field(c.age)) { band = b } else {
        guard let value = row.ageBand(allowUnknown: false, &log), let b = value else { return }
        ageBands.insert(record.field(c.age), b)
        band = b
      }
      var cell = CellParsing.count(record.field(c.population))
      if case .invalid = cell {
        guard let checked = row.count("population", &log) else { return }
        cell = checked
      }
      let b = data.bands.index(for: band)
      // The grid being filled stays out of the dictionary while its period lasts (no copy per row).
      if current?.period != period {
        if let done = current { data.grids[done.period] = done.grid }
        let grid = data.grids.removeValue(forKey: period) ?? PopulationGrid(districtCount: districts.count, bandCount: data.bands.count)
        current = (period, grid)
      }
      current!.grid.ensureBands(data.bands.count)
      let o = current!.grid.offset(district: d, sex: sex, band: b)
      if current!.grid.values[o] != CellMark.absent {
        row.error("age_group", "duplicate cell: \(period) \(districts.districts[d].code) \(sex.code) \(band) appears more than once", &log)
      } else {
        switch cell {
        case .value(let v): current!.grid.values[o] = UInt32(v)
        default:
          current!.grid.values[o] = CellMark.missing
          data.missingCells += 1
        }
      }
      data.rows += 1
    }
    if let done = current { data.grids[done.period] = done.grid }
    return (data, summary)
  }
}
