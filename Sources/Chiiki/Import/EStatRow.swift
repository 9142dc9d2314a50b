/// One data row of an e-Stat 小地域集計 table, with the figures the import uses laid out as
/// `[男総数, 男 band…, 女総数, 女 band…]`.
struct EStatRow {
  var line: Int
  /// KEY_CODE: 5 digits (市区町村), 9 (町・字), 11 (丁目・小字).
  var key: String
  /// HYOSYO: 1 市区町村, 2 町・字 without 丁目, 3 町 total with 丁目 rows, 4 丁目.
  var level: Int
  var cityName: String
  var name: String
  /// HTKSYORI: 0 normal, 1 carries merged areas (合算先), 2 hidden (秘匿元).
  var hiding: Int
  /// HTKSAKI: where a hidden row's people went, without the 5-digit city prefix.
  var target: String
  /// GASSAN: codes (without city prefix) merged into this row.
  var merged: [String]
  var figures: [PublishedCount]
  /// Suppressed cells among all of the row's value columns.
  var suppressedCells: Int

  /// The level-1 area (5-digit 市区町村 code) the row belongs to.
  var area: String { String(key.prefix(5)) }
  /// For a 丁目 row, the 9-digit code of its 町.
  var parentKey: String? { key.count == 11 ? String(key.prefix(9)) : nil }

  /// Reads a row; problems go to `log` with line and column, and nil comes back.
  static func read(_ row: SourceTable.Row, _ columns: EStatColumns, file: String, log: inout DiagnosticLog) -> EStatRow? {
    let errorsBefore = log.errorCount
    func error(_ column: Int, _ message: String) {
      log.add(Diagnostic(.error, file: file, line: row.line, column: column + 1, message))
    }
    let key = row[columns.key].trimmed
    if !(key.count == 5 || key.count == 9 || key.count == 11) || !key.allSatisfy(\.isASCIIDigitChar) {
      error(columns.key, "KEY_CODE '\(key)' is not a 5-, 9- or 11-digit area code")
    }
    let levelText = row[columns.level].trimmed
    let level = Int(levelText) ?? 0
    let expectedLength = [1: 5, 2: 9, 3: 9, 4: 11][level]
    if expectedLength == nil {
      error(columns.level, "HYOSYO '\(levelText)' is not a level from 1 to 4")
    } else if expectedLength != key.count, log.errorCount == errorsBefore {
      error(columns.level, "HYOSYO \(level) does not fit KEY_CODE '\(key)' (level \(level) codes have \(expectedLength!) digits)")
    }
    let hidingText = row[columns.hidden].trimmed
    let hiding = hidingText.isEmpty ? 0 : Int(hidingText) ?? -1
    if !(0...2).contains(hiding) {
      error(columns.hidden, "HTKSYORI '\(hidingText)' is not 0, 1 or 2")
    }
    var figures: [PublishedCount] = []
    for sex in Sex.allCases {
      for index in [columns.total[sex]!] + columns.bandColumns[sex]! {
        guard let cell = PublishedCount.parse(row[index]) else {
          error(index, "'\(row[index])' is not a count (expected digits, '-' for 0 or 'X' for suppressed)")
          continue
        }
        figures.append(cell == .blank ? .suppressed : cell)
      }
    }
    var suppressed = 0
    for index in columns.valueColumns {
      switch PublishedCount.parse(row[index]) {
      case .suppressed?, .blank?: suppressed += 1
      default: break
      }
    }
    guard log.errorCount == errorsBefore else { return nil }
    let merged = columns.merged.map { row[$0].split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty } } ?? []
    return EStatRow(line: row.line, key: key, level: level, cityName: columns.cityName.map { row[$0].trimmed } ?? "",
                    name: columns.name.map { row[$0].trimmed } ?? "", hiding: hiding, target: row[columns.target].trimmed,
                    merged: merged, figures: figures, suppressedCells: suppressed)
  }
}
