import Foundation
import Testing

@testable import Chiiki

/// Denominators filled from population.csv (`StatisticsLoader.fillDenominators`): the figure
/// filled, a population of 0 suppressing the cell, a missing figure (the first five named, the
/// rest counted), a numerator above the population, and population.csv missing altogether —
/// each with its diagnostic worded as before.
@Suite struct FillDenominatorsTests {
  static let statistics = "period,district_code,sex,age_group,indicator,numerator,denominator\n"
    + (0..<9).map { "2026-09,D\($0),male,65-74,welfare,\($0 == 1 ? 9 : 3),\n2026-09,D\($0),male,75+,welfare,2,\n" }.joined()

  func load(population text: String?) throws -> (StatisticsData, [String]) {
    let dir = TempDir()
    defer { dir.remove() }
    dir.write("statistics.csv", Self.statistics)
    let districts = DistrictTable((0..<9).map { District(code: DistrictCode("D\($0)"), name: "D\($0)") })
    var log = DiagnosticLog()
    var population: PopulationData? = nil
    if let text {
      dir.write("population.csv", text)
      population = try PopulationLoader.load(path: dir.file("population.csv"), districts: districts, encoding: nil, log: &log).0
    }
    let (data, _) = try StatisticsLoader.load(
      path: dir.file("statistics.csv"), districts: districts, population: population, runPeriod: Period(year: 2026, month: 10),
      configuration: Configuration(), encoding: nil, log: &log)
    return (data, log.shown.map(\.message))
  }

  @Test func figuresZerosAndGaps() throws {
    // D1's 65-74 population is below its numerator, D2's is 0; D3 to D8 have no 75+ figure.
    var population = "period,district_code,sex,age_group,population\n"
    population += "2025,D0,male,65-74,100\n2025,D0,male,75+,80\n2025,D1,male,65-74,5\n2025,D1,male,75+,80\n"
    population += "2025,D2,male,65-74,0\n2025,D2,male,75+,70000\n"
    for d in 3..<9 { population += "2025,D\(d),male,65-74,50\n" }
    let (data, messages) = try load(population: population)
    #expect(messages == [
      "welfare 2026-09 D1 male 65-74: numerator 9 is above the population 5 from population.csv",
      "welfare 2026-09 D3 male 75+: denominator is empty and population.csv has no figure for that cell",
      "welfare 2026-09 D4 male 75+: denominator is empty and population.csv has no figure for that cell",
      "welfare 2026-09 D5 male 75+: denominator is empty and population.csv has no figure for that cell",
      "welfare 2026-09 D6 male 75+: denominator is empty and population.csv has no figure for that cell",
      "welfare 2026-09 D7 male 75+: denominator is empty and population.csv has no figure for that cell",
      "… 1 more cells of welfare 2026-09 have no population figure",
    ])
    let welfare = IndicatorID("welfare")
    #expect(data.suppressedCells[welfare] == 1)
    #expect(data.filledFromPopulation[welfare] == 18 - 6 - 1)
    let grid = try #require(data.grids[welfare]?[Period(year: 2026, month: 9)])
    func cell(_ d: Int, _ band: String) throws -> (UInt32, UInt32) {
      let b = try #require(data.bands.index(of: AgeBand.parse(band)!))
      let o = grid.offset(district: d, sex: .male, band: b)
      return (grid.numerator(at: o), grid.denominator(at: o))
    }
    #expect(try cell(0, "65-74") == (3, 100))
    #expect(try cell(2, "65-74") == (CellMark.missing, CellMark.missing))
    #expect(try cell(2, "75+") == (2, 70_000))
    #expect(try cell(3, "75+") == (2, CellMark.missing))
    #expect(try cell(3, "65-74") == (3, 50))
  }

  @Test func populationMissingAltogether() throws {
    let (data, messages) = try load(population: nil)
    #expect(messages.count == 6)
    #expect(messages.first == "welfare 2026-09 D0 male 65-74: denominator is empty and population.csv has no figure for that cell (population.csv is missing)")
    #expect(messages.last == "… 13 more cells of welfare 2026-09 have no population figure")
    #expect(data.filledFromPopulation[IndicatorID("welfare")] == nil)
  }
}
