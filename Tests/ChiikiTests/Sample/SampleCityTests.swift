import Foundation
import Testing

@testable import Chiiki

@Suite struct SampleCityTests {
  static let files = ["districts.csv", "population.csv", "statistics.csv", "cases.csv", "resources.csv"]

  func small(seed: UInt64 = 7, districts: Int = 40) -> CityGenerator.Options {
    CityGenerator.Options(districts: districts, areas: 4, seed: seed, caseMonths: 12)
  }

  @Test func sameSeedGivesIdenticalBytes() throws {
    let a = try GeneratedCity(small())
    let b = try GeneratedCity(small())
    defer { a.remove(); b.remove() }
    for name in Self.files {
      #expect(try a.bytes(name) == b.bytes(name), "\(name) differs between two runs")
    }
    #expect(a.generator.truth == b.generator.truth)
  }

  @Test func differentSeedGivesDifferentCity() throws {
    let a = try GeneratedCity(small(seed: 1))
    let b = try GeneratedCity(small(seed: 2))
    defer { a.remove(); b.remove() }
    for name in Self.files {
      #expect(try a.bytes(name) != b.bytes(name), "\(name) is the same for two seeds")
    }
  }

  @Test func writesContractHeadersAndNoTruth() throws {
    let city = try GeneratedCity(small())
    defer { city.remove() }
    #expect(try city.table("districts.csv").header == ["district_code", "district_name", "area", "households"])
    #expect(try city.table("population.csv").header == ["period", "district_code", "sex", "age_group", "population"])
    #expect(
      try city.table("statistics.csv").header
        == ["period", "district_code", "sex", "age_group", "indicator", "numerator", "denominator"])
    #expect(
      try city.table("cases.csv").header
        == ["period", "district_code", "sex", "age_group", "category", "consultations", "referrals", "exits"])
    #expect(
      try city.table("resources.csv").header
        == ["resource_id", "name", "kind", "district_code", "capacity", "target", "address", "contact", "hours",
            "url", "public"])
    let written = try FileManager.default.contentsOfDirectory(atPath: city.directory).sorted()
    #expect(written == Self.files.sorted())
    let first = try city.bytes("districts.csv")
    #expect(!first.starts(with: [0xEF, 0xBB, 0xBF]), "no BOM")
    #expect(!first.contains(0x0D), "LF only")
  }

  @Test func districtsAreUniqueAndEveryReferenceExists() throws {
    let city = try GeneratedCity(small())
    defer { city.remove() }
    let districts = try city.table("districts.csv").rows
    let codes = Set(districts.compactMap { $0["district_code"] })
    #expect(codes.count == 40)
    #expect(Set(districts.compactMap { $0["district_name"] }).count == 40)
    #expect(Set(districts.compactMap { $0["area"] }).count == 4)
    for name in ["population.csv", "statistics.csv", "cases.csv", "resources.csv"] {
      for row in try city.table(name).rows {
        #expect(codes.contains(row["district_code"] ?? ""), "\(name) names an unknown district")
      }
    }
  }

  @Test func statisticsAreProportionsOfTheirDenominators() throws {
    let city = try GeneratedCity(small())
    defer { city.remove() }
    var population: [String: Int] = [:]
    for row in try city.table("population.csv").rows {
      population[[row["period"]!, row["district_code"]!, row["sex"]!, row["age_group"]!].joined(separator: "|")] =
        Int(row["population"]!)
    }
    let (current, previous) = (city.generator.statisticsPeriods.current, city.generator.statisticsPeriods.previous)
    #expect(current.isNotAfter(city.generator.options.endPeriod))
    var suppressed = 0
    var zeros = 0
    var periods = Set<String>()
    for row in try city.table("statistics.csv").rows {
      periods.insert(row["period"]!)
      let band = try #require(AgeBand.parse(row["age_group"]!))
      #expect(Sex.parse(row["sex"]!) != nil)
      let numeratorText = row["numerator"]!
      if numeratorText == "X" { suppressed += 1; continue }
      if numeratorText == "-" { zeros += 1; continue }
      let numerator = try #require(Int(numeratorText))
      let denominator: Int
      switch row["indicator"] {
      case "unemployment":
        #expect(band.lower >= 15)
        denominator = try #require(Int(row["denominator"]!))
        #expect(denominator > 0)
      case "welfare", "ltc":
        if row["indicator"] == "ltc" { #expect(band.lower >= 65) }
        #expect(row["denominator"] == "")
        let key = [row["period"]!, row["district_code"]!, row["sex"]!, row["age_group"]!].joined(separator: "|")
        denominator = try #require(population[key])
        #expect(denominator > 0)
      default:
        Issue.record("unexpected indicator \(row["indicator"] ?? "")")
        continue
      }
      #expect(numerator >= 0 && numerator <= denominator)
    }
    #expect(periods == [current.description, previous.description])
    #expect(suppressed > 0 && suppressed < 100, "a handful of X cells")
    #expect(zeros > 0 && zeros < 200, "a few - cells")
  }

  @Test func casesNestIntoPopulationBandsAndFlowsAreOrdered() throws {
    let city = try GeneratedCity(small())
    defer { city.remove() }
    let populationBands = Set(try city.table("population.csv").rows.compactMap { AgeBand.parse($0["age_group"]!) })
    #expect(populationBands.count == 18)
    let months = Set(city.generator.caseMonths.map(\.description))
    #expect(city.generator.caseMonths.last == city.generator.options.endPeriod)
    let categories: Set<String> = ["経済的困窮", "就労", "住まい", "家族関係", "健康", "社会的孤立", "債務"]
    for row in try city.table("cases.csv").rows {
      #expect(months.contains(row["period"]!))
      #expect(categories.contains(row["category"]!))
      let sex = row["sex"]!
      #expect(Sex.parse(sex) != nil || sex == "unknown")
      let ageText = row["age_group"]!
      if ageText != "unknown" {
        let band = try #require(AgeBand.parse(ageText))
        let inside = populationBands.filter { band.contains($0) }
        #expect(!inside.isEmpty)
        // The five-year bands inside tile the case band exactly.
        let tiled = inside.sorted()
        #expect(tiled.first?.lower == band.lower && tiled.last?.upper == band.upper)
      }
      let consultations = try #require(Int(row["consultations"]!))
      let referrals = try #require(Int(row["referrals"]!))
      let exits = try #require(Int(row["exits"]!))
      #expect(consultations > 0)
      #expect(referrals <= consultations)
      #expect(exits <= referrals)
    }
  }

  @Test func consultationVolumeIsPlausible() throws {
    let city = try GeneratedCity(CityGenerator.Options(districts: 40, seed: 2026))
    defer { city.remove() }
    let rows = try city.table("cases.csv").rows
    let total = rows.reduce(0) { $0 + Int($1["consultations"]!)! }
    #expect(total == city.summary.consultations)
    let per100k = city.summary.consultationsPer100kPerMonth
    #expect(per100k > 18 && per100k < 35, "\(per100k) per 100,000 a month")
    #expect(city.summary.population > 60_000 && city.summary.population < 250_000)
  }

  @Test func plantedTruthHasUnderReachedDistrictsAndAResourceGap() throws {
    let city = try GeneratedCity(small())
    defer { city.remove() }
    let truth = city.generator.truth
    #expect(truth.underReached.count >= 5)
    #expect(truth.underReached.allSatisfy { $0.reach >= 0.3 && $0.reach <= 0.5 })
    #expect(truth.districts.contains { $0.reachClass == .over })
    // The gap area has the highest true unemployment ratio and no 中間的就労.
    var observed: [String: Double] = [:]
    var baseline: [String: Double] = [:]
    for d in truth.districts {
      observed[d.area, default: 0] += d.expectedUnemployed
      baseline[d.area, default: 0] += d.expectedUnemployed / d.unemploymentNeed
    }
    let gapRatio = observed[truth.gapArea]! / baseline[truth.gapArea]!
    for area in truth.areas { #expect(observed[area]! / baseline[area]! <= gapRatio + 0.05) }
    let areaOf = Dictionary(uniqueKeysWithValues: truth.districts.map { ($0.code.rawValue, $0.area) })
    let resources = try city.table("resources.csv").rows
    #expect(resources.count >= 20 && resources.count <= 40)
    let intermediate = resources.filter { $0["kind"] == "中間的就労" }
    #expect(!intermediate.isEmpty)
    #expect(intermediate.allSatisfy { areaOf[$0["district_code"]!] != truth.gapArea })
    let hidden = resources.filter { $0["public"] == "no" }
    #expect((1...2).contains(hidden.count))
  }

  @Test func truthCanBeWrittenElsewhere() throws {
    let city = try GeneratedCity(small(districts: 12))
    defer { city.remove() }
    let path = city.directory + "-truth.csv"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try city.generator.writeTruth(to: path)
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 13)
    #expect(lines[0].hasPrefix("district_code,district_name,area,kind,population"))
  }

  @Test func currentYearDoesNotDependOnThePreviousYear() throws {
    let both = try GeneratedCity(small(districts: 15))
    var options = small(districts: 15)
    options.includePreviousYear = false
    let single = try GeneratedCity(options)
    defer { both.remove(); single.remove() }
    let current = both.generator.statisticsPeriods.current.description
    for name in ["population.csv", "statistics.csv"] {
      let all = try both.table(name).rows
      let only = try single.table(name).rows
      #expect(only.allSatisfy { $0["period"] == current })
      #expect(all.filter { $0["period"] == current } == only)
    }
    #expect(try both.bytes("cases.csv") == single.bytes("cases.csv"))
  }

  @Test func withoutResourcesWritesFourFiles() throws {
    var options = small(districts: 15)
    options.includeResources = false
    let city = try GeneratedCity(options)
    defer { city.remove() }
    #expect(city.summary.files.map(\.name) == ["districts.csv", "population.csv", "statistics.csv", "cases.csv"])
  }

  @Test func rejectsOptionsOutOfRange() {
    #expect(throws: SampleError.self) { try CityGenerator(options: .init(districts: 0)) }
    #expect(throws: SampleError.self) { try CityGenerator(options: .init(districts: 3, areas: 4)) }
    #expect(throws: SampleError.self) { try CityGenerator(options: .init(caseMonths: 0)) }
    #expect(throws: SampleError.self) { try CityGenerator(options: .init(endPeriod: Period(year: 2026, month: nil))) }
  }

  @Test func statisticsPeriodsFollowTheEndPeriod() throws {
    #expect(CityLayout.statisticsPeriods(end: Period(year: 2026, month: 10)) == (Period(year: 2025, month: 4), Period(year: 2026, month: 4)))
    #expect(CityLayout.statisticsPeriods(end: Period(year: 2026, month: 3)) == (Period(year: 2024, month: 4), Period(year: 2025, month: 4)))
  }
}
