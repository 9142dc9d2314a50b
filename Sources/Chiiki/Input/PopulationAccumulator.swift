/// The state of a population.csv read: the grid of the period being read, plus caches that
/// map raw cell bytes to their meaning so that the hot path builds no String. A cache only
/// ever holds what the checked (slow) path returned for the same bytes, so diagnostics and
/// results are the same with or without it.
struct PopulationAccumulator: RowConsumer {
  let districts: DistrictTable
  let codes: DistrictByteIndex
  private var data = PopulationData()
  private var columns: Columns? = nil
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
  /// The hot path's memo of the sex and age_group cells (see `consumeKnown`).
  private let keyMemo = SpanKeyMemo<PopulationKey>()
  /// The period bytes of the last row the checked path read to its grid, and their period
  /// (always `currentPeriod`, which only the checked path changes).
  private var periodMemo = LastFieldMemo<Period>()
  /// When true every row takes the checked path (tests compare the two).
  var checkedPathOnly = false

  init(districts: DistrictTable, codes: DistrictByteIndex) {
    self.districts = districts
    self.codes = codes
  }

  private struct Columns {
    let period, district, sex, age, population: Int
    /// The first of the columns sex and age_group when they are adjacent (in either order),
    /// else -1: `keyMemo` reads them as one span.
    let keyColumn: Int
    init(_ h: HeaderMap) {
      period = h["period"]!
      district = h["district_code"]!
      sex = h["sex"]!
      age = h["age_group"]!
      population = h["population"]!
      keyColumn = FieldSpan.firstOfAdjacent([sex, age])
    }
  }

  /// Reads one row: through `consumeKnown` when it can, else the checked path. Small, so that
  /// it inlines into the reader's loop with `consumeKnown`.
  @inline(__always) mutating func consume(_ row: RowFields, _ log: inout DiagnosticLog) {
    if _fastPath(columns != nil) {
      let c = columns.unsafelyUnwrapped
      if c.keyColumn >= 0 && !checkedPathOnly && consumeKnown(row.record, c) { return }
    }
    consumeChecked(row, &log)
  }

  /// The hot path: a row whose period is the grid being filled (the bytes of the last row the
  /// checked path read to it), whose district the memo finds as the checked path's first step
  /// would, whose sex and age_group bytes are in `keyMemo`, with a plain count (1 to 9 ASCII
  /// digits, which `CellParsing.count` reads as that value) for a cell no row gave yet, has its
  /// cell written here as the checked path would, without its lookups. True when the cell was
  /// written; false changes nothing but memos, and the checked path reads the row.
  @inline(__always) private mutating func consumeKnown(_ record: CSVRecord, _ c: Columns) -> Bool {
    guard periodMemo.value(for: record.field(c.period)) != nil,
      let d = districtMemo.lookup(record.field(c.district), codes, record.encoding),
      let span = SpanKeyMemo<PopulationKey>.span(record, first: c.keyColumn)
    else { return false }
    let e = keyMemo.find(span)
    guard e >= 0 else { return false }
    let entry = keyMemo[e]
    let value = CellParsing.plainCount(record.field(c.population))
    guard value >= 0, entry.band < current.bandCount else { return false }
    let o = current.offset(district: d, sex: entry.sex, band: entry.band)
    guard current.isAbsent(at: o) else { return false }
    current.setValue(UInt32(truncatingIfNeeded: value), at: o)
    data.rows += 1
    return true
  }

  /// The checked path: every cell through its cache or its parser, with the diagnostics.
  @inline(never) private mutating func consumeChecked(_ row: RowFields, _ log: inout DiagnosticLog) {
    if _slowPath(columns == nil) { columns = Columns(row.header) }
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
    periodMemo.remember(record.field(c.period), period)
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
      if c.keyColumn >= 0, let span = SpanKeyMemo<PopulationKey>.span(record, first: c.keyColumn) {
        keyMemo.register(span, PopulationKey(sex: sex, band: b))
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

/// What the checked path of `PopulationAccumulator.consume` made of one spelling of a
/// population row's sex and age_group cells (adjacent in the header, in either order): the sex
/// and the index of the band in the read's `BandSet`. A national population.csv has 36 such
/// spellings and 8 million rows.
struct PopulationKey: SpanKeyMemoValue {
  /// The span: sex and age_group, up to 16 bytes; up to 1024 spellings.
  static let fieldCount = 2, maxSpan = 16, maxEntries = 1024

  var sex: Sex
  /// Index of the band in the accumulator's `BandSet`.
  var band: Int
}
