/// Checked access to the cells of one data row: decoding, ragged-row detection and the
/// located diagnostics for each kind of bad cell.
struct RowFields {
  let file: String
  let record: CSVRecord
  let header: HeaderMap

  /// False (with an error logged) when the row has fewer fields than the header, or extra
  /// fields that are not empty. Trailing empty fields, as Excel sometimes writes, are accepted.
  func checkWidth(_ log: inout DiagnosticLog) -> Bool {
    if record.count < header.width {
      log.add(Diagnostic(.error, file: file, line: record.line, column: record.count + 1,
                         "the row has \(record.count) field\(record.count == 1 ? "" : "s") but the header has \(header.width)"))
      return false
    }
    if record.count > header.width {
      for i in header.width..<record.count where !record.isEmpty(i) {
        log.add(Diagnostic(.error, file: file, line: record.line, column: i + 1,
                           "the row has \(record.count) fields but the header has \(header.width)"))
        return false
      }
    }
    return true
  }

  /// The decoded, trimmed text of a column, or nil (with an error) if its bytes are undecodable.
  /// An absent optional column gives "".
  func text(_ name: String, _ log: inout DiagnosticLog) -> String? {
    guard let column = header[name] else { return "" }
    guard let raw = record.string(column) else {
      log.add(Diagnostic(.error, file: file, line: record.line, column: column + 1,
                         "\(name) holds bytes that are not valid \(record.decoder.encoding == .utf8 ? "UTF-8" : "CP932") (try --encoding)"))
      return nil
    }
    return TextNormalizer.trimSpaces(raw)
  }

  /// A required text cell: nil (with an error) if undecodable or empty.
  func requiredText(_ name: String, _ log: inout DiagnosticLog) -> String? {
    guard let value = text(name, &log) else { return nil }
    if value.isEmpty {
      log.add(Diagnostic(.error, file: file, line: record.line, column: (header[name] ?? 0) + 1, "\(name) is empty"))
      return nil
    }
    return value
  }

  func column(_ name: String) -> Int? { header[name].map { $0 + 1 } }

  func error(_ name: String, _ message: String, _ log: inout DiagnosticLog) {
    log.add(Diagnostic(.error, file: file, line: record.line, column: column(name), message))
  }

  func warning(_ name: String?, _ message: String, _ log: inout DiagnosticLog) {
    log.add(Diagnostic(.warning, file: file, line: record.line, column: name.flatMap(column), message))
  }

  /// A count column: `.value`, `.missing` (suppressed/empty), or nil after logging an error.
  func count(_ name: String, _ log: inout DiagnosticLog) -> CountCell? {
    guard let col = header[name] else { return .missing }
    var cell = CellParsing.count(record.field(col))
    if case .invalid = cell, record.decoder.encoding == .cp932, let text = record.string(col) {
      cell = CellParsing.count(text: text)
    }
    if case .invalid(let why) = cell {
      let shown = record.string(col) ?? "?"
      log.add(Diagnostic(.error, file: file, line: record.line, column: col + 1, "\(name) '\(shown)' \(why)"))
      return nil
    }
    return cell
  }

  /// The row's district: a byte lookup first (ASCII codes, or any code in a UTF-8 file), the
  /// checked path with its diagnostic otherwise.
  @inline(__always)
  func district(at column: Int, codes: DistrictByteIndex, _ table: DistrictTable, _ log: inout DiagnosticLog) -> Int? {
    let bytes = record.field(column)
    if record.decoder.encoding == .utf8 || bytes.allSatisfy({ $0 < 0x80 }), let fast = codes.index(of: bytes) { return fast }
    return district(table, &log)
  }

  /// A district code that must be declared in districts.csv.
  func district(_ table: DistrictTable, _ log: inout DiagnosticLog) -> Int? {
    guard let code = requiredText("district_code", &log) else { return nil }
    guard let index = table.index(of: code) else {
      error("district_code", "district_code '\(code)' is not in districts.csv", &log)
      return nil
    }
    return index
  }

  func period(_ name: String, monthly: Bool, _ log: inout DiagnosticLog) -> Period? {
    guard let text = requiredText(name, &log) else { return nil }
    do {
      let p = try Period.parse(text)
      if monthly && p.month == nil {
        error(name, "\(name) '\(text)' is a year; this file needs a month such as 2026-10", &log)
        return nil
      }
      return p
    } catch .impossible(let why) {
      error(name, "\(name) '\(text)' is impossible: \(why)", &log)
    } catch {
      self.error(name, "\(name) '\(text)' is not a period; expected YYYY-MM, YYYY/MM, YYYYMM, YYYY or 令和N年M月", &log)
    }
    return nil
  }

  func sex(allowUnknown: Bool, _ log: inout DiagnosticLog) -> Sex?? {
    guard let text = requiredText("sex", &log) else { return nil }
    if let s = Sex.parse(text) { return .some(s) }
    if allowUnknown && Sex.isUnknown(text) { return .some(nil) }
    error("sex", "sex '\(text)' is not recognised; expected male/female (男/女, 男性/女性, M/F, 1/2)\(allowUnknown ? " or unknown" : "")", &log)
    return nil
  }

  func ageBand(allowUnknown: Bool, _ log: inout DiagnosticLog) -> AgeBand?? {
    guard let text = requiredText("age_group", &log) else { return nil }
    if let b = AgeBand.parse(text) { return .some(b) }
    if allowUnknown && AgeBand.isUnknown(text) { return .some(nil) }
    error("age_group", "age_group '\(text)' is not an age band; expected LO-HI or LO+ (e.g. 15-19, 85+, 15〜19歳, 85歳以上)\(allowUnknown ? " or unknown" : "")", &log)
    return nil
  }
}

/// Reads the header then hands each data row (width-checked) to `body`.
func readTable(
  path: String, schema: TableSchema, encoding: InputEncoding?, log: inout DiagnosticLog,
  progress: ((Int, Int) -> Void)? = nil,
  _ body: (RowFields, inout DiagnosticLog) -> Void
) throws(ChiikiError) -> CSVReadSummary {
  var reader = CSVReader(path: path, displayName: schema.file, encoding: encoding)
  reader.progress = progress
  var header: HeaderMap? = nil
  var headerFailed = false
  var localLog = log
  let summary = try reader.forEachRecord { record in
    if headerFailed { return }
    guard let map = header else {
      let before = localLog.errorCount
      let h = HeaderMap(record: record, schema: schema, log: &localLog)
      if localLog.errorCount > before { headerFailed = true }
      header = h
      return
    }
    let row = RowFields(file: schema.file, record: record, header: map)
    guard row.checkWidth(&localLog) else { return }
    body(row, &localLog)
  }
  if header == nil {
    localLog.add(Diagnostic(.error, file: schema.file, line: 1, "the file is empty; expected a header row naming \(schema.required.joined(separator: ", "))"))
  }
  log = localLog
  return summary
}
