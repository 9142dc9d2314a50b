/// A small CSV source read whole into memory as text, with each record's line, so that the
/// importers can look at header rows before the data and report any cell by line and column.
struct SourceTable {
  struct Row {
    var line: Int
    var cells: [String]

    /// Cell `i`, or "" past the end of a short row.
    subscript(_ i: Int) -> String { i < cells.count ? cells[i] : "" }

    var isBlank: Bool { cells.allSatisfy { TextNormalizer.trimSpaces($0).isEmpty } }
  }

  var rows: [Row]
  var read: CSVReadSummary

  /// Reads every record; an undecodable cell is an error naming its line and column.
  static func load(path: String, displayName: String, encoding: InputEncoding?) throws(ChiikiError) -> SourceTable {
    var rows: [Row] = []
    var log = DiagnosticLog()
    let summary = try CSVReader(path: path, displayName: displayName, encoding: encoding).forEachRecord { record in
      var cells: [String] = []
      cells.reserveCapacity(record.count)
      for i in 0..<record.count {
        if let text = record.string(i) {
          cells.append(text)
        } else {
          log.add(Diagnostic(.error, file: displayName, line: record.line, column: i + 1,
                             "this cell is not valid text in the file's encoding (try --encoding utf-8 or cp932)"))
          cells.append("")
        }
      }
      rows.append(Row(line: record.line, cells: cells))
    }
    if log.hasErrors { throw .invalidInput(log) }
    return SourceTable(rows: rows, read: summary)
  }
}

extension String {
  /// The text without surrounding ASCII or ideographic spaces.
  var trimmed: String { TextNormalizer.trimSpaces(self) }
}
