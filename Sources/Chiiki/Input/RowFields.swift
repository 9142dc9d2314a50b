/// Checked access to the cells of one data row: decoding, ragged-row detection and the
/// located diagnostics for each kind of bad cell.
struct RowFields {
  /// The file's name and header, owned by the table read (a pointer: no ARC per row).
  let table: UnsafePointer<TableContext>
  let record: CSVRecord

  /// Name used in diagnostics.
  var file: String { table.pointee.file }
  /// The header of the file (present for every data row).
  var header: HeaderMap { table.pointee.header! }

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
  func text(_ name: String, _ log: inout DiagnosticLog) -> String? { text(at: header[name], name, &log) }

  /// `text(name)` for the column the header gave for `name` (nil: the column is absent), so
  /// that a loader looks its columns up once per file rather than once per cell.
  func text(at column: Int?, _ name: String, _ log: inout DiagnosticLog) -> String? {
    guard let column else { return "" }
    guard let raw = record.string(column) else {
      log.add(Diagnostic(.error, file: file, line: record.line, column: column + 1,
                         "\(name) holds bytes that are not valid \(record.encoding == .utf8 ? "UTF-8" : "CP932") (try --encoding)"))
      return nil
    }
    return RowFields.hasNoEdgeSpace(raw) ? raw : TextNormalizer.trimSpaces(raw)
  }

  /// True when `TextNormalizer.trimSpaces` would return `text` unchanged because it neither
  /// starts nor ends with a space, a tab or an ideographic space (U+3000, E3 80 80 in UTF-8):
  /// most cells, which then skip the scalar-by-scalar scan.
  @inline(__always)
  static func hasNoEdgeSpace(_ text: String) -> Bool {
    // (Through the contiguous bytes: `utf8.last` walks the string's generic index path.)
    var text = text
    return text.withUTF8 { bytes in
      guard let first = bytes.first, let last = bytes.last else { return false }
      return first != 0x20 && first != 0x09 && first != 0xE3 && last != 0x20 && last != 0x09 && last != 0x80
    }
  }

  /// A required text cell: nil (with an error) if undecodable or empty.
  func requiredText(_ name: String, _ log: inout DiagnosticLog) -> String? { requiredText(at: header[name], name, &log) }

