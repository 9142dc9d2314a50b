/// Reads statistics.csv, the long-format need statistics, and fills population denominators.
public enum StatisticsLoader {
  public static let schema = TableSchema(
    file: "statistics.csv",
    required: ["period", "district_code", "sex", "age_group", "indicator", "numerator"],
    optional: ["denominator"])

  public static func load(
    path: String, districts: DistrictTable, population: PopulationData?, runPeriod: Period,
    configuration: Configuration, encoding: InputEncoding?, log: inout DiagnosticLog,
    progress: ((Int, Int) -> Void)? = nil, parallelism: ReadParallelism = .automatic,
    codes: DistrictByteIndex? = nil
  ) throws(ChiikiError) -> (StatisticsData, CSVReadSummary) {
    let errorsBefore = log.errorCount
    let codes = codes ?? DistrictByteIndex(districts)
    let (acc, summary) = try PhaseTimings.measure("    read") { () throws(ChiikiError) in
      try readTableSplit(
        path: path, schema: schema, encoding: encoding, log: &log, parallelism: parallelism, progress: progress
      ) {
        StatisticsAccumulator(districts: districts, codes: codes, configuration: configuration, runPeriod: runPeriod)
      }
    }
    var data = acc.finish()
    PhaseTimings.measure("    fill denominators") { fillDenominators(&data, population: population, districts: districts, log: &log) }
    checkBands(data, log: &log)
    // A row refused above would also show up as a gap; report the row only.
    if log.errorCount == errorsBefore {
      PhaseTimings.measure("    check gaps") { checkGaps(data, districts: districts, runPeriod: runPeriod, log: &log) }
    }
    return (data, summary)
  }

  /// Replaces `fromPopulation` marks with population.csv counts of the latest population period
  /// not after the statistic's period; a cell with no population figure becomes an error.
  static func fillDenominators(_ data: inout StatisticsData, population: PopulationData?, districts: DistrictTable, log: inout DiagnosticLog) {
    for indicator in data.indicators {
      // Taken out of the dictionaries while filled, so that writing a cell copies nothing.
      guard var byPeriod = data.grids.removeValue(forKey: indicator) else { continue }
      for period in byPeriod.keys.sorted() {
        guard var grid = byPeriod.removeValue(forKey: period) else { continue }
        var counts = FillCounts()
        let popPeriod = population?.latestPeriod(notAfter: period) ?? population?.grids.keys.min()
        let popGrid = popPeriod.flatMap { population?.grids[$0] }
        // The grid's cells are taken out of it (the grid is let go, so that they are not shared)
        // and written through pointers: no uniqueness or bounds check per cell.
        let (districtCount, bandCount, slots) = (grid.districtCount, grid.bandCount, grid.slots)
        var cells = FillCells(
          numerators: grid.numeratorCodes, denominators: grid.denominatorCodes,
          numeratorOverflow: grid.numeratorOverflow, denominatorOverflow: grid.denominatorOverflow)
        grid = CellGrid(districtCount: 0, bandCount: 0)
        let shape = CellGrid(districtCount: districtCount, bandCount: bandCount, slots: slots, numerators: [], denominators: [])
        for b in 0..<bandCount where shape.hasBand(b) {
          let band = data.bands.bands[b]
          let plan = popPeriod.flatMap { population?.lookup(period: $0, band: band) }
          for sex in Sex.allCases {
            let base = shape.offset(district: 0, sex: sex, band: b)
            func describe(_ d: Int) -> String { "\(indicator) \(period) \(districts.districts[d].code) \(sex.code) \(band)" }
            if let population, let plan, let popGrid {
              // Offsets of the plan's population cells for district 0 (the plan exists only
              // when the period has a grid).
              let partBases = plan.parts.map { popGrid.offset(district: 0, sex: sex, band: $0) }
              cells.fill(base: base, count: districtCount, &counts, populationMissing: false, &log, describe: describe) { d in
                planPopulation(plan, partBases, popGrid, population: population, district: d, sex: sex)
              }
            } else {
              cells.fill(base: base, count: districtCount, &counts, populationMissing: population == nil, &log, describe: describe) { d in
                popPeriod.flatMap { population?.population(period: $0, district: d, sex: sex, band: band) }
              }
            }
          }
        }
        grid = CellGrid(
          districtCount: districtCount, bandCount: bandCount, slots: slots, numeratorCodes: cells.numerators,
          denominatorCodes: cells.denominators, numeratorOverflow: cells.numeratorOverflow,
          denominatorOverflow: cells.denominatorOverflow)
        let (problems, filled, suppressed) = (counts.problems, counts.filled, counts.suppressed)
        if suppressed > 0 { data.suppressedCells[indicator, default: 0] += suppressed }
        if filled > 0 { data.filledFromPopulation[indicator, default: 0] += filled }
        if problems > 5 {
          log.add(Diagnostic(.error, file: "statistics.csv", "… \(problems - 5) more cells of \(indicator) \(period) have no population figure"))
        }
        byPeriod[period] = grid
      }
      data.grids[indicator] = byPeriod
    }
  }

