@testable import Chiiki

/// What `StatisticsLoader.fillDenominators` must do, spelled the plain way: cell by cell through
/// `CellGrid`'s checked accessors, each figure from the full population rule
/// (`PopulationData.population(period:district:sex:band:)`, which the loader's per-band plan
/// must equal). The reference that `FillDenominatorsEquivalenceTests` compares it with.
enum FillDenominatorsReference {
  static func fillDenominators(_ data: inout StatisticsData, population: PopulationData?, districts: DistrictTable, log: inout DiagnosticLog) {
    for indicator in data.indicators {
      for period in (data.grids[indicator]?.keys ?? [:].keys).sorted() {
        var grid = data.grids[indicator]![period]!
        let popPeriod = population?.latestPeriod(notAfter: period) ?? population?.grids.keys.min()
        var problems = 0
        var filled = 0
        var suppressed = 0
        for b in 0..<grid.bandCount where grid.hasBand(b) {
          let band = data.bands.bands[b]
          for sex in Sex.allCases {
            for d in 0..<grid.districtCount {
              let o = grid.offset(district: d, sex: sex, band: b)
              guard grid.denominator(at: o) == CellMark.fromPopulation else { continue }
              let name = "\(indicator) \(period) \(districts.districts[d].code) \(sex.code) \(band)"
              if let value = popPeriod.flatMap({ population?.population(period: $0, district: d, sex: sex, band: band) }) {
                if value == 0 {
                  grid.setDenominator(CellMark.missing, at: o)
                  grid.setNumerator(CellMark.missing, at: o)
                  suppressed += 1
                } else {
                  grid.setDenominator(value, at: o)
                  filled += 1
                  if CellMark.isCount(grid.numerator(at: o)) && grid.numerator(at: o) > value {
                    log.add(Diagnostic(.error, file: "statistics.csv", "\(name): numerator \(grid.numerator(at: o)) is above the population \(value) from population.csv"))
                  }
                }
              } else {
                problems += 1
                grid.setDenominator(CellMark.missing, at: o)
                let missingFile = population == nil ? " (population.csv is missing)" : ""
                if problems <= 5 {
                  log.add(Diagnostic(.error, file: "statistics.csv", "\(name): denominator is empty and population.csv has no figure for that cell\(missingFile)"))
                }
              }
            }
          }
        }
        data.grids[indicator]![period] = grid
        if suppressed > 0 { data.suppressedCells[indicator, default: 0] += suppressed }
        if filled > 0 { data.filledFromPopulation[indicator, default: 0] += filled }
        if problems > 5 {
          log.add(Diagnostic(.error, file: "statistics.csv", "… \(problems - 5) more cells of \(indicator) \(period) have no population figure"))
        }
      }
    }
  }
}
