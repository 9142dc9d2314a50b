/// The state of a population.csv read: the grid of the period being read, plus caches that
/// map raw cell bytes to their meaning so that the hot path builds no String. A cache only
/// ever holds what the checked (slow) path returned for the same bytes, so diagnostics and
/// results are the same with or without it.
struct PopulationAccumulator: RowConsumer {
  let districts: DistrictTable
  let codes: DistrictByteIndex
  private var data = PopulationData()
  private var columns: (period: Int, district: Int, sex: Int, age: Int, population: Int)? = nil
  private var periods = FieldCache<Period>()
  private var sexes = FieldCache<Sex>()
  /// Age cell bytes -> index into `ageEntries` / `ageBandIndex`.
  private var ageBands = FieldCache<Int>()
  private var ageEntries: [AgeBand] = []
  /// Index in `data.bands` of each age entry, -1 until a row registers it.
  private var ageBandIndex: [Int] = []
  private var districtMemo = DistrictMemo()
  /// The grid being filled stays out of the dictionary while its period lasts (no copy per row).
  private var currentPeriod: Period? = nil
  private var current = PopulationGrid(districtCount: 0, bandCount: 0)

  init(districts: DistrictTable, codes: DistrictByteIndex) {
    self.districts = districts
    self.codes = codes
  }

  mutating func consume(_ row: RowFields, _ log: inout DiagnosticLog) {
    if _slowPath(columns == nil) {
      let h = row.header
      columns = (h["period"]!, h["district_code"]!, h["sex"]!, h["age_group"]!, h["population"]!)
    }
    let c = columns.unsafelyUnwrapped
    let record = row.record
    let period: Period
    if let p = periods.value(for: record.field(c.period)) { period = p } else {
      guard let p = row.period("period", monthly: false, &log) else { return }
      periods.insert(record.field(c.period), p)
      period = p
    }
    let d: Int
    let districtBytes = record.field(c.district)
    if let known = districtMemo.lookup(districtBytes, codes, record.encoding) { d = known } else {
      guard let found = row.district(at: c.district, codes: codes, districts, &log) else { return }
      districtMemo.remember(districtBytes, found)
      d = found
    }
    let sex: Sex
    if let s = sexes.value(for: record.field(c.sex)) { sex = s } else {
      guard let value = row.sex(allowUnknown: false, &log), let s = value else { return }
      sexes.insert(record.field(c.sex), s)
      sex = s
    }
    let ageEntry: Int
    if let e = ageBands.value(for: record.field(c.age)) { ageEntry = e } else {
      guard let value = row.ageBand(allowUnknown: false, &log), let b = value else { return }
      ageEntry = ageEntries.count
      ageEntries.append(b)
      ageBandIndex.append(-1)
      ageBands.insert(record.field(c.age), ageEntry)
    }
    var cell = CellParsing.count(record.field(c.population))
    if case .invalid = cell {
      guard let checked = row.count("population", &log) else { return }
      cell = checked
    }
    var b = ageBandIndex[ageEntry]
    if _slowPath(b < 0) {
      b = data.bands.index(for: ageEntries[ageEntry])
      ageBandIndex[ageEntry] = b
    }
    if currentPeriod != period {
      if let done = currentPeriod { data.grids[done] = current }
      current = data.grids.removeValue(forKey: period) ?? PopulationGrid(districtCount: districts.count, bandCount: data.bands.count)
      currentPeriod = period
    }
    current.ensureBands(data.bands.count)
    let o = current.offset(district: d, sex: sex, band: b)
    if !current.isAbsent(at: o) {
      row.error("age_group", "duplicate cell: \(period) \(districts.districts[d].code) \(sex.code) \(ageEntries[ageEntry]) appears more than once", &log)
    } else {
      switch cell {
      case .value(let v): current.setValue(UInt32(v), at: o)
      default:
        current.setValue(CellMark.missing, at: o)
        data.missingCells += 1
      }
    }
    data.rows += 1
  }

  /// The population read.
  consuming func finish() -> PopulationData {
    if let done = currentPeriod { data.grids[done] = current }
    current = PopulationGrid(districtCount: 0, bandCount: 0)
    return data
  }
}
