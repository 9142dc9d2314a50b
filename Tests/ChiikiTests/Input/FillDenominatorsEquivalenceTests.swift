import Foundation
import Testing

@testable import Chiiki

/// `StatisticsLoader.fillDenominators` (cells written through pointers by `FillCells`, figures
/// from a per-band plan) must fill what the plain cell-by-cell reference fills
/// (`FillDenominatorsReference`), with the same counts and diagnostics: on random grids of counts, marks and overflowing values, with random
/// population grids (absent, missing, zero and overflowing figures, bands that tile or not),
/// or no population.csv at all.
@Suite struct FillDenominatorsEquivalenceTests {
  static let statisticBands = ["65-74", "75+", "65+", "0-14", "15-64", "70-74"].map { AgeBand.parse($0)! }
  static let populationBands = ["65-69", "70-74", "75+", "0-14", "15-64", "65-74", "75-84"].map { AgeBand.parse($0)! }
  static let periods = [Period(year: 2025, month: 10), Period(year: 2026, month: 4), Period(year: 2026, month: 9)]

  static func pick<T>(_ items: [T], _ state: inout UInt64) -> T { items[Int(splitMix(&state) % UInt64(items.count))] }

  /// A numerator or denominator value: mostly a small count, sometimes a mark or a count too
  /// big for a 16-bit code.
  static func randomValue(_ state: inout UInt64, fromPopulationShare: UInt64) -> UInt32 {
    let r = splitMix(&state) % 100
    if r < fromPopulationShare { return CellMark.fromPopulation }
    switch splitMix(&state) % 10 {
    case 0: return CellMark.missing
    case 1: return 70_000 + UInt32(splitMix(&state) % 5)
    case 2: return 0
    default: return UInt32(splitMix(&state) % 30)
    }
  }

  static func randomStatistics(_ state: inout UInt64, districts n: Int) -> StatisticsData {
    var data = StatisticsData()
    let bandCount = 1 + Int(splitMix(&state) % UInt64(statisticBands.count))
    for b in statisticBands.prefix(bandCount) { _ = data.bands.index(for: b) }
    for k in 0..<(1 + Int(splitMix(&state) % 2)) {
      var byPeriod: [Period: CellGrid] = [:]
      for period in periods where splitMix(&state) % 2 == 0 {
        let (slots, used) = randomGridSlots(bandCount: bandCount, skipOneIn: 4, &state)
        let cells = Int(used) * 2 * n
        let numerators = (0..<cells).map { _ in
          splitMix(&state) % 20 == 0 ? CellMark.absent : randomValue(&state, fromPopulationShare: 0)
        }
        let denominators = (0..<cells).map { _ in randomValue(&state, fromPopulationShare: 60) }
        byPeriod[period] = CellGrid(districtCount: n, bandCount: bandCount, slots: slots, numerators: numerators, denominators: denominators)
      }
      data.grids[IndicatorID("indicator\(k)")] = byPeriod
    }
    return data
  }

  static func randomPopulation(_ state: inout UInt64, districts n: Int) -> PopulationData? {
    if splitMix(&state) % 5 == 0 { return nil }
    var population = PopulationData()
    for b in populationBands where splitMix(&state) % 4 != 0 { _ = population.bands.index(for: b) }
    for period in [Period(year: 2025, month: nil), Period(year: 2026, month: 4)] where splitMix(&state) % 3 != 0 {
      var grid = PopulationGrid(districtCount: n, bandCount: population.bands.count)
      for o in 0..<(n * 2 * population.bands.count) {
        switch splitMix(&state) % 20 {
        case 0: continue  // absent
        case 1: grid.setValue(CellMark.missing, at: o)
        case 2: grid.setValue(0, at: o)
        case 3: grid.setValue(70_000, at: o)
        default: grid.setValue(UInt32(1 + splitMix(&state) % 200), at: o)
        }
      }
      population.grids[period] = grid
    }
    return population
  }

  static func values(_ data: StatisticsData) -> [String: [UInt32]] {
    var out: [String: [UInt32]] = [:]
    for (indicator, byPeriod) in data.grids {
      for (period, grid) in byPeriod {
        out["\(indicator) \(period) n"] = grid.numeratorValues()
        out["\(indicator) \(period) d"] = grid.denominatorValues()
      }
    }
    return out
  }

  @Test func fillsAsTheReference() {
    var state: UInt64 = 0xF111_DE00
    var seen: [String: Int] = [:]
    for round in 0..<400 {
      let n = 1 + Int(splitMix(&state) % 30)
      let districts = DistrictTable((0..<n).map { District(code: DistrictCode("D\($0)"), name: "D\($0)") })
      let data = Self.randomStatistics(&state, districts: n)
      let population = Self.randomPopulation(&state, districts: n)
      var expected = data
      var expectedLog = DiagnosticLog(limit: 1000)
      FillDenominatorsReference.fillDenominators(&expected, population: population, districts: districts, log: &expectedLog)
      var actual = data
      var actualLog = DiagnosticLog(limit: 1000)
      StatisticsLoader.fillDenominators(&actual, population: population, districts: districts, log: &actualLog)
      #expect(Self.values(actual) == Self.values(expected), "round \(round)")
      #expect(actual.suppressedCells == expected.suppressedCells, "round \(round)")
      #expect(actual.filledFromPopulation == expected.filledFromPopulation, "round \(round)")
      #expect(actualLog.shown.map(\.description) == expectedLog.shown.map(\.description), "round \(round)")
      #expect(actualLog.errorCount == expectedLog.errorCount, "round \(round)")
      seen["suppressed", default: 0] += expected.suppressedCells.values.reduce(0, +)
      seen["filled", default: 0] += expected.filledFromPopulation.values.reduce(0, +)
      for message in expectedLog.shown.map(\.message) {
        for kind in ["is above the population", "has no figure for that cell", "population.csv is missing", "more cells of"] where message.contains(kind) {
          seen[kind, default: 0] += 1
        }
      }
    }
    // Every path was taken.
    #expect(seen.count == 6 && seen.values.allSatisfy { $0 > 0 }, "\(seen)")
  }
}
