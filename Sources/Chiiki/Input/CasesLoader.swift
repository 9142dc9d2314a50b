/// Reads cases.csv: the centre's aggregated consultation counts.
public enum CasesLoader {
  public static let schema = TableSchema(
    file: "cases.csv",
    required: ["period", "district_code", "sex", "age_group", "category", "consultations"],
    optional: ["referrals", "exits"])

  /// The latest month in cases.csv (the default run period). A first, light pass: only the
  /// period column is decoded.
  public static func latestPeriod(path: String, encoding: InputEncoding?) throws(ChiikiError) -> Period? {
    var log = DiagnosticLog()
    return try latestPeriod(path: path, encoding: encoding, log: &log)
  }

  /// Same, keeping what the light pass found wrong (an empty file, a bad header), which explains
  /// why no month could be read.
  static func latestPeriod(path: String, encoding: InputEncoding?, log: inout DiagnosticLog) throws(ChiikiError) -> Period? {
    var latest: Period? = nil
    var seen: [String: Period] = [:]
    _ = try readTable(path: path, schema: schema, encoding: encoding, log: &log) { row, log in
      guard let col = row.header["period"], let text = row.record.string(col) else { return }
      let p: Period?
      if let cached = seen[text] { p = cached } else {
        p = try? Period.parse(text)
        if let p, seen.count < 10_000 { seen[text] = p }
      }
      if let p, p.month != nil, latest.map({ p > $0 }) ?? true { latest = p }
    }
    return latest
  }

