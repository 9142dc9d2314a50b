/// The state of one cases.csv read. Every row is checked as it is read (diagnostics do not
/// depend on the run period); what a checked row adds to `CaseData` depends on the run period.
/// When the run period is given, rows are added at once. When it is not (it is the latest
/// month of the file), the same pass also finds that month, and each checked row that may fall
/// in the kept months is buffered (`CaseRowBuffer`, 8 bytes a row) and added in file order at the end: the result
/// is the one a second pass would give, without reading the file again.
struct CasesAccumulator: RowConsumer {
  let districts: DistrictTable
  let codes: DistrictByteIndex
  let windowMonths: Int
  /// The run period, when given; nil means "the latest month of the file".
  let givenPeriod: Period?

  /// The latest month read, as `CasesLoader.latestPeriod` finds it (lenient: any row of the
  /// right width whose period cell is a month).
  private(set) var latest: Period? = nil {
    didSet { keptFromLatest = latest.map { $0.monthIndex - (windowMonths + 12 - 1) } ?? Int.min }
  }
  /// The first month kept if `latest` is the run period (Int.min before any month).
  private var keptFromLatest = Int.min
  /// The cases being added up (a placeholder until the run period is known).
  private var data: CaseData
  /// `data.firstKeptMonth.monthIndex`, set with each new `data`.
  private var firstKeptIndex = 0
  private var rows = 0
  private var sawRow = false
  private var hasReferrals = false
  private var hasExits = false
  private var rowsBeforeKept = 0
  private var consultationsBeforeKept = 0
  /// The rows buffered until the run period is known (8 bytes each).
  private var buffer = CaseRowBuffer()
  /// Buffered rows after the last compaction.
  private var compactedAt = 0
  /// Rows buffered before the first compaction is tried (then twice as many each time).
  private static let compactionStep = 1 << 16
  /// Set when a row does not fit `BufferedCase`; the caller then reads the file again.
  private(set) var needsSecondPass = false

  private var seenCells = CaseCellSet()
  private var overflowCells = Set<CaseCellKey>()
  private var columns: (period: Int, district: Int, sex: Int, age: Int, category: Int, consultations: Int, referrals: Int?, exits: Int?)? = nil
  // Raw cell bytes -> meaning, filled only from what the checked path returned (no String per field).
  private var lenientPeriods = FieldCache<Period?>()
  private var periods = FieldCache<Period>()
  /// The period bytes of the last row that passed the period check, with their checked
  /// reading (their lenient one, `noteLatest`, is already in `latest`).
  private var lastPeriod = LastFieldMemo<Period>()
  private var sexes = FieldCache<Sex?>()
  /// Age cell bytes -> index into `ageEntries` / `ageSlot`.
  private var ageBands = FieldCache<Int>()
  private var ageEntries: [AgeBand?] = []
  /// Band slot (1-based, 0 = unknown age) of each age entry, -1 until a row assigns it.
  private var ageSlot: [Int] = []
  private var bandSlots: [AgeBand: Int] = [:]
  /// Band of each slot (index 0: unknown age).
  private var slotBands: [AgeBand?] = [nil]
  /// Category cell bytes -> category slot.
  private var categories = FieldCache<Int>()
  private var categoryNames: [String] = []
  private var categorySlotOfText: [String: Int] = [:]
  /// `CaseData` index of each category slot and band slot, -1 until used.
  private var categoryIndex: [Int] = []
  private var bandIndex: [Int] = [-1]
  private var districtMemo = DistrictMemo()
  /// The first of the sex, age_group and category columns when the three are side by side
  /// (-1 otherwise), and what their cells mean together (`FieldSpanCache`).
  private var spanFirst = -1
  private var spanCells = FieldSpanCache()

  init(districts: DistrictTable, codes: DistrictByteIndex, windowMonths: Int, runPeriod: Period?) {
    self.districts = districts
    self.codes = codes
    self.windowMonths = windowMonths
    givenPeriod = runPeriod
    data = CasesAccumulator.emptyData(runPeriod == nil ? DistrictTable([]) : districts, runPeriod ?? Period(year: 0, month: 1), windowMonths)
    firstKeptIndex = data.firstKeptMonth.monthIndex
  }

