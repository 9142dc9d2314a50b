/// Turns the rows of a 住基 「地域・年齢別人口」 table into districts and population cells,
/// checking each row's age cells against its own 男性/女性 and 総人口.
struct JukiRowReader {
  let file: String
  let forcedPeriod: Period?
  private var log = DiagnosticLog()

  init(file: String, forcedPeriod: Period?) {
    self.file = file
    self.forcedPeriod = forcedPeriod
  }

  private mutating func add(_ severity: Diagnostic.Severity, _ line: Int?, _ column: Int?, _ message: String) {
    log.add(Diagnostic(severity, file: file, line: line, column: column, message))
  }

  mutating func read(_ table: SourceTable) throws(ChiikiError) -> ImportedPopulation {
    guard let header = table.rows.first else {
      add(.error, 1, nil, "the file is empty: expected a header row such as 地域コード,地域名,…,0-4歳の男性,…")
      throw .invalidInput(log)
    }
    let columns = JukiColumns(headers: header.cells)
    let bands = try checkHeader(columns, line: header.line)

    var districts: [ImportedDistrict] = []
    var cells: [PopulationCell] = []
    var seen: [String: Int] = [:]
    var period: (value: Period, line: Int, text: String)? = nil
    var cities = Set<String>()
    var stats = (rows: 0, source: 0, written: 0, unknown: 0, unknownDistricts: 0, suppressedSource: 0, suppressedWritten: 0)
    var skipped: [String: Int] = [:]

    for row in table.rows.dropFirst() where !row.isBlank {
      stats.rows += 1
      let codeColumn = columns.districtCode!
      let code = row[codeColumn].trimmed
      let name = columns.name.map { row[$0].trimmed } ?? code
      let cityName = columns.cityName.map { row[$0].trimmed } ?? ""
      if JukiRowReader.isTotalRow(code: code, name: name, cityName: cityName) {
        skipped["municipality-total rows (not a district)", default: 0] += 1
        add(.note, row.line, nil, "'\(name.isEmpty ? cityName : name)' looks like a municipality total; it is not written as a district")
        continue
      }
      if code.isEmpty {
        add(.error, row.line, codeColumn + 1, "the district code (\(header[codeColumn])) is empty for '\(name)'")
        continue
      }
      if let first = seen[code] {
        add(.error, row.line, codeColumn + 1, "district code '\(code)' appears again (first on line \(first))")
        continue
      }
      seen[code] = row.line
      cities.insert(columns.cityCode.map { row[$0].trimmed } ?? cityName)

      if forcedPeriod == nil, let dateColumn = columns.date {
        let text = row[dateColumn].trimmed
        do {
          let p = try Period.parse(text)
          if let period, period.value != p {
            add(.error, row.line, dateColumn + 1, "調査年月日 '\(text)' differs from '\(period.text)' on line \(period.line); import one date at a time or give --period")
          } else if period == nil {
            period = (p, row.line, text)
          }
        } catch {
          add(.error, row.line, dateColumn + 1, "調査年月日 '\(text)' is not a date (expected e.g. 2017-04-01)")
        }
      }

      guard let values = readAgeCells(row, columns) else { continue }
      var households: Int? = nil
      if let h = columns.households, let cell = parse(row, h) {
        households = cell.value
      }
      let sexTotals = columns.sexTotals.compactMapValues { parse(row, $0) }

      var rowTotal = 0
      for sex in Sex.allCases {
        let known = bands.map { values.bands[sex]?[$0] ?? .blank }
        let unknown = values.unknown[sex] ?? .count(0)
        let resolved = resolveBlanks(known, unknown: unknown, total: sexTotals[sex], row: row,
                                     column: columns.sexTotals[sex], sex: sex)
        for (band, cell) in zip(bands, resolved.bands) {
          if case .suppressed = cell { stats.suppressedWritten += 1 }
          cells.append(PopulationCell(districtCode: code, sex: sex, band: band, population: cell.value))
          stats.written += cell.value ?? 0
        }
        stats.unknown += resolved.unknown
        rowTotal += resolved.unknown
        if resolved.unknown > 0 {
          add(.note, row.line, nil, "\(name): \(resolved.unknown) \(sex.code) persons of unknown age (不詳) are reported, not written to population.csv")
        }
        stats.source += sexTotals[sex]?.value ?? (resolved.bands.compactMap(\.value).reduce(0, +) + resolved.unknown)
      }
      if rowTotal > 0 { stats.unknownDistricts += 1 }
      stats.suppressedSource += values.suppressed
      checkGrandTotal(row, columns, sexTotals)
      districts.append(ImportedDistrict(code: code, name: name.isEmpty ? code : name, households: households, line: row.line))
    }

    if districts.isEmpty && !log.hasErrors {
      add(.error, nil, nil, "no district rows were found under the header")
    }
    let chosen: (Period, String)
    if let forcedPeriod {
      chosen = (forcedPeriod, "--period")
    } else if let period {
      chosen = (period.value, "調査年月日 \(period.text)")
    } else {
      if columns.date == nil { add(.error, 1, nil, "there is no 調査年月日 column: give the period with --period (e.g. --period 2017-04)") }
      chosen = (Period(year: 0, month: nil), "")
    }
    if log.hasErrors { throw .invalidInput(log) }

    // Output order: by district code; cells keep their band order within each district.
    let order = districts.sorted { $0.code.utf8.lexicographicallyPrecedes($1.code.utf8) }
    let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1.code, $0) })
    let sortedCells = cells.enumerated().sorted { a, b in
      let pa = position[a.element.districtCode]!, pb = position[b.element.districtCode]!
      return pa != pb ? pa < pb : a.offset < b.offset
    }.map(\.element)

    var summary = ImportSummary(format: JukiImporter.formatName, file: file, encoding: table.read.encoding, period: chosen.0, periodSource: chosen.1)
    summary.rowsRead = stats.rows
    summary.areas = cities.count
    summary.districts = order.count
    summary.bands = bands
    summary.sourcePersons = stats.source
    summary.personsWritten = stats.written
    summary.unknownAgePersons = stats.unknown
    summary.districtsWithUnknownAge = stats.unknownDistricts
    summary.suppressedCellsInSource = stats.suppressedSource
    summary.suppressedCellsWritten = stats.suppressedWritten
    summary.skipped = skipped
    return ImportedPopulation(period: chosen.0, districts: order, cells: sortedCells, summary: summary, diagnostics: log)
  }

  /// Checks the header and returns the age bands to write, the same for both sexes.
  private mutating func checkHeader(_ columns: JukiColumns, line: Int) throws(ChiikiError) -> [AgeBand] {
    if columns.districtCode == nil {
      add(.error, line, nil, "no district column: expected 地域コード (or KEY_CODE, or 地域名)")
    }
    var tilings: [Sex: [AgeBand]] = [:]
    for sex in Sex.allCases {
      let published = columns.ageColumns.filter { $0.sex == sex }.compactMap(\.band)
      let label = sex == .male ? "男性" : "女性"
      do {
        let tiling = try ImportBandTiling.select(published)
        if !tiling.coversAllAges {
          add(.error, line, nil, "the \(label) age columns stop at \(tiling.bands.last!) with no open top band such as 85歳以上の\(label)")
        }
        for band in tiling.subtotals {
          add(.note, line, nil, "the \(label) column for \(band.japanese) overlaps finer bands and is read as a subtotal, not written")
        }
        tilings[sex] = tiling.bands
      } catch {
        switch error {
        case .empty:
          add(.error, line, nil, "no \(label) age columns found: expected headers such as 0-4歳の\(label) … 85歳以上の\(label)")
        case .gap(let age):
          add(.error, line, nil, "the \(label) age columns leave a gap: no band starts at \(age)歳")
        }
      }
    }
    if let m = tilings[.male], let f = tilings[.female], m != f {
      add(.error, line, nil, "men and women have different age bands (\(m.map(\.description).joined(separator: " ")) vs \(f.map(\.description).joined(separator: " ")))")
    }
    if let code = columns.code, let key = columns.keyCode {
      add(.note, line, key + 1, "KEY_CODE is not used: the district code is taken from column \(code + 1) (地域コード)")
    }
    for (index, text) in columns.ignored where !text.trimmed.isEmpty {
      add(.note, line, index + 1, "column '\(text)' is not used")
    }
    if log.hasErrors { throw .invalidInput(log) }
    return tilings[.male]!
  }

  private struct AgeCells {
    var bands: [Sex: [AgeBand: PublishedCount]] = [:]
    var unknown: [Sex: PublishedCount] = [:]
    var suppressed = 0
  }

  private mutating func readAgeCells(_ row: SourceTable.Row, _ columns: JukiColumns) -> AgeCells? {
    var out = AgeCells()
    var ok = true
    for column in columns.ageColumns {
      guard let cell = parse(row, column.index) else { ok = false; continue }
      if case .suppressed = cell { out.suppressed += 1 }
      if let band = column.band {
        out.bands[column.sex, default: [:]][band] = cell
      } else {
        out.unknown[column.sex] = cell
      }
    }
    return ok ? out : nil
  }

  /// Blank age cells are zeros when the sex total confirms it (the row adds up with them as 0);
  /// otherwise they stay missing and are reported. Returns the bands and the unknown-age count.
  private mutating func resolveBlanks(_ bands: [PublishedCount], unknown: PublishedCount, total: PublishedCount?,
                                      row: SourceTable.Row, column: Int?, sex: Sex) -> (bands: [PublishedCount], unknown: Int) {
    let unknownCount = unknown.value ?? 0
    let knownSum = bands.compactMap(\.value).reduce(0, +) + unknownCount
    let blanks = bands.filter { $0 == .blank }.count
    let suppressed = bands.filter { $0 == .suppressed }.count
    guard let total = total?.value else {
      if blanks > 0 {
        add(.warning, row.line, nil, "\(blanks) blank \(sex.code) age cells kept as missing (no \(sex == .male ? "男性" : "女性") total to confirm they are 0)")
      }
      return (bands.map { $0 == .blank ? .suppressed : $0 }, unknownCount)
    }
    if suppressed == 0 && knownSum == total {
      return (bands.map { $0 == .blank ? .count(0) : $0 }, unknownCount)
    }
    if suppressed == 0 && blanks == 0 {
      add(.warning, row.line, column.map { $0 + 1 },
          "\(sex == .male ? "男性" : "女性") is \(total) but the age cells add up to \(knownSum) (including 不詳 \(unknownCount))")
    } else if blanks > 0 {
      add(.warning, row.line, nil, "\(blanks) blank \(sex.code) age cells kept as missing: the row does not add up to \(total) with them as 0")
    }
    return (bands.map { $0 == .blank ? .suppressed : $0 }, unknownCount)
  }

  private mutating func checkGrandTotal(_ row: SourceTable.Row, _ columns: JukiColumns, _ sexTotals: [Sex: PublishedCount]) {
    guard let t = columns.total, let total = parse(row, t)?.value,
      let m = sexTotals[.male]?.value, let f = sexTotals[.female]?.value, m + f != total
    else { return }
    add(.warning, row.line, t + 1, "総人口 \(total) is not 男性 \(m) + 女性 \(f)")
  }

  private mutating func parse(_ row: SourceTable.Row, _ column: Int) -> PublishedCount? {
    let text = row[column]
    guard let cell = PublishedCount.parse(text) else {
      add(.error, row.line, column + 1, "'\(text)' is not a count (expected a whole number, '-' for 0, or 'X' for suppressed)")
      return nil
    }
    return cell
  }

  /// A row without a code whose name is empty, the municipality's own name, or a total word.
  static func isTotalRow(code: String, name: String, cityName: String) -> Bool {
    let totalWords: Set<String> = ["合計", "総計", "総数", "計", "全体", "市計", "区計", "町計", "村計"]
    if totalWords.contains(name) || name.hasSuffix("合計") { return true }
    guard code.isEmpty else { return false }
    return name.isEmpty || name == cityName
  }
}
