/// The aggregation state of one thread reading statistics.csv: the cells written per indicator
/// and period (in `CellColumns`, which take memory only for what this thread wrote; dense grids
/// are made only by `finish`), plus caches that map raw cell bytes to their meaning so that the
/// hot path builds no String. A cache only ever holds what the checked (slow) path returned for the same bytes,
/// so diagnostics and results are the same with or without it.
struct StatisticsAccumulator {
  struct GridKey: Hashable {
    let indicator: IndicatorID
    let period: Period
  }

  /// What the hot path needs of one indicator spelling: plain values, so reading it per row
  /// copies no String.
  struct IndicatorEntry {
    /// Index of the indicator's id in `indicatorIDs` (two spellings of one id share it).
    let key: Int
    let fromPopulation: Bool
    let minAge: Int?
    let maxAge: Int?
  }

  let districts: DistrictTable
  let codes: DistrictByteIndex
  let configuration: Configuration
  let runPeriod: Period

  var bands = BandSet()
  var keys: [GridKey] = []
  /// Cells of the grid of each of `keys`, by index.
  let cells: CellColumns
  var slotOf: [GridKey: Int] = [:]
  var rows = 0
  var rowsAfterRun = 0
  var suppressedCells: [IndicatorID: Int] = [:]
  /// Where each band (by index in `bands`) first appeared, to locate overlapping-band errors.
  var bandFirstSeen: [CellLocation] = []

  private var columns: Columns? = nil
  private var periods = FieldCache<Period>()
  private var sexes = FieldCache<Sex>()
  /// Age cell bytes -> index into `ageEntries` / `ageBandIndex`.
  private var ageBands = FieldCache<Int>()
  private var ageEntries: [AgeBand] = []
  /// Index in `bands` of each age entry, -1 until a row registers it.
  private var ageBandIndex: [Int] = []
  /// Indicator cell bytes -> index into `indicatorEntries`.
  private var indicators = FieldCache<Int>()
  private var indicatorEntries: [IndicatorEntry] = []
  private var indicatorIDs: [IndicatorID] = []
  private var indicatorKeyOf: [IndicatorID: Int] = [:]
  /// Suppressed cells per `indicatorIDs` index, not yet folded into `suppressedCells`.
  private var suppressedByKey: [Int] = []
  private var districtMemo = DistrictMemo()
  /// Per `indicatorIDs` index, the grid slot of the last period seen with it (-1: none yet).
  private var lastSlotOfKey: [Int] = []
  private var lastPeriodOfKey: [Period] = []
  /// The hot path's memo of the sex, age_group and indicator cells (see `consumeKnown`).
  private let keyMemo = SpanKeyMemo<CellKey>()
  /// The period bytes of the last row `consumeKnown` read, and their period (`currentPeriod`).
  private var periodMemo = LastFieldMemo<Period>()
  private var currentPeriod = Period(year: 0, month: nil)
  /// Whether `currentPeriod` is after the run period.
  private var currentAfterRun = false
  /// Counts the changes of `currentPeriod`: a key memo entry's mapping is for one generation.
  private var generation = 0
  /// When true every row takes the checked path (tests compare the two).
  var checkedPathOnly = false

  init(districts: DistrictTable, codes: DistrictByteIndex, configuration: Configuration, runPeriod: Period) {
    self.districts = districts
    self.codes = codes
    self.configuration = configuration
    self.runPeriod = runPeriod
    cells = CellColumns(districtCount: districts.count)
  }

  private struct Columns {
    let period, district, sex, age, indicator, numerator: Int
    let denominator: Int?
    /// The first of the columns sex, age_group and indicator when they are adjacent (in any
    /// order), else -1: `keyMemo` reads them as one span.
    let keyColumn: Int
    init(_ h: HeaderMap) {
      period = h["period"]!
      district = h["district_code"]!
      sex = h["sex"]!
      age = h["age_group"]!
      indicator = h["indicator"]!
      numerator = h["numerator"]!
      denominator = h["denominator"]
      keyColumn = FieldSpan.firstOfAdjacent([sex, age, indicator])
    }
  }