  static func emptyData(_ districts: DistrictTable, _ runPeriod: Period, _ windowMonths: Int) -> CaseData {
    CaseData(districtCount: districts.count, areaCount: districts.areas.count, runPeriod: runPeriod, windowMonths: windowMonths)
  }

  /// The consultations, referrals and exits of a row whose count cells are not all plain
  /// digits, through the checked path; nil when one is not usable (its error logged).
  @inline(never) private func counts(
    _ row: RowFields, _ consultationsColumn: Int, _ referralsColumn: Int?, _ exitsColumn: Int?, _ log: inout DiagnosticLog
  ) -> (Int, Int, Int)? {
    guard let consultationsCell = count(row, consultationsColumn, "consultations", &log),
      let referralsCell = count(row, referralsColumn, "referrals", &log),
      let exitsCell = count(row, exitsColumn, "exits", &log)
    else { return nil }
    guard case .value(let consultations) = consultationsCell else {
      row.error("consultations", "consultations is empty or suppressed; the centre's own counts must be given (0 if none)", &log)
      return nil
    }
    // Like consultations, the centre's own referral and exit counts are never suppressed: an
    // empty or X cell in a column that is there would otherwise be read as 0.
    if hasReferrals, case .missing = referralsCell {
      row.error("referrals", "referrals is empty or suppressed; the centre's own counts must be given (0 if none), or leave the referrals column out", &log)
      return nil
    }
    if hasExits, case .missing = exitsCell {
      row.error("exits", "exits is empty or suppressed; the centre's own counts must be given (0 if none), or leave the exits column out", &log)
      return nil
    }
    let referrals: Int
    switch referralsCell {
    case .value(let v): referrals = v
    default: referrals = 0
    }
    let exits: Int
    switch exitsCell {
    case .value(let v): exits = v
    default: exits = 0
    }
    return (consultations, referrals, exits)
  }

  private func count(_ row: RowFields, _ column: Int?, _ name: String, _ log: inout DiagnosticLog) -> CountCell? {
    guard let column else { return .missing }
    let cell = CellParsing.count(row.record.field(column))
    if case .invalid = cell { return row.count(name, &log) }
    return cell
  }

