/// Options for reading an e-Stat 小地域集計 table.
public struct EStatImportOptions: Sendable {
  /// The period to write; nil takes the census year from the table id (T001082 → 2020).
  public var period: Period?
  /// Level-1 areas to keep: 5-digit codes (a 6-digit code with check digit is accepted), or
  /// names matched against CITYNAME from the start (`大阪市` keeps all its wards). Empty = all.
  public var cities: [String]
  public var encoding: InputEncoding?
  public var displayName: String?

  public init(period: Period? = nil, cities: [String] = [], encoding: InputEncoding? = nil, displayName: String? = nil) {
    self.period = period
    self.cities = cities
    self.encoding = encoding
    self.displayName = displayName
  }
}

/// Reads an e-Stat 国勢調査 小地域集計 age-by-sex table (統計GIS text such as
/// `tblT001082C27.txt`: CP932, a code header row and a label header row, `X` = suppressed,
/// `-` = 0, HYOSYO levels 1–4, HTKSYORI/HTKSAKI/GASSAN merge markers) into districts and
/// population cells, handling merged (秘匿) areas so that no person is counted twice or lost,
/// and reconciling the districts with every level-1 area's published totals.
public enum EStatImporter {
  public static let formatName = "e-Stat 国勢調査 小地域集計"

  /// Reads the table at `path`; throws `ChiikiError.invalidInput` with every error found.
  public static func read(path: String, options: EStatImportOptions = EStatImportOptions()) throws(ChiikiError) -> ImportedPopulation {
    let file = options.displayName ?? String(path.split(separator: "/").last ?? Substring(path))
    let table = try SourceTable.load(path: path, displayName: file, encoding: options.encoding)
    var log = DiagnosticLog()
    guard let codes = table.rows.first,
      let columns = EStatColumns.read(codes: codes, labels: table.rows.dropFirst().first, file: file, log: &log),
      !log.hasErrors
    else {
      if !log.hasErrors { log.add(Diagnostic(.error, file: file, line: 1, "the file is empty")) }
      throw .invalidInput(log)
    }
    for (index, text) in columns.unrecognised {
      log.add(Diagnostic(.note, file: file, line: 2, column: index + 1, "column '\(text)' is not an age-by-sex figure; not used"))
    }

    var rows: [EStatRow] = []
    for row in table.rows.dropFirst(2) where !row.isBlank {
      if let r = EStatRow.read(row, columns, file: file, log: &log) { rows.append(r) }
    }
    let (period, periodSource) = choosePeriod(options.period, tableID: columns.tableID, file: file, log: &log)
    let selectedAreas = selectAreas(options.cities, rows: rows, file: file, log: &log)
    if log.hasErrors { throw .invalidInput(log) }

    let selected = { (row: EStatRow) in selectedAreas.contains(row.area) }
    let found = EStatLeaves(rows: rows, selected: selected, file: file, log: &log)
    if log.hasErrors { throw .invalidInput(log) }

    let labels = Sex.allCases.flatMap { sex in
      ([columns.total[sex]!] + columns.bandColumns[sex]!).map { TextNormalizer.normalizeToken(table.rows[1][$0]) }
    }
    let areaRows = rows.filter { $0.level == 1 && selected($0) }
    var summary = ImportSummary(format: formatName + (columns.tableID.map { " \($0)" } ?? ""), file: file,
                                encoding: table.read.encoding, period: period, periodSource: periodSource)
    summary.reconciliations = EStatReconciler.reconcile(areas: areaRows, leaves: found.leaves, labels: labels)
    for r in summary.unreconciled {
      switch r.outcome {
      case .differs(let column, let difference):
        log.add(Diagnostic(.warning, file: file, line: r.line, "\(r.code) \(r.name): its districts do not add up to its published figures (\(column): \(difference > 0 ? "+" : "")\(difference))"))
      case .unverifiable(let reason):
        log.add(Diagnostic(.warning, file: file, line: r.line, "\(r.code) \(r.name): cannot check its districts against its published figures exactly: \(reason)"))
      case .matches:
        break
      }
    }
    let (districts, cells) = output(found.leaves, bands: columns.bands, summary: &summary)
    summary.rowsRead = rows.count
    summary.areas = Set(rows.filter(selected).map(\.area)).count
    summary.suppressedCellsInSource = rows.filter(selected).reduce(0) { $0 + $1.suppressedCells }
    summary.mergedAreas = found.merged.map { MergedArea(code: $0.row.key, name: $0.row.name, receivingCode: $0.receiver, line: $0.row.line) }
    summary.receivingDistricts = found.leaves.filter { !$0.includes.isEmpty }.count
    summary.skipped = [
      "area-total rows (HYOSYO 1, used for reconciliation)": areaRows.count,
      "町-total rows (HYOSYO 3) counted through their 丁目": rows.filter { $0.level == 3 && $0.hiding != 2 && selected($0) }.count
        - found.leaves.filter { $0.row.level == 3 }.count,
      "hidden rows (HTKSYORI 2) counted in the row that carries them": found.merged.count,
    ].filter { $0.value > 0 }
    return ImportedPopulation(period: period, districts: districts, cells: cells, summary: summary, diagnostics: log)
  }