  /// A count cell read from the bytes; the checked path (with its diagnostic) only when invalid.
  @inline(__always) private func count(_ row: RowFields, _ column: Int?, _ name: String, _ log: inout DiagnosticLog) -> CountCell? {
    guard let column else { return .missing }
    let cell = CellParsing.count(row.record.field(column))
    if case .invalid = cell { return row.count(name, &log) }
    return cell
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

  /// The checked path: every cell through its cache or its parser, with the diagnostics.
  @inline(never) private mutating func consumeChecked(_ row: RowFields, _ log: inout DiagnosticLog) {
    if _slowPath(columns == nil) { columns = Columns(row.header) }
    let c = columns.unsafelyUnwrapped
    let record = row.record

    let period: Period
    if let p = periods.value(for: record.field(c.period)) {
      period = p
    } else {
      guard let p = row.period("period", monthly: false, &log) else { return }
      periods.insert(record.field(c.period), p)
      period = p
    }
    let d: Int
    let districtBytes = record.field(c.district)
    if let known = districtMemo.lookup(districtBytes, codes, record.encoding) {
      d = known
    } else {
      guard let found = row.district(at: c.district, codes: codes, districts, &log) else { return }
      districtMemo.remember(districtBytes, found)
      d = found
    }
    let sex: Sex
    if let s = sexes.value(for: record.field(c.sex)) {
      sex = s
    } else {
      guard let value = row.sex(allowUnknown: false, &log), let s = value else { return }
      sexes.insert(record.field(c.sex), s)
      sex = s
    }
    let ageEntry: Int
    if let e = ageBands.value(for: record.field(c.age)) {
      ageEntry = e
    } else {
      guard let value = row.ageBand(allowUnknown: false, &log), let b = value else { return }
      ageEntry = ageEntries.count
      ageEntries.append(b)
      ageBandIndex.append(-1)
      ageBands.insert(record.field(c.age), ageEntry)
    }
    let entryIndex: Int
    if let e = indicators.value(for: record.field(c.indicator)) {
      entryIndex = e
    } else {
      guard let text = row.requiredText("indicator", &log) else { return }
      guard text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-" }) else {
        row.error("indicator", "indicator '\(text)' must be an identifier (letters, digits, _ or -)", &log)
        return
      }
      entryIndex = addIndicator(IndicatorID(text), bytes: record.field(c.indicator))
    }
    let entry = indicatorEntries[entryIndex]
    guard let numeratorCell = count(row, c.numerator, "numerator", &log),
      let denominatorCell = count(row, c.denominator, "denominator", &log)
    else { return }
    rows += 1
    let band = ageEntries[ageEntry]

    var denominator: UInt32
    switch denominatorCell {
    case .value(let v):
      if v == 0 {
        row.error("denominator", "denominator is 0; a rate needs a denominator above 0 (leave the row out if there is nobody)", &log)
        return
      }
      denominator = UInt32(v)
    case .missing:
      let emptyCell = c.denominator.map { record.isEmpty($0) } ?? true
      if emptyCell && entry.fromPopulation {
        let indicator = indicatorIDs[entry.key]
        if let lo = entry.minAge, band.lower < lo {
          row.error("age_group", "\(indicator)'s population denominator covers ages \(lo)+ but this row is for \(band)", &log)
          return
        }
        if let hi = entry.maxAge, (band.upper ?? Int.max) > hi {
          row.error("age_group", "\(indicator)'s population denominator covers ages up to \(hi) but this row is for \(band)", &log)
          return
        }
        denominator = CellMark.fromPopulation
      } else if emptyCell {
        let indicator = indicatorIDs[entry.key]
        row.error("denominator", "denominator is empty; give it, or set denominator = \"population\" for [indicators.\(indicator)] in chiiki.toml and supply population.csv", &log)
        return
      } else {
        denominator = CellMark.missing
      }
    case .invalid: return
    }
    var numerator: UInt32
    switch numeratorCell {
    case .value(let v): numerator = UInt32(v)
    case .missing: numerator = CellMark.missing
    case .invalid: return
    }
    if CellMark.isCount(numerator) && CellMark.isCount(denominator) && numerator > denominator {
      row.error("numerator", "numerator (\(numerator)) is above denominator (\(denominator)); these are proportions of a population", &log)
      return
    }
    if !period.isNotAfter(runPeriod) {
      rowsAfterRun += 1
      return
    }
    if numerator == CellMark.missing || denominator == CellMark.missing {
      suppressedByKey[entry.key] += 1
      numerator = CellMark.missing
    }
    var b = ageBandIndex[ageEntry]
    if _slowPath(b < 0) {
      b = bands.index(for: band)
      ageBandIndex[ageEntry] = b
    }
    if b == bandFirstSeen.count { bandFirstSeen.append(CellLocation(line: row.record.line, column: c.age + 1)) }
    let slot = self.slot(key: entry.key, period: period)
    if !cells.write(slot: slot, band: b, sex: sex.rawValue, district: d, numerator: numerator, denominator: denominator) {
      let indicator = indicatorIDs[entry.key]
      row.error("indicator", "duplicate cell: \(period) \(districts.districts[d].code) \(sex.code) \(band) \(indicator) appears more than once", &log)
    } else if c.keyColumn >= 0, let span = SpanKeyMemo<CellKey>.span(record, first: c.keyColumn) {
      // An empty denominator reads as population.csv's when the indicator takes it from
      // there and its ages cover the band (the checks above).
      let fromPopulation = entry.fromPopulation && (entry.minAge.map { band.lower >= $0 } ?? true)
        && (entry.maxAge.map { (band.upper ?? Int.max) <= $0 } ?? true)
      keyMemo.register(
        span,
        CellKey(indicatorKey: entry.key, sex: sex.rawValue, band: b, populationDenominator: fromPopulation, mapping: nil, generation: -1))
    }
  }

