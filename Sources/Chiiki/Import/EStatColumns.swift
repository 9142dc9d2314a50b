/// The columns of an e-Stat 統計GIS 小地域集計 table (e.g. T001082), found from its two header
/// rows: row 1 holds codes (`KEY_CODE`, `HYOSYO`, …, `T001082001`), row 2 the Japanese labels of
/// the value columns (`男０～４歳`, `女の総数、年齢「不詳」含む`). Columns are found by name and
/// label, so their order does not matter.
struct EStatColumns {
  /// What one value column holds.
  enum Content: Equatable {
    /// All persons of the sex, including unknown age (総数、年齢「不詳」含む).
    case total
    /// An age band; subtotals (15歳未満, 65歳以上) are bands too until tiling sets them apart.
    case band(AgeBand)
    /// Persons of unknown age, if the table has such a column.
    case unknown
  }

  struct ValueColumn {
    var index: Int
    var sex: Sex?
    var content: Content
    var label: String
  }

  var key: Int
  var level: Int
  var cityName: Int?
  var name: Int?
  var hidden: Int
  var target: Int
  var merged: Int?
  /// The table id from the value codes, e.g. `T001082`.
  var tableID: String?
  /// Per sex: the total column and the tiling band columns, in band order.
  var total: [Sex: Int] = [:]
  var bands: [AgeBand] = []
  var bandColumns: [Sex: [Int]] = [:]
  var unknownColumns: [Sex: Int] = [:]
  /// Every value column (for counting suppressed cells), and labels not understood.
  var valueColumns: [Int] = []
  var unrecognised: [(Int, String)] = []
  var subtotals: [AgeBand] = []

  /// Reads the two header rows; errors go to `log` with their line and column.
  static func read(codes: SourceTable.Row, labels: SourceTable.Row?, file: String,
                   log: inout DiagnosticLog) -> EStatColumns? {
    func find(_ names: [String]) -> Int? {
      codes.cells.firstIndex { names.contains($0.trimmed.uppercased()) }
    }
    let required: [(String, Int?)] = [
      ("KEY_CODE", find(["KEY_CODE"])), ("HYOSYO", find(["HYOSYO"])),
      ("HTKSYORI", find(["HTKSYORI"])), ("HTKSAKI", find(["HTKSAKI"])),
    ]
    let missing = required.filter { $0.1 == nil }.map(\.0)
    if !missing.isEmpty {
      log.add(Diagnostic(.error, file: file, line: codes.line,
                         "this is not an e-Stat 小地域集計 table: the first row lacks \(missing.joined(separator: ", ")) (expected KEY_CODE,HYOSYO,CITYNAME,NAME,HTKSYORI,HTKSAKI,GASSAN,T…)"))
      return nil
    }
    var columns = EStatColumns(key: required[0].1!, level: required[1].1!, cityName: find(["CITYNAME"]),
                               name: find(["NAME"]), hidden: required[2].1!, target: required[3].1!, merged: find(["GASSAN"]))
    guard let labels, labels[columns.key].trimmed.isEmpty else {
      log.add(Diagnostic(.error, file: file, line: labels?.line ?? codes.line + 1,
                         "expected a second header row with the Japanese labels of the value columns (its first cells empty), as e-Stat publishes it"))
      return nil
    }
    let idColumns: Set<Int> = Set([columns.key, columns.level, columns.hidden, columns.target]
      + [columns.cityName, columns.name, columns.merged].compactMap { $0 })
    var found: [ValueColumn] = []
    for (i, code) in codes.cells.enumerated() where !idColumns.contains(i) {
      let label = labels[i]
      if columns.tableID == nil, code.trimmed.count > 3, code.trimmed.hasPrefix("T") {
        columns.tableID = String(code.trimmed.prefix(7))
      }
      guard let (sex, content) = EStatColumns.parseLabel(label) else {
        if !label.trimmed.isEmpty || !code.trimmed.isEmpty { columns.unrecognised.append((i, label.trimmed.isEmpty ? code : label)) }
        continue
      }
      columns.valueColumns.append(i)
      found.append(ValueColumn(index: i, sex: sex, content: content, label: label))
    }
    columns.assign(found, file: file, line: labels.line, log: &log)
    return columns
  }

