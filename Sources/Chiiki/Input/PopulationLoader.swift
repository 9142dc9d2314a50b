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

  public static func load(path: String, districts: DistrictTable, encoding: InputEncoding?, log: inout DiagnosticLog) throws(ChiikiError) -> (PopulationData, CSVReadSummary) {
    var data = PopulationData()
    let summary = try readTable(path: path, schema: schema, encoding: encoding, log: &log) { row, log in
      guard let period = row.period("period", monthly: false, &log),
        let d = row.district(districts, &log),
        let sexValue = row.sex(allowUnknown: false, &log), let sex = sexValue,
        let bandValue = row.ageBand(allowUnknown: false, &log), let band = bandValue,
        let cell = row.count("population", &log)
      else { return }
      let b = data.bands.index(for: band)
      var grid = data.grids.removeValue(forKey: period) ?? PopulationGrid(districtCount: districts.count, bandCount: data.bands.count)
      grid.ensureBands(data.bands.count)
      let o = grid.offset(district: d, sex: sex, band: b)
      if grid.values[o] != CellMark.absent {
        row.error("age_group", "duplicate cell: \(period) \(districts.districts[d].code) \(sex.code) \(band) appears more than once", &log)
      } else {
        switch cell {
        case .value(let v): grid.values[o] = UInt32(v)
        default:
          grid.values[o] = CellMark.missing
          data.missingCells += 1
        }
      }
      data.grids[period] = grid
      data.rows += 1
    }
    return (data, summary)
  }
}