  /// What filling a grid's cells from population.csv did, for its diagnostics and counts.
  struct FillCounts {
    var problems = 0
    var filled = 0
    var suppressed = 0
  }

  /// `PopulationData.population(_:district:sex:)` with the grid and the cell offsets looked up
  /// once per band and sex: the same value, without a dictionary lookup per cell.
  @inline(__always)
  private static func planPopulation(
    _ plan: PopulationData.BandLookup, _ partBases: [Int], _ grid: PopulationGrid, population: PopulationData,
    district d: Int, sex: Sex
  ) -> UInt32? {
    var total: UInt64 = 0
    for base in partBases {
      let v = grid.value(at: base + d)
      if v == CellMark.absent {
        // Some part is absent: whether the rest tiles the band depends on which; ask the full rule.
        return population.population(period: plan.period, district: d, sex: sex, band: plan.band)
      }
      guard CellMark.isCount(v) else { return nil }
      total += UInt64(v)
    }
    guard plan.partsTile else { return nil }
    return total > UInt64(CellMark.maxCount) ? nil : UInt32(total)
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
        // Column by column (each (band, sex) cell's districts in a row) rather than district by
        // district across the columns: the same holes, read in memory order.
        let n = grid.districtCount
        if n == 0 { continue }
        var used: [(band: Int, sex: Sex)] = []
        var hasRows = [UInt8](repeating: 0, count: n)
        var hasHole = [UInt8](repeating: 0, count: n)
        grid.numeratorCodes.withUnsafeBufferPointer { num in
          hasRows.withUnsafeMutableBufferPointer { rows in
            for b in order where grid.hasBand(b) {
              for sex in Sex.allCases {
                let column = num.baseAddress! + grid.offset(district: 0, sex: sex, band: b)
                var any: UInt8 = 0
                for d in 0..<n {
                  let present: UInt8 = column[d] != CellCode.absent ? 1 : 0
                  rows[d] |= present
                  any |= present
                }
                if any != 0 { used.append((b, sex)) }
              }
            }
          }
          hasHole.withUnsafeMutableBufferPointer { holes in
            for u in used {
              let column = num.baseAddress! + grid.offset(district: 0, sex: u.sex, band: u.band)
              for d in 0..<n { holes[d] |= column[d] == CellCode.absent ? 1 : 0 }
            }
          }
        }
        var examples: [String] = []
        var count = 0
        for d in 0..<n where hasRows[d] & hasHole[d] != 0 {
          count += 1
          if examples.count < 3 {
            let holes = used.filter { grid.isAbsent(at: grid.offset(district: d, sex: $0.sex, band: $0.band)) }
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
        for b in 0..<grid.bandCount where grid.hasBand(b) {
          let start = grid.base(cell: b * 2)!
          if grid.numeratorCodes[start..<(start + 2 * grid.districtCount)].contains(where: { $0 != CellCode.absent }) {
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