  mutating func consume(_ row: RowFields, _ log: inout DiagnosticLog) {
    if _slowPath(!sawRow) {
      sawRow = true
      let h = row.header
      hasReferrals = h["referrals"] != nil
      hasExits = h["exits"] != nil
      columns = (h["period"]!, h["district_code"]!, h["sex"]!, h["age_group"]!, h["category"]!, h["consultations"]!, h["referrals"], h["exits"])
      spanFirst = FieldSpan.firstOfAdjacent([h["sex"]!, h["age_group"]!, h["category"]!])
    }
    let cols = columns.unsafelyUnwrapped
    let record = row.record
    let periodBytes = record.field(cols.period)
    let period: Period
    if let last = lastPeriod.value(for: periodBytes) {
      // The same bytes as the row before: their checked reading is known, and `latest`
      // already counts their lenient one (noted when they were remembered; it only grows).
      period = last
    } else {
      if givenPeriod == nil { noteLatest(row, cols.period) }
      if let p = periods.value(for: periodBytes) { period = p } else {
        guard let p = row.period("period", monthly: true, &log) else { return }
        periods.insert(periodBytes, p)
        period = p
      }
      lastPeriod.remember(periodBytes, period)
    }
    let d: Int
    let districtBytes = record.field(cols.district)
    if let known = districtMemo.lookup(districtBytes, codes, record.encoding) { d = known } else {
      guard let found = row.district(at: cols.district, codes: codes, districts, &log) else { return }
      districtMemo.remember(districtBytes, found)
      d = found
    }
    let sex: Sex?
    let ageEntry: Int
    let categorySlot: Int
    if spanFirst >= 0, let known = spanCells.value(record, first: spanFirst) {
      sex = Sex(rawValue: Int(known & 0xFF))
      ageEntry = Int((known >> 8) & 0xFF_FFFF)
      categorySlot = Int(known >> 32)
    } else {
      guard let cells = lookUpCells(row, cols.sex, cols.age, cols.category, &log) else { return }
      (sex, ageEntry, categorySlot) = cells
    }
    // Nearly every count cell is a few plain digits: read them straight off; any other cell
    // takes the checked path (`counts`), which words the diagnostics.
    var consultations = 0
    var referrals = 0
    var exits = 0
    var plain = false
    let c = CellParsing.plainCount(record.field(cols.consultations))
    if c >= 0 {
      consultations = c
      plain = true
      if let column = cols.referrals {
        let r = CellParsing.plainCount(record.field(column))
        if r >= 0 { referrals = r } else { plain = false }
      }
      if plain, let column = cols.exits {
        let e = CellParsing.plainCount(record.field(column))
        if e >= 0 { exits = e } else { plain = false }
      }
    }
    if !plain {
      guard let checked = counts(row, cols.consultations, cols.referrals, cols.exits, &log) else { return }
      (consultations, referrals, exits) = checked
    }
    if hasReferrals, referrals > consultations {
      row.error("referrals", "referrals (\(referrals)) exceed consultations (\(consultations))", &log)
      return
    }
    if hasExits, hasReferrals, exits > referrals {
      row.error("exits", "exits (\(exits)) exceed referrals (\(referrals)); an exit is counted among the referred", &log)
      return
    }
    var bandSlot = ageSlot[ageEntry]
    if _slowPath(bandSlot < 0) {
      if let band = ageEntries[ageEntry] {
        if let known = bandSlots[band] { bandSlot = known } else {
          bandSlot = bandSlots.count + 1
          bandSlots[band] = bandSlot
          slotBands.append(band)
          bandIndex.append(-1)
        }
      } else {
        bandSlot = 0
      }
      ageSlot[ageEntry] = bandSlot
    }
    let band = slotBands[bandSlot]
    // Slots are given per decoded category text and per band value, so two spellings of one
    // cell pack to the same key; a cell whose parts do not fit the packing uses the exact key.
    let inserted: Bool
    if let packed = CaseCellSet.pack(month: period.monthIndex, district: d, sex: sex?.rawValue ?? 2, band: bandSlot, category: categorySlot) {
      inserted = seenCells.insert(packed)
    } else {
      inserted = overflowCells.insert(CaseCellKey(period: period.monthIndex, district: d, sex: sex?.rawValue ?? 2, band: band, category: categoryNames[categorySlot])).inserted
    }
    if !inserted {
      row.error("category", "duplicate cell: \(period) \(districts.districts[d].code) \(sex?.code ?? "unknown") \(band?.description ?? "unknown") \(categoryNames[categorySlot]) appears more than once", &log)
      return
    }
    rows += 1
    let cell = CheckedCase(
      period: period, district: d, sex: sex?.rawValue ?? 2, bandSlot: bandSlot, categorySlot: categorySlot,
      consultations: consultations, referrals: referrals, exits: exits, line: record.line)
    if givenPeriod != nil {
      add(cell)
    } else {
      buffer(cell)
    }
  }