  public static func load(
    path: String, districts: DistrictTable, runPeriod: Period, windowMonths: Int,
    encoding: InputEncoding?, log: inout DiagnosticLog, codes: DistrictByteIndex? = nil
  ) throws(ChiikiError) -> (CaseData, CSVReadSummary) {
    var data = CaseData(districtCount: districts.count, areaCount: districts.areas.count, runPeriod: runPeriod, windowMonths: windowMonths)
    var seenCells = CaseCellSet()
    var overflowCells = Set<CaseCellKey>()
    let codes = codes ?? DistrictByteIndex(districts)
    // Raw cell bytes -> meaning, filled only from what the checked path returned (no String per field).
    var periods = ByteTable<Period>()
    var sexes = ByteTable<Sex?>()
    var ageBands = ByteTable<AgeBand?>()
    var categories = ByteTable<(name: String, slot: Int)>()
    var categorySlotOfText: [String: Int] = [:]
    var bandSlots: [AgeBand: Int] = [:]
    var columns: (period: Int, district: Int, sex: Int, age: Int, category: Int, consultations: Int, referrals: Int?, exits: Int?)? = nil
    func count(_ row: RowFields, _ column: Int?, _ name: String, _ log: inout DiagnosticLog) -> CountCell? {
      guard let column else { return .missing }
      let cell = CellParsing.count(row.record.field(column))
      if case .invalid = cell { return row.count(name, &log) }
      return cell
    }
    let summary = try readTable(path: path, schema: schema, encoding: encoding, log: &log) { row, log in
      if data.rows == 0 {
        data.hasReferrals = row.header["referrals"] != nil
        data.hasExits = row.header["exits"] != nil
      }
      if columns == nil {
        let h = row.header
        columns = (h["period"]!, h["district_code"]!, h["sex"]!, h["age_group"]!, h["category"]!, h["consultations"]!, h["referrals"], h["exits"])
      }
      let cols = columns!
      let record = row.record
      let period: Period
      if let p = periods.value(for: record.field(cols.period)) { period = p } else {
        guard let p = row.period("period", monthly: true, &log) else { return }
        periods.insert(record.field(cols.period), p)
        period = p
      }
      guard let d = row.district(at: cols.district, codes: codes, districts, &log) else { return }
      let sex: Sex?
      if let s = sexes.value(for: record.field(cols.sex)) { sex = s } else {
        guard let s = row.sex(allowUnknown: true, &log) else { return }
        sexes.insert(record.field(cols.sex), s)
        sex = s
      }
      let band: AgeBand?
      if let b = ageBands.value(for: record.field(cols.age)) { band = b } else {
        guard let b = row.ageBand(allowUnknown: true, &log) else { return }
        ageBands.insert(record.field(cols.age), b)
        band = b
      }
      let category: String
      let categorySlot: Int
      if let known = categories.value(for: record.field(cols.category)) {
        (category, categorySlot) = known
      } else {
        guard let text = row.requiredText("category", &log) else { return }
        category = text
        if let known = categorySlotOfText[text] { categorySlot = known } else {
          categorySlot = categorySlotOfText.count
          categorySlotOfText[text] = categorySlot
        }
        categories.insert(record.field(cols.category), (text, categorySlot))
      }
      guard let consultationsCell = count(row, cols.consultations, "consultations", &log),
        let referralsCell = count(row, cols.referrals, "referrals", &log),
        let exitsCell = count(row, cols.exits, "exits", &log)
      else { return }
      guard case .value(let consultations) = consultationsCell else {
        row.error("consultations", "consultations is empty or suppressed; the centre's own counts must be given (0 if none)", &log)
        return
      }
      // Like consultations, the centre's own referral and exit counts are never suppressed: an
      // empty or X cell in a column that is there would otherwise be read as 0.
      if data.hasReferrals, case .missing = referralsCell {
        row.error("referrals", "referrals is empty or suppressed; the centre's own counts must be given (0 if none), or leave the referrals column out", &log)
        return
      }
      if data.hasExits, case .missing = exitsCell {
        row.error("exits", "exits is empty or suppressed; the centre's own counts must be given (0 if none), or leave the exits column out", &log)
        return
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
      if data.hasReferrals, referrals > consultations {
        row.error("referrals", "referrals (\(referrals)) exceed consultations (\(consultations))", &log)
        return
      }
      if data.hasExits, data.hasReferrals, exits > referrals {
        row.error("exits", "exits (\(exits)) exceed referrals (\(referrals)); an exit is counted among the referred", &log)
        return
      }
      let bandSlot: Int
      if let band {
        if let known = bandSlots[band] { bandSlot = known } else {
          bandSlot = bandSlots.count + 1
          bandSlots[band] = bandSlot
        }
      } else {
        bandSlot = 0
      }
      // Slots are given per decoded category text and per band value, so two spellings of one
      // cell pack to the same key; a cell whose parts do not fit the packing uses the exact key.
      let inserted: Bool
      if let packed = CaseCellSet.pack(month: period.monthIndex, district: d, sex: sex?.rawValue ?? 2, band: bandSlot, category: categorySlot) {
        inserted = seenCells.insert(packed)
      } else {
        inserted = overflowCells.insert(CaseCellKey(period: period.monthIndex, district: d, sex: sex?.rawValue ?? 2, band: band, category: category)).inserted
      }
      if !inserted {
        row.error("category", "duplicate cell: \(period) \(districts.districts[d].code) \(sex?.code ?? "unknown") \(band?.description ?? "unknown") \(category) appears more than once", &log)
        return
      }
      data.rows += 1
      if period > runPeriod {
        data.rowsAfterRun += 1
        return
      }
      guard let m = data.monthSlot(period) else {
        data.rowsBeforeKept += 1
        data.consultationsBeforeKept += consultations
        return
      }
      let c = data.categoryIndex(category)
      let n = data.districtCount
      data.monthly[m * n + d] &+= UInt32(consultations)
      data.cityMonthlyByCategory[m][c] &+= UInt32(consultations)
      let area = districts.areaIndex[d] ?? districts.areas.count
      data.areaMonthlyConsultations[m][area] &+= UInt32(consultations)
      data.areaMonthlyReferrals[m][area] &+= UInt32(referrals)
      data.areaMonthlyExits[m][area] &+= UInt32(exits)
      guard m >= data.monthsKept - data.windowMonths else { return }
      data.windowConsultations[c * n + d] &+= UInt32(consultations)
      data.windowReferrals[c * n + d] &+= UInt32(referrals)
      data.windowExits[c * n + d] &+= UInt32(exits)
      let s = sex?.rawValue ?? 2
      if sex == nil { data.unknownSexConsultations += consultations }
      if let band {
        let b = data.bandIndex(band)
        if b == data.bandFirstSeen.count { data.bandFirstSeen.append(CellLocation(line: row.record.line, column: row.column("age_group"))) }
        data.windowBySegment[(b * 3 + s) * n + d] &+= UInt32(consultations)
      } else {
        data.windowUnknownAge[s * n + d] &+= UInt32(consultations)
        data.unknownAgeConsultations += consultations
      }
    }
    return (data, summary)
  }
}

/// Identifies one cell of cases.csv, to refuse duplicates.
struct CaseCellKey: Hashable {
  let period: Int
  let district: Int
  let sex: Int
  let band: AgeBand?
  let category: String
}
