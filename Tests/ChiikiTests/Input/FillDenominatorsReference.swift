@testable import Chiiki

/// `StatisticsLoader.fillDenominators` as it was before it wrote the cells through pointers
/// (`FillCells`): the reference that `FillDenominatorsEquivalenceTests` compares it with.
enum FillDenominatorsReference {
  static func fillDenominators(_ data: inout StatisticsData, population: PopulationData?, districts: DistrictTable, log: inout DiagnosticLog) {
    for indicator in data.indicators {
      // Taken out of the dictionaries while filled, so that writing a cell copies nothing.
      guard var byPeriod = data.grids.removeValue(forKey: indicator) else { continue }
      for period in byPeriod.keys.sorted() {
        guard var grid = byPeriod.removeValue(forKey: period) else { continue }
        var counts = FillCounts()
        let popPeriod = population?.latestPeriod(notAfter: period) ?? population?.grids.keys.min()
        let popGrid = popPeriod.flatMap { population?.grids[$0] }
        for b in 0..<grid.bandCount where grid.hasBand(b) {
          let band = data.bands.bands[b]
          let plan = popPeriod.flatMap { population?.lookup(period: $0, band: band) }
          for sex in Sex.allCases {
            let base = grid.offset(district: 0, sex: sex, band: b)
            func describe(_ d: Int) -> String { "\(indicator) \(period) \(districts.districts[d].code) \(sex.code) \(band)" }
            // Unwrapped once per band and sex, not per cell (a copy of the plan or the grid per
            // cell costs more than the cell).
            if let population, let plan, let popGrid {
              // Offsets of the plan's population cells for district 0 (the plan exists only
              // when the period has a grid).
              let partBases = plan.parts.map { popGrid.offset(district: 0, sex: sex, band: $0) }
              for d in 0..<grid.districtCount where grid.denominatorCodes[base + d] == CellCode.fromPopulation {
                let figure = planPopulation(plan, partBases, popGrid, population: population, district: d, sex: sex)
                fill(figure, at: base + d, &grid, &counts, populationMissing: false, &log) { describe(d) }
              }
            } else {
              for d in 0..<grid.districtCount where grid.denominatorCodes[base + d] == CellCode.fromPopulation {
                let figure = popPeriod.flatMap { population?.population(period: $0, district: d, sex: sex, band: band) }
                fill(figure, at: base + d, &grid, &counts, populationMissing: population == nil, &log) { describe(d) }
              }
            }
          }
        }
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

  typealias FillCounts = StatisticsLoader.FillCounts

  /// Fills one `fromPopulation` cell with its population figure: a missing figure is an error
  /// (the first 5 per grid named, by `describe`), a population of 0 suppresses the cell.
  @inline(__always)
  private static func fill(
    _ figure: UInt32?, at o: Int, _ grid: inout CellGrid, _ counts: inout FillCounts, populationMissing: Bool,
    _ log: inout DiagnosticLog, describe: () -> String
  ) {
    guard let value = figure else {
      counts.problems += 1
      if counts.problems <= 5 {
        log.add(Diagnostic(.error, file: "statistics.csv",
                           "\(describe()): denominator is empty and population.csv has no figure for that cell"
                             + (populationMissing ? " (population.csv is missing)" : "")))
      }
      grid.setDenominator(CellMark.missing, at: o)
      return
    }
    if value == 0 {
      grid.setDenominator(CellMark.missing, at: o)
      grid.setNumerator(CellMark.missing, at: o)
      counts.suppressed += 1
      return
    }
    grid.setDenominator(value, at: o)
    counts.filled += 1
    let n = grid.numerator(at: o)
    if CellMark.isCount(n) && n > value {
      log.add(Diagnostic(.error, file: "statistics.csv", "\(describe()): numerator \(n) is above the population \(value) from population.csv"))
    }
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
}