  /// The sex, age entry and category slot of a row whose sex, age_group and category cells are
  /// not in `spanCells`: each through its own cache or the checked path (which words the
  /// diagnostics; nil after an error), then remembered in `spanCells` together.
  @inline(never) private mutating func lookUpCells(
    _ row: RowFields, _ sexColumn: Int, _ ageColumn: Int, _ categoryColumn: Int, _ log: inout DiagnosticLog
  ) -> (Sex?, Int, Int)? {
    let record = row.record
    let sex: Sex?
    if let s = sexes.value(for: record.field(sexColumn)) { sex = s } else {
      guard let s = row.sex(allowUnknown: true, &log) else { return nil }
      sexes.insert(record.field(sexColumn), s)
      sex = s
    }
    let ageEntry: Int
    if let e = ageBands.value(for: record.field(ageColumn)) { ageEntry = e } else {
      guard let b = row.ageBand(allowUnknown: true, &log) else { return nil }
      ageEntry = ageEntries.count
      ageEntries.append(b)
      ageSlot.append(-1)
      ageBands.insert(record.field(ageColumn), ageEntry)
    }
    let categorySlot: Int
    if let known = categories.value(for: record.field(categoryColumn)) { categorySlot = known } else {
      guard let text = row.requiredText("category", &log) else { return nil }
      if let known = categorySlotOfText[text] { categorySlot = known } else {
        categorySlot = categorySlotOfText.count
        categorySlotOfText[text] = categorySlot
        categoryNames.append(text)
        categoryIndex.append(-1)
      }
      categories.insert(record.field(categoryColumn), categorySlot)
    }
    if spanFirst >= 0 && ageEntry < 1 << 24 && categorySlot < 1 << 31 {
      spanCells.insert(record, first: spanFirst, UInt64(sex?.rawValue ?? 2) | UInt64(ageEntry) << 8 | UInt64(categorySlot) << 32)
    }
    return (sex, ageEntry, categorySlot)
  }

  /// The lenient reading of the period cell that finds the default run period: counts it in
  /// `latest` (nothing when the cell is not a month, or not decodable).
  private mutating func noteLatest(_ row: RowFields, _ column: Int) {
    let bytes = row.record.field(column)
    let p: Period?
    if let cached = lenientPeriods.value(for: bytes) { p = cached } else {
      guard let text = row.record.string(column) else { return }
      let parsed = try? Period.parse(text)
      p = parsed?.month == nil ? nil : parsed
      lenientPeriods.insert(bytes, p)
    }
    if let p, latest.map({ p > $0 }) ?? true { latest = p }
  }

  @inline(__always) private mutating func buffer(_ cell: CheckedCase) {
    // A row before the months kept for the latest month so far is before them for the run too.
    let firstKept = keptFromLatest
    if cell.period.monthIndex < firstKept {
      rowsBeforeKept += 1
      consultationsBeforeKept += cell.consultations
      return
    }
    guard buffer.append(cell) else {
      needsSecondPass = true
      return
    }
    if buffer.count >= 2 * compactedAt + CasesAccumulator.compactionStep {
      // Drops buffered rows that are now before the kept months (their counts stay). Copies
      // nothing when no buffered row is before them (a file written month by month).
      let dropped = buffer.compact(before: firstKept)
      rowsBeforeKept += dropped.rows
      consultationsBeforeKept += dropped.consultations
      compactedAt = buffer.count
    }
  }

  /// What a checked row adds for the run period: the part of the old second pass after the
  /// duplicate check, unchanged.
  private mutating func add(_ cell: CheckedCase) {
    data.rows += 1
    let period = cell.period
    let consultations = cell.consultations
    if period > data.runPeriod {
      data.rowsAfterRun += 1
      return
    }
    // `data.monthSlot(period)`, with the oldest kept month's index worked out once.
    let m = period.monthIndex - firstKeptIndex
    guard m >= 0 && m < data.monthsKept else {
      data.rowsBeforeKept += 1
      data.consultationsBeforeKept += consultations
      return
    }
    var c = categoryIndex[cell.categorySlot]
    if c < 0 {
      c = data.categoryIndex(categoryNames[cell.categorySlot])
      categoryIndex[cell.categorySlot] = c
    }
    let d = cell.district
    let n = data.districtCount
    data.monthly[m * n + d] &+= UInt32(consultations)
    data.cityMonthlyByCategory[m][c] &+= UInt32(consultations)
    let area = districts.areaIndex[d] ?? districts.areas.count
    data.areaMonthlyConsultations[m][area] &+= UInt32(consultations)
    data.areaMonthlyReferrals[m][area] &+= UInt32(cell.referrals)
    data.areaMonthlyExits[m][area] &+= UInt32(cell.exits)
    guard m >= data.monthsKept - data.windowMonths else { return }
    data.windowConsultations[c * n + d] &+= UInt32(consultations)
    data.windowReferrals[c * n + d] &+= UInt32(cell.referrals)
    data.windowExits[c * n + d] &+= UInt32(cell.exits)
    let s = cell.sex
    if s == 2 { data.unknownSexConsultations += consultations }
    if let band = slotBands[cell.bandSlot] {
      var b = bandIndex[cell.bandSlot]
      if b < 0 {
        b = data.bandIndex(band)
        bandIndex[cell.bandSlot] = b
      }
      if b == data.bandFirstSeen.count { data.bandFirstSeen.append(CellLocation(line: cell.line, column: columns.map { $0.age + 1 })) }
      data.windowBySegment[(b * 3 + s) * n + d] &+= UInt32(consultations)
    } else {
      data.windowUnknownAge[s * n + d] &+= UInt32(consultations)
      data.unknownAgeConsultations += consultations
    }
  }