  /// The hot path: a row whose cells are all spellings the checked path has already read
  /// (period, district, the sex/age_group/indicator span in `keyMemo`) with a plain numerator
  /// and a denominator that pass its checks (plain, above 0 and not below the numerator; or
  /// empty, for an indicator whose denominator comes from population.csv and covers the band),
  /// in a period not after the run, has its cell written here as the checked path would,
  /// without its lookups. True when the cell was written; false changes nothing but memos, and
  /// the checked path reads the row (and reports a duplicate cell).
  @inline(__always) private mutating func consumeKnown(_ record: CSVRecord, _ c: Columns) -> Bool {
    let periodBytes = record.field(c.period)
    if periodMemo.value(for: periodBytes) == nil {
      guard let p = periods.value(for: periodBytes) else { return false }
      if p != currentPeriod {
        currentPeriod = p
        currentAfterRun = !p.isNotAfter(runPeriod)
        generation += 1
      }
      periodMemo.remember(periodBytes, p)
    }
    guard !currentAfterRun,
      let d = districtMemo.lookup(record.field(c.district), codes, record.encoding),
      let span = SpanKeyMemo<CellKey>.span(record, first: c.keyColumn)
    else { return false }
    let e = keyMemo.find(span)
    guard e >= 0 else { return false }
    let entry = keyMemo[e]
    let numerator = CellParsing.plainCount(record.field(c.numerator))
    guard numerator >= 0 else { return false }
    let denominator: UInt32
    let denominatorBytes = c.denominator.map { record.field($0) }
    if denominatorBytes?.count ?? 0 == 0 {
      guard entry.populationDenominator else { return false }
      denominator = CellMark.fromPopulation
    } else {
      let v = CellParsing.plainCount(denominatorBytes.unsafelyUnwrapped)
      guard v > 0 && numerator <= v else { return false }
      denominator = UInt32(v)
    }
    let m: CellColumns.Mapping
    if entry.generation == generation, let known = entry.mapping {
      m = known
    } else {
      m = cells.mapping(slot: slot(key: entry.indicatorKey, period: currentPeriod), band: entry.band)
      keyMemo[e].mapping = m
      keyMemo[e].generation = generation
    }
    guard cells.write(into: m, sex: entry.sex, district: d, numerator: UInt32(numerator), denominator: denominator)
    else { return false }
    rows += 1
    return true
  }

  /// The grid slot of an indicator (by its `indicatorIDs` index) in a period, made on first use.
  @inline(__always) private mutating func slot(key: Int, period: Period) -> Int {
    if lastSlotOfKey[key] >= 0 && lastPeriodOfKey[key] == period { return lastSlotOfKey[key] }
    let s = slot(GridKey(indicator: indicatorIDs[key], period: period))
    lastSlotOfKey[key] = s
    lastPeriodOfKey[key] = period
    return s
  }