  /// Districts and cells in code order; unknown age (総数 minus the bands) goes to the summary.
  private static func output(_ leaves: [EStatLeaf], bands: [AgeBand], summary: inout ImportSummary)
    -> ([ImportedDistrict], [PopulationCell])
  {
    var districts: [ImportedDistrict] = []
    var cells: [PopulationCell] = []
    let width = bands.count + 1
    for leaf in leaves {
      districts.append(ImportedDistrict(code: leaf.row.key, name: EStatNaming.name(of: leaf), area: leaf.row.cityName.isEmpty ? nil : leaf.row.cityName,
                                        includedCodes: leaf.includes.map(\.key), line: leaf.row.line))
      var unknownInDistrict = 0
      for (s, sex) in Sex.allCases.enumerated() {
        let base = s * width
        let total = leaf.figures[base].value
        var known = 0
        var allKnown = true
        for (b, band) in bands.enumerated() {
          let cell = leaf.figures[base + 1 + b]
          if let n = cell.value { known += n } else { allKnown = false; summary.suppressedCellsWritten += 1 }
          cells.append(PopulationCell(districtCode: leaf.row.key, sex: sex, band: band, population: cell.value))
        }
        summary.personsWritten += known
        summary.sourcePersons += total ?? known
        if let total, allKnown, total > known { unknownInDistrict += total - known }
      }
      summary.unknownAgePersons += unknownInDistrict
      if unknownInDistrict > 0 { summary.districtsWithUnknownAge += 1 }
    }
    summary.districts = districts.count
    summary.bands = bands
    return (districts, cells)
  }

  /// Census years of the 統計GIS table ids (japan-context.md §2.1); others need --period.
  static func censusYear(tableID: String) -> Int? {
    guard tableID.hasPrefix("T"), let n = Int(tableID.dropFirst()) else { return nil }
    switch n {
    case 1081...1110: return 2020
    case 840...880: return 2015
    case 570...600: return 2010
    case 40...60: return 2005
    default: return nil
    }
  }

  private static func choosePeriod(_ forced: Period?, tableID: String?, file: String, log: inout DiagnosticLog) -> (Period, String) {
    if let forced { return (forced, "--period") }
    if let tableID, let year = censusYear(tableID: tableID) {
      return (Period(year: year, month: nil), "\(year) census table \(tableID)")
    }
    log.add(Diagnostic(.error, file: file, line: 1, "cannot tell the census year of table \(tableID ?? "(no id)"): give it with --period (e.g. --period 2020)"))
    return (Period(year: 0, month: nil), "")
  }

  /// The 5-digit level-1 codes to keep.
  private static func selectAreas(_ wanted: [String], rows: [EStatRow], file: String, log: inout DiagnosticLog) -> Set<String> {
    let all = Set(rows.map(\.area))
    if wanted.isEmpty { return all }
    let level1 = rows.filter { $0.level == 1 }
    var chosen = Set<String>()
    for raw in wanted {
      let w = TextNormalizer.normalizeToken(raw)
      var matched: Set<String>
      if !w.isEmpty, w.allSatisfy(\.isASCIIDigitChar) {
        let code = w.count == 6 ? String(w.prefix(5)) : w
        matched = all.contains(code) ? [code] : []
      } else {
        matched = Set(level1.filter { $0.cityName == w || $0.cityName.hasPrefix(w) }.map(\.key))
      }
      if matched.isEmpty {
        let examples = level1.prefix(3).map { "\($0.key) \($0.cityName)" }.joined(separator: ", ")
        log.add(Diagnostic(.error, file: file, "--city \(raw) matches no area of this table (it has e.g. \(examples)); a 政令市 is listed by ward: give its name (--city 大阪市) or a ward code"))
      }
      chosen.formUnion(matched)
    }
    return chosen
  }
}