  /// `requiredText(name)` for the column the header gave for `name`.
  func requiredText(at column: Int?, _ name: String, _ log: inout DiagnosticLog) -> String? {
    guard let value = text(at: column, name, &log) else { return nil }
    if value.isEmpty {
      log.add(Diagnostic(.error, file: file, line: record.line, column: (column ?? 0) + 1, "\(name) is empty"))
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
  func count(_ name: String, _ log: inout DiagnosticLog) -> CountCell? { count(at: header[name], name, &log) }

  /// `count(name)` for the column the header gave for `name`.
  func count(at column: Int?, _ name: String, _ log: inout DiagnosticLog) -> CountCell? {
    guard let col = column else { return .missing }
    var cell = CellParsing.count(record.field(col))
    if case .invalid = cell, record.encoding == .cp932, let text = record.string(col) {
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
    if record.encoding == .utf8 || StrictUTF8.isASCII(bytes), let fast = codes.index(of: bytes) { return fast }
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

/// The file-level facts every row of a table read shares.
struct TableContext {
  var file: String
  var header: HeaderMap? = nil {
    didSet { width = header?.width ?? 0 }
  }
  /// The header's width (kept apart so the per-row check copies nothing).
  private(set) var width = 0

  init(file: String) { self.file = file }
}

/// Turns each data row of a table into `RowFields` for its consumer.
protocol RowConsumer {
  mutating func consume(_ row: RowFields, _ log: inout DiagnosticLog)
}

/// A consumer that calls a closure (small files).
struct ClosureRowConsumer: RowConsumer {
  let body: (RowFields, inout DiagnosticLog) -> Void
  mutating func consume(_ row: RowFields, _ log: inout DiagnosticLog) { body(row, &log) }
}

/// The record sink of a table read: reads the header from the first record, then checks the
/// width of each data row and hands it to the consumer.
struct TableSink<Consumer: RowConsumer>: CSVRecordSink {
  let schema: TableSchema
  let context: UnsafeMutablePointer<TableContext>
  var consumer: Consumer
  var log: DiagnosticLog
  var headerFailed = false
  var sawHeader = false
  /// Called once with the header (nil if it failed), for the second half of a split read.
  var onHeader: ((HeaderMap?) -> Void)? = nil
  /// A header given in advance (the second half of a split read): no header record is read.
  var waitForHeader: (() -> HeaderMap?)? = nil
  /// When set, also collects the diagnostics of the table itself (header, row widths, an
  /// empty file) apart from the consumer's: what a read that looks at no cell would report.
  var tableLog: DiagnosticLog? = nil

  init(schema: TableSchema, context: UnsafeMutablePointer<TableContext>, consumer: Consumer, log: DiagnosticLog) {
    self.schema = schema
    self.context = context
    self.consumer = consumer
    self.log = log
  }

  @inline(__always) mutating func record(_ r: CSVRecord) {
    if _slowPath(!sawHeader) {
      sawHeader = true
      if let waitForHeader {
        context.pointee.header = waitForHeader()
        if context.pointee.header == nil { headerFailed = true }
      } else {
        var headerLog = DiagnosticLog(limit: log.limit)
        let h = HeaderMap(record: r, schema: schema, log: &headerLog)
        if headerLog.errorCount > 0 { headerFailed = true }
        addTableDiagnostics(headerLog)
        context.pointee.header = h
        onHeader?(headerFailed ? nil : h)
        return
      }
    }
    if headerFailed { return }
    let row = RowFields(table: UnsafePointer(context), record: r)
    if _slowPath(r.count != context.pointee.width) {
      var widthLog = DiagnosticLog(limit: log.limit)
      let ok = row.checkWidth(&widthLog)
      addTableDiagnostics(widthLog)
      guard ok else { return }
    }
    consumer.consume(row, &log)
  }

  /// Adds diagnostics about the table itself to the log (and to `tableLog`, if kept).
  mutating func addTableDiagnostics(_ d: DiagnosticLog) {
    log.merge(d)
    tableLog?.merge(d)
  }
}

/// Reads the header then hands each data row (width-checked) to `consumer`.
func readTable<Consumer: RowConsumer>(
  path: String, schema: TableSchema, encoding: InputEncoding?, log: inout DiagnosticLog,
  progress: ((Int, Int) -> Void)? = nil, hasher: UnsafeMutablePointer<SHA256>? = nil, into consumer: inout Consumer
) throws(ChiikiError) -> CSVReadSummary {
  var tableLog: DiagnosticLog? = nil
  return try readTable(
    path: path, schema: schema, encoding: encoding, log: &log, tableLog: &tableLog, progress: progress, hasher: hasher,
    into: &consumer)
}

/// `readTable`, also collecting into `tableLog` (when not nil) the diagnostics about the table
/// itself: the header, row widths and an empty file.
func readTable<Consumer: RowConsumer>(
  path: String, schema: TableSchema, encoding: InputEncoding?, log: inout DiagnosticLog, tableLog: inout DiagnosticLog?,
  progress: ((Int, Int) -> Void)? = nil, hasher: UnsafeMutablePointer<SHA256>? = nil, into consumer: inout Consumer
) throws(ChiikiError) -> CSVReadSummary {
  var reader = CSVReader(path: path, displayName: schema.file, encoding: encoding)
  reader.progress = progress
  let context = UnsafeMutablePointer<TableContext>.allocate(capacity: 1)
  context.initialize(to: TableContext(file: schema.file))
  defer {
    context.deinitialize(count: 1)
    context.deallocate()
  }
  var sink = TableSink(schema: schema, context: context, consumer: consumer, log: log)
  sink.tableLog = tableLog
  let summary = try reader.read(from: 0, to: Int.max, stopAtRowBoundary: false, hasher: hasher, into: &sink).summary
  if !sink.sawHeader {
    var empty = DiagnosticLog(limit: log.limit)
    empty.add(Diagnostic(.error, file: schema.file, line: 1, "the file is empty; expected a header row naming \(schema.required.joined(separator: ", "))"))
    sink.addTableDiagnostics(empty)
  }
  log = sink.log
  tableLog = sink.tableLog
  consumer = sink.consumer
  return summary
}

/// Reads the header then hands each data row (width-checked) to `body`.
func readTable(
  path: String, schema: TableSchema, encoding: InputEncoding?, log: inout DiagnosticLog,
  progress: ((Int, Int) -> Void)? = nil,
  _ body: (RowFields, inout DiagnosticLog) -> Void
) throws(ChiikiError) -> CSVReadSummary {
  try withoutActuallyEscaping(body) { (escapable) throws(ChiikiError) -> CSVReadSummary in
    var consumer = ClosureRowConsumer(body: escapable)
    return try readTable(path: path, schema: schema, encoding: encoding, log: &log, progress: progress, into: &consumer)
  }
}
