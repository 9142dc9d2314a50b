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
    encoding: InputEncoding?, log: inout DiagnosticLog, codes: DistrictByteIndex? = nil,
    hasher: UnsafeMutablePointer<SHA256>? = nil
  ) throws(ChiikiError) -> (CaseData, CSVReadSummary) {
    var acc = CasesAccumulator(districts: districts, codes: codes ?? DistrictByteIndex(districts), windowMonths: windowMonths, runPeriod: runPeriod)
    let summary = try readTable(path: path, schema: schema, encoding: encoding, log: &log, hasher: hasher, into: &acc)
    return (acc.finish(runPeriod: runPeriod)!, summary)
  }

  /// What reading cases.csv without a run period gave.
  struct OnePassResult {
    /// The latest month, as `latestPeriod` finds it; nil when no month could be read.
    var latest: Period?
    /// The diagnostics `latestPeriod` would have logged (the header, row widths, an empty file),
    /// which explain why no month could be read.
    var tableLog: DiagnosticLog
    /// The cases for the latest month (nil when there is none).
    var cases: CaseData?
    var summary: CSVReadSummary
  }

  /// Reads cases.csv once when the run period is not given: finds the latest month (the run
  /// period) and aggregates the cases for it in the same pass. `log` gets what `load` with that
  /// period would log. Same results as `latestPeriod` then `load`; only when a row does not fit
  /// the compact buffer is the file read a second time.
  static func loadFindingPeriod(
    path: String, districts: DistrictTable, windowMonths: Int, encoding: InputEncoding?,
    log: inout DiagnosticLog, codes: DistrictByteIndex? = nil, hasher: UnsafeMutablePointer<SHA256>? = nil
  ) throws(ChiikiError) -> OnePassResult {
    let codes = codes ?? DistrictByteIndex(districts)
    var acc = CasesAccumulator(districts: districts, codes: codes, windowMonths: windowMonths, runPeriod: nil)
    var tableLog: DiagnosticLog? = DiagnosticLog(limit: log.limit)
    var rowLog = log
    let summary = try readTable(path: path, schema: schema, encoding: encoding, log: &rowLog, tableLog: &tableLog, hasher: hasher, into: &acc)
    guard let latest = acc.latest else {
      return OnePassResult(latest: nil, tableLog: tableLog ?? DiagnosticLog(), cases: nil, summary: summary)
    }
    if let cases = acc.finish(runPeriod: latest) {
      log = rowLog
      return OnePassResult(latest: latest, tableLog: tableLog ?? DiagnosticLog(), cases: cases, summary: summary)
    }
    let (cases, again) = try load(
      path: path, districts: districts, runPeriod: latest, windowMonths: windowMonths, encoding: encoding, log: &log, codes: codes)
    return OnePassResult(latest: latest, tableLog: tableLog ?? DiagnosticLog(), cases: cases, summary: again)
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