  /// The cases for `runPeriod` (the given one, or the latest month found), or nil when the
  /// buffered rows could not all be kept and the file must be read again with the run period.
  mutating func finish(runPeriod: Period) -> CaseData? {
    // No row comes after this: the cells seen (8 bytes a row) go before the replay needs memory.
    seenCells = CaseCellSet()
    overflowCells = []
    if givenPeriod == nil {
      if needsSecondPass { return nil }
      data = CasesAccumulator.emptyData(districts, runPeriod, windowMonths)
      firstKeptIndex = data.firstKeptMonth.monthIndex
      data.rows = rows - buffer.count
      data.rowsBeforeKept = rowsBeforeKept
      data.consultationsBeforeKept = consultationsBeforeKept
      var rowsToAdd = buffer
      buffer = CaseRowBuffer()
      var replay = CaseReplay(
        categoryIndex: categoryIndex, bandIndex: bandIndex, categoryNames: categoryNames, slotBands: slotBands,
        areaOfDistrict: districts.areaIndex.map { $0 ?? districts.areas.count }, areaCount: districts.areas.count,
        ageColumn: columns.map { $0.age + 1 })
      replay.run(&rowsToAdd, into: &data)
      categoryIndex = replay.categoryIndex
      bandIndex = replay.bandIndex
    }
    data.hasReferrals = sawRow && hasReferrals
    data.hasExits = sawRow && hasExits
    return data
  }
}

/// A row of cases.csv that passed every check.
struct CheckedCase {
  var period: Period
  var district: Int
  /// 0 male, 1 female, 2 unknown.
  var sex: Int
  var bandSlot: Int
  var categorySlot: Int
  var consultations: Int
  var referrals: Int
  var exits: Int
  var line: Int
}

/// A checked row kept whole until the run period is known (28 bytes): `CaseRowBuffer`'s form
/// for the rare row whose parts do not fit its 8-byte word.
struct BufferedCase {
  var month: Int32
  var district: Int32
  /// sex (2 bits) << 30 | band slot (14 bits) << 16 | category slot (16 bits).
  var slots: UInt32
  var consultations: UInt32
  var referrals: UInt32
  var exits: UInt32
  var line: UInt32

  init?(_ c: CheckedCase) {
    guard let month = Int32(exactly: c.period.monthIndex), c.period.month != nil, let district = Int32(exactly: c.district),
      c.bandSlot < (1 << 14), c.categorySlot < (1 << 16), let consultations = UInt32(exactly: c.consultations),
      let referrals = UInt32(exactly: c.referrals), let exits = UInt32(exactly: c.exits), let line = UInt32(exactly: c.line)
    else { return nil }
    self.month = month
    self.district = district
    slots = UInt32(c.sex) << 30 | UInt32(c.bandSlot) << 16 | UInt32(c.categorySlot)
    self.consultations = consultations
    self.referrals = referrals
    self.exits = exits
    self.line = line
  }

  var checked: CheckedCase {
    let m = Int(month)
    let year = m >= 0 ? m / 12 : (m - 11) / 12
    return CheckedCase(
      period: Period(year: year, month: m - year * 12 + 1), district: Int(district), sex: Int(slots >> 30),
      bandSlot: Int((slots >> 16) & 0x3FFF), categorySlot: Int(slots & 0xFFFF),
      consultations: Int(consultations), referrals: Int(referrals), exits: Int(exits), line: Int(line))
  }
}