  /// Registers an indicator spelling (and its id, if new).
  private mutating func addIndicator(_ id: IndicatorID, bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let key: Int
    if let known = indicatorKeyOf[id] {
      key = known
    } else {
      key = indicatorIDs.count
      indicatorIDs.append(id)
      indicatorKeyOf[id] = key
      suppressedByKey.append(0)
      lastSlotOfKey.append(-1)
      lastPeriodOfKey.append(Period(year: 0, month: nil))
    }
    let config = configuration.indicator(id)
    let index = indicatorEntries.count
    indicatorEntries.append(IndicatorEntry(key: key, fromPopulation: config.denominator == .population, minAge: config.minAge, maxAge: config.maxAge))
    indicators.insert(bytes, index)
    return index
  }

  /// Moves the per-indicator suppressed counts into `suppressedCells`.
  private mutating func foldSuppressed() {
    for (key, n) in suppressedByKey.enumerated() where n > 0 {
      suppressedCells[indicatorIDs[key], default: 0] += n
      suppressedByKey[key] = 0
    }
  }

  private mutating func slot(_ key: GridKey) -> Int {
    let s: Int
    if let found = slotOf[key] {
      s = found
    } else {
      s = keys.count
      keys.append(key)
      cells.addSlot()
      slotOf[key] = s
    }
    return s
  }

  /// Folds in the state of a thread that read the rows after this one's. Returns false (and
  /// leaves this state unusable) when both saw the same cell: only a sequential read can say
  /// which row is the duplicate, so the caller reads again in one thread.
  mutating func absorb(_ later: inout StatisticsAccumulator, lineOffset: Int) -> Bool {
    // Merging may free mappings `keyMemo` points to: make every entry look its mapping up again.
    generation += 1
    foldSuppressed()
    later.foldSuppressed()
    let bandMap = later.bands.bands.map { bands.index(for: $0) }
    for (lb, b) in bandMap.enumerated() where b == bandFirstSeen.count && lb < later.bandFirstSeen.count {
      let seen = later.bandFirstSeen[lb]
      bandFirstSeen.append(CellLocation(line: seen.line + lineOffset, column: seen.column))
    }
    for (ls, key) in later.keys.enumerated() {
      guard cells.absorb(later.cells, from: ls, into: slot(key), bandMap: bandMap) else { return false }
    }
    rows += later.rows
    rowsAfterRun += later.rowsAfterRun
    for (k, v) in later.suppressedCells { suppressedCells[k, default: 0] += v }
    return true
  }

  /// The aggregated statistics (before population denominators are filled).
  consuming func finish() -> StatisticsData {
    foldSuppressed()
    var data = StatisticsData()
    data.bands = bands
    data.bandFirstSeen = bandFirstSeen
    for (key, grid) in zip(keys, cells.takeGrids(bandCount: bands.count)) {
      data.grids[key.indicator, default: [:]][key.period] = grid
    }
    data.rows = rows
    data.rowsAfterRun = rowsAfterRun
    data.suppressedCells = suppressedCells
    return data
  }
}
extension StatisticsAccumulator: RowAccumulator {}

/// What the checked path of `StatisticsAccumulator.consume` made of one spelling of a
/// statistics row's sex, age_group and indicator cells (adjacent in the header in any order):
/// the indicator, the sex, the band index and, per period, the mapping the cell goes to.
/// A national statistics.csv has ~75 such spellings and 16 million rows.
struct CellKey: SpanKeyMemoValue {
  /// The span: sex, age_group and indicator, up to 48 bytes; up to 4096 spellings.
  static let fieldCount = 3, maxSpan = 48, maxEntries = 4096

  /// Index of the indicator's id in the accumulator's `indicatorIDs`.
  var indicatorKey: Int
  var sex: Int
  /// Index of the band in the accumulator's `BandSet`.
  var band: Int
  /// Whether an empty denominator cell stands for population.csv's figure (the indicator's
  /// denominator is `population` and its ages cover the band); else it is an error.
  var populationDenominator: Bool
  /// The mapping of (slot of the indicator in the period of `generation`, band).
  var mapping: CellColumns.Mapping?
  var generation: Int
}