  private mutating func assign(_ found: [ValueColumn], file: String, line: Int, log: inout DiagnosticLog) {
    var tilings: [Sex: [AgeBand]] = [:]
    for sex in Sex.allCases {
      let mine = found.filter { $0.sex == sex }
      let word = sex == .male ? "男" : "女"
      guard let totalColumn = mine.first(where: { $0.content == .total }) else {
        log.add(Diagnostic(.error, file: file, line: line, "no \(word)の総数 column: this table has no persons by sex (T001082 and its kind do)"))
        continue
      }
      total[sex] = totalColumn.index
      unknownColumns[sex] = mine.first(where: { $0.content == .unknown })?.index
      var byBand: [AgeBand: Int] = [:]
      for column in mine { if case .band(let b) = column.content, byBand[b] == nil { byBand[b] = column.index } }
      do {
        let tiling = try ImportBandTiling.select(Array(byBand.keys))
        if !tiling.coversAllAges {
          log.add(Diagnostic(.error, file: file, line: line, "the \(word) age columns end at \(tiling.bands.last!) without an open top band (such as \(word)７５歳以上)"))
        }
        tilings[sex] = tiling.bands
        bandColumns[sex] = tiling.bands.map { byBand[$0]! }
        subtotals = tiling.subtotals
      } catch {
        switch error {
        case .empty: log.add(Diagnostic(.error, file: file, line: line, "no \(word) age-band columns (such as \(word)０～４歳)"))
        case .gap(let age): log.add(Diagnostic(.error, file: file, line: line, "the \(word) age columns leave a gap: no band starts at \(age)歳"))
        }
      }
    }
    if let m = tilings[.male], let f = tilings[.female] {
      if m != f {
        log.add(Diagnostic(.error, file: file, line: line, "men and women have different age bands in this table"))
      }
      bands = m
    }
  }

  /// Reads a value label: `総数、年齢「不詳」含む`, `男の総数、年齢「不詳」含む`, `女０～４歳`,
  /// `男７５歳以上`, `男１５歳未満`, `　総数０〜４歳` (2015, leading full-width space). Sex nil = both.
  static func parseLabel(_ label: String) -> (Sex?, Content)? {
    var rest = Substring(TextNormalizer.normalizeToken(label))
    var sex: Sex? = nil
    if rest.hasPrefix("男") { sex = .male; rest = rest.dropFirst() }
    else if rest.hasPrefix("女") { sex = .female; rest = rest.dropFirst() }
    if sex != nil, rest.hasPrefix("性") { rest = rest.dropFirst() }
    if rest.hasPrefix("の") { rest = rest.dropFirst() }
    if rest.hasPrefix("総数") {
      rest = rest.dropFirst(2)
      let after = rest.trimmingPrefix(while: { $0 == "、" || $0 == "," || $0 == " " || $0 == "(" || $0 == "（" })
      if after.isEmpty || after.hasPrefix("年齢") && after.contains("含") { return (sex, .total) }
      rest = after
    }
    if rest.isEmpty { return sex == nil ? nil : (sex, .total) }
    if rest.contains("不詳") { return (sex, .unknown) }
    var text = String(rest)
    if text.hasSuffix("未満") {
      let digits = text.dropLast(2).filter { $0 != "歳" }
      guard let n = Int(digits), n > 0 else { return nil }
      return (sex, .band(AgeBand(lower: 0, upper: n - 1)))
    }
    text = text.replacing("(再掲)", with: "").replacing("再掲", with: "")
    guard let band = AgeBand.parse(text) else { return nil }
    return (sex, .band(band))
  }
}

extension Substring {
  fileprivate func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
    self.drop(while: predicate)
  }
}
