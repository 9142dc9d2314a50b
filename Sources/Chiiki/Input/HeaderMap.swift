/// The columns a file must or may have, and where the header put them.
public struct TableSchema: Sendable {
  public var file: String
  public var required: [String]
  public var optional: [String]

  public init(file: String, required: [String], optional: [String] = []) {
    self.file = file
    self.required = required
    self.optional = optional
  }
}

/// Column positions found in a header row. Column order is free; unknown extra columns are
/// ignored with a warning (so that a misspelt optional column is seen on the terminal and in
/// the manifest); a missing required column is an error naming the file and line 1.
public struct HeaderMap: Sendable {
  private var index: [String: Int] = [:]
  /// Number of fields in the header row.
  public let width: Int

  /// Position (0-based) of a column, or nil when an optional column is absent.
  public subscript(_ name: String) -> Int? { index[name] }

  /// Reads the header record. Names are matched after trimming spaces and a BOM and folding
  /// case and full-width letters, so `District_Code` and `ｄｉｓｔｒｉｃｔ＿ｃｏｄｅ` both work.
  public init(record: CSVRecord, schema: TableSchema, log: inout DiagnosticLog) {
    width = record.count
    let known = Set(schema.required + schema.optional)
    var unknown: [String] = []
    for i in 0..<record.count {
      guard let raw = record.string(i) else {
        log.add(Diagnostic(.error, file: schema.file, line: record.line, column: i + 1,
                           "the header cell is not valid text in the file's encoding"))
        continue
      }
      let name = HeaderMap.canonical(raw)
      if name.isEmpty { continue }
      if known.contains(name) {
        if index[name] != nil {
          log.add(Diagnostic(.error, file: schema.file, line: record.line, column: i + 1,
                             "column '\(name)' appears twice in the header"))
        } else {
          index[name] = i
        }
      } else {
        unknown.append(raw)
      }
    }
    for name in schema.required where index[name] == nil {
      log.add(Diagnostic(.error, file: schema.file, line: record.line,
                         "required column '\(name)' is missing; the header must name \(schema.required.joined(separator: ", "))"))
    }
    if !unknown.isEmpty {
      log.add(Diagnostic(.warning, file: schema.file, line: record.line,
                         "ignored unknown column\(unknown.count == 1 ? "" : "s"): \(unknown.joined(separator: ", "))"))
    }
  }

  static func canonical(_ raw: String) -> String {
    var text = TextNormalizer.normalizeToken(raw)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    return text.lowercased().replacingAll([" ": "_", "-": "_"])
  }
}
