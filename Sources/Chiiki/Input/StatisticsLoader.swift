/// Reads statistics.csv, the long-format need statistics, and fills population denominators.
public enum StatisticsLoader {
  public static let schema = TableSchema(
    file: "statistics.csv",
    required: ["period", "district_code", "sex", "age_group", "indicator", "numerator"],
    optional: ["denominator"])

  public static func load(
    path: String, districts: DistrictTable, population: PopulationData?, runPeriod: Period,
    configuration: Configuration, encoding: InputEncoding?, log: inout DiagnosticLog,
    progress: ((Int, Int) -> Void)? = nil
  ) throws(ChiikiError) -> (StatisticsData, CSVReadSummary) {
    var data = StatisticsData()
    let errorsBefore = log.errorCount
    var periodCache: [String: Period] = [:]
    var indicatorCache: [String: IndicatorID] = [:]
    var bandCache: [String: AgeBand] = [:]
    let summary = try readTable(path: path, schema: schema, encoding: encoding, log: &log, progress: progress) { row, log in
      let period: Period
      if let col = row.header["period"], let text = row.record.string(col), let cached = periodCache[text] {
        period = cached
      } else {
        guard let p = row.period("period", monthly: false, &log) else { return }
        if let col = row.header["period"], let text = row.record.string(col), periodCache.count < 10_000 { periodCache[text] = p }
        period = p
      }
      guard let d = row.district(districts, &log), let sexValue = row.sex(allowUnknown: false, &log), let sex = sexValue
      else { return }
      let band: AgeBand
      if let col = row.header["age_group"], let text = row.record.string(col), let cached = bandCache[text] {
        band = cached
      } else {
        guard let b = row.ageBand(allowUnknown: false, &log), let bb = b else { return }
        if let col = row.header["age_group"], let text = row.record.string(col), bandCache.count < 1000 { bandCache[text] = bb }
        band = bb
      }
      let indicator: IndicatorID
      if let col = row.header["indicator"], let text = row.record.string(col), let cached = indicatorCache[text] {
        indicator = cached
      } else {
        guard let text = row.requiredText("indicator", &log) else { return }
        guard text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-" }) else {
          row.error("indicator", "indicator '\(text)' must be an identifier (letters, digits, _ or -)", &log)
          return
        }
        indicator = IndicatorID(text)
        if let col = row.header["indicator"], let raw = row.record.string(col), indicatorCache.count < 1000 { indicatorCache[raw] = indicator }
      }
      guard let numeratorCell = row.count("numerator", &log), let denominatorCell = row.count("denominator", &log) else { return }
      data.rows += 1
      let config = configuration.indicator(indicator)

      var denominator: UInt32
      switch denominatorCell {
      case .value(let v):
        if v == 0 {
          row.error("denominator", "denominator is 0; a rate needs a denominator above 0 (leave the row out if there is nobody)", &log)
          return
        }
        denominator = UInt32(v)
      case .missing:
        let emptyCell = row.header["denominator"].map { row.record.isEmpty($0) } ?? true
        if emptyCell && config.denominator == .population {
          if let lo = config.minAge, band.lower < lo {
            row.error("age_group", "\(indicator)'s population denominator covers ages \(lo)+ but this row is for \(band)", &log)
            return
          }
          if let hi = config.maxAge, (band.upper ?? Int.max) > hi {
            row.error("age_group", "\(indicator)'s population denominator covers ages up to \(hi) but this row is for \(band)", &log)
            return
          }
          denominator = CellMark.fromPopulation
        } else if emptyCell {
          row.error("denominator", "denominator is empty; give it, or set denominator = \"population\" for [indicators.\(indicator)] in chiiki.toml and supply population.csv", &log)
          return
        } else {
          denominator = CellMark.missing
        }
      case .invalid: return
      }
      var numerator: UInt32
      switch numeratorCell {
      case .value(let v): numerator = UInt32(v)
      case .missing: numerator = CellMark.missing
      case .invalid: return
      }
      if CellMark.isCount(numerator) && CellMark.isCount(denominator) && numerator > denominator {
        row.error("numerator", "numerator (\(numerator)) is above denominator (\(denominator)); these are proportions of a population", &log)
        return
      }
      if !period.isNotAfter(runPeriod) {
        data.rowsAfterRun += 1
        return
      }
      if numerator == CellMark.missing || denominator == CellMark.missing {
        data.suppressedCells[indicator, default: 0] += 1
        numerator = CellMark.missing
      }
      let b = data.bands.index(for: band)
      if b == data.bandFirstSeen.count { data.bandFirstSeen.append(CellLocation(line: row.record.line, column: row.column("age_group"))) }
      var byPeriod = data.grids[indicator] ?? [:]
      var grid = byPeriod.removeValue(forKey: period) ?? CellGrid(districtCount: districts.count, bandCount: data.bands.count)
      grid.ensureBands(data.bands.count)
      let o = grid.offset(district: d, sex: sex, band: b)
      if grid.numerators[o] != CellMark.absent {
        row.error("indicator", "duplicate cell: \(period) \(districts.districts[d].code) \(sex.code) \(band) \(indicator) appears more than once", &log)
      } else {
        grid.numerators[o] = numerator
        grid.denominators[o] = denominator
      }
      byPeriod[period] = grid
      data.grids[indicator] = byPeriod
    }
    fillDenominators(&data, population: population, districts: districts, log: &log)
    checkBands(data, log: &log)
    // A row refused above would also show up as a gap; report the row only.
    if log.errorCount == errorsBefore { checkGaps(data, districts: districts, runPeriod: runPeriod, log: &log) }
    return (data, summary)
  }

  /// Replaces `fromPopulation` marks with population.csv counts of the latest population period
  /// not after the statistic's period; a cell with no population figure becomes an error.
  static func fillDenominators(_ data: inout StatisticsData, population: PopulationData?, districts: DistrictTable, log: inout DiagnosticLog) {
    for indicator in data.indicators {
      guard var byPeriod = data.grids[indicator] else { continue }
      for period in byPeriod.keys.sorted() {
        guard var grid = byPeriod[period] else { continue }
        var problems = 0
        let popPeriod = population?.latestPeriod(notAfter: period) ?? population?.grids.keys.min()
        for b in 0..<grid.bandCount {
          let band = data.bands.bands[b]
          for sex in Sex.allCases {
            for d in 0..<grid.districtCount {
              let o = grid.offset(district: d, sex: sex, band: b)
              guard grid.denominators[o] == CellMark.fromPopulation else { continue }
              guard let population, let popPeriod,
                let value = population.population(period: popPeriod, district: d, sex: sex, band: band)
              else {
                problems += 1
                if problems <= 5 {
                  log.add(Diagnostic(.error, file: "statistics.csv",
                                     "\(indicator) \(period) \(districts.districts[d].code) \(sex.code) \(band): denominator is empty and population.csv has no figure for that cell"
                                       + (population == nil ? " (population.csv is missing)" : "")))
                }
                grid.denominators[o] = CellMark.missing
                continue
              }
              if value == 0 {
                grid.denominators[o] = CellMark.missing
                grid.numerators[o] = CellMark.missing
                data.suppressedCells[indicator, default: 0] += 1
                continue
              }
              grid.denominators[o] = value
              data.filledFromPopulation[indicator, default: 0] += 1
              let n = grid.numerators[o]
              if CellMark.isCount(n) && n > value {
                log.add(Diagnostic(.error, file: "statistics.csv",
                                   "\(indicator) \(period) \(districts.districts[d].code) \(sex.code) \(band): numerator \(n) is above the population \(value) from population.csv"))
              }
            }
          }
        }
        if problems > 5 {
          log.add(Diagnostic(.error, file: "statistics.csv", "… \(problems - 5) more cells of \(indicator) \(period) have no population figure"))
        }
        byPeriod[period] = grid
      }
      data.grids[indicator] = byPeriod
    }
  }

  /// Within one indicator and period, a district with rows but without a sex x band cell that
  /// other districts have gets a warning. Such a hole is legitimate when the cell has no people
  /// (a denominator must be above 0, so the row is left out), and O and E both leave the cell
  /// out, so the ratio stays consistent; but it may also be a row lost while editing, so it is
  /// named. Bands no district has (an indicator only for 65+) are not mentioned.
  /// Only periods a run can use (not after the run period) are checked.
  static func checkGaps(_ data: StatisticsData, districts: DistrictTable, runPeriod: Period, log: inout DiagnosticLog) {
    let order = data.bands.sortedIndices
    for indicator in data.indicators {
      guard let byPeriod = data.grids[indicator] else { continue }
      for (period, grid) in byPeriod.sorted(by: { $0.key < $1.key }) where period.isNotAfter(runPeriod) {
        var used: [(band: Int, sex: Sex)] = []
        var hasRows = Array(repeating: false, count: grid.districtCount)
        for b in order where b < grid.bandCount {
          for sex in Sex.allCases {
            var any = false
            for d in 0..<grid.districtCount where grid.numerators[grid.offset(district: d, sex: sex, band: b)] != CellMark.absent {
              any = true
              hasRows[d] = true
            }
            if any { used.append((b, sex)) }
          }
        }
        var examples: [String] = []
        var count = 0
        for d in 0..<grid.districtCount where hasRows[d] {
          let holes = used.filter { grid.numerators[grid.offset(district: d, sex: $0.sex, band: $0.band)] == CellMark.absent }
          guard !holes.isEmpty else { continue }
          count += 1
          if examples.count < 3 {
            examples.append("\(districts.districts[d].code) (\(holes.map { "\($0.sex.code) \(data.bands.bands[$0.band])" }.joined(separator: ", ")))")
          }
        }
        guard count > 0 else { continue }
        let subject = count == 1 ? "district \(examples[0]) has no row" : "\(count) districts have no row"
        let list = count == 1 ? "" : ": \(examples.joined(separator: "; "))\(count > examples.count ? "; …" : "")"
        log.add(Diagnostic(.warning, file: "statistics.csv",
                           "\(indicator) \(period): \(subject) for some sex x age cells that other districts have\(list); their ratios cover the other ages (a cell with no people needs no row; write X for a suppressed figure)"))
      }
    }
  }

  /// The bands used by one indicator must not overlap (15-19 and 15-24 together would count
  /// people twice). Located at the first row of whichever of the two bands appears later in the
  /// file (usually the stray row).
  static func checkBands(_ data: StatisticsData, log: inout DiagnosticLog) {
    for indicator in data.indicators {
      guard let byPeriod = data.grids[indicator] else { continue }
      for (period, grid) in byPeriod.sorted(by: { $0.key < $1.key }) {
        var used: [AgeBand] = []
        for b in 0..<grid.bandCount {
          let start = b * 2 * grid.districtCount
          if grid.numerators[start..<(start + 2 * grid.districtCount)].contains(where: { $0 != CellMark.absent }) {
            used.append(data.bands.bands[b])
          }
        }
        if let problem = AgeBanding.overlap(in: used) {
          let at = [problem.0, problem.1].compactMap { data.bands.index(of: $0) }.compactMap {
            $0 < data.bandFirstSeen.count ? data.bandFirstSeen[$0] : nil
          }.max { $0.line < $1.line }
          log.add(Diagnostic(.error, file: "statistics.csv", line: at?.line, column: at?.column, "\(indicator) \(period): age bands \(problem.0) and \(problem.1) overlap; each age must fall in one band"))
        }
      }
    }
  }
}
