import Testing

@testable import Chiiki

/// The three-district city in Fixtures/tiny, whose figures were worked by hand:
/// reference rates (suppressed cell of 003 left out): male 0-64 33/3300 = 0.01, male 65+ 15/500
/// = 0.03, female 0-64 24/3300, female 65+ 17/950.
@Suite struct TinyCityTests {
  func analysis() throws -> Analysis {
    let dataset = try DatasetLoader.load(LoadOptions(dataDirectory: Fixtures.path("tiny")))
    return try Analyzer.analyze(dataset, configuration: Configuration())
  }

  @Test func indirectStandardisationByHand() throws {
    let a = try analysis()
    let welfare = a.indicatorResults[0]
    // 001: E = 1000*0.01 + 200*0.03 + 1000*24/3300 + 300*17/950 = 28.641148325...
    let e001 = 10.0 + 6.0 + 1000.0 * 24 / 3300 + 300.0 * 17 / 950
    #expect(welfare[0].observed == 29)
    #expect(abs(welfare[0].expected - e001) < 1e-9)
    #expect(abs(welfare[0].ratio! - 29 / e001) < 1e-12)
    // 003: the suppressed male 65+ cell is out of both O and E, and counted as excluded.
    let e003 = 800.0 * 0.01 + 900.0 * 24 / 3300 + 250.0 * 17 / 950
    #expect(welfare[2].observed == 9)
    #expect(abs(welfare[2].expected - e003) < 1e-9)
    #expect(welfare[2].excludedCells == 1)
    #expect(welfare[2].denominator == 1950)
    // Crude rate 29 / 2500.
    #expect(abs(welfare[0].crudeRate! - 29.0 / 2500) < 1e-15)
    // Internal reference: O and E agree in total.
    #expect(abs(welfare.reduce(0) { $0 + $1.observed } - welfare.reduce(0) { $0 + $1.expected }) < 1e-9)
  }

  @Test func expectedConsultationsFollowTheContract() throws {
    let a = try analysis()
    // Window 2025-11..2026-10 holds 13 consultations (the 2025-10 row is outside).
    #expect(a.windowConsultations == 13)
    let byDistrict = Dictionary(uniqueKeysWithValues: a.priorities.map { (a.districts.districts[$0.district].code.rawValue, $0) })
    // C x O(d)/O(all) with one indicator: 13 x 29/89, 13 x 51/89, 13 x 9/89.
    #expect(abs(byDistrict["001"]!.reach.expected - 13.0 * 29 / 89) < 1e-9)
    #expect(abs(byDistrict["002"]!.reach.expected - 13.0 * 51 / 89) < 1e-9)
    #expect(abs(byDistrict["003"]!.reach.expected - 13.0 * 9 / 89) < 1e-9)
    #expect(byDistrict["001"]!.reach.observed == 5)
    #expect(byDistrict["002"]!.reach.observed == 5)
    #expect(byDistrict["003"]!.reach.observed == 3)
    #expect(abs(a.priorities.reduce(0) { $0 + $1.reach.missing }) < 1e-9)
  }

  @Test func leafletsStayWithinBudget() throws {
    var config = Configuration()
    for budget in [0, 50, 100, 250, 1000] {
      config.leafletBudget = budget
      let dataset = try DatasetLoader.load(LoadOptions(dataDirectory: Fixtures.path("tiny"), configuration: config))
      let a = try Analyzer.analyze(dataset, configuration: config)
      let total = a.priorities.reduce(0) { $0 + $1.leaflets }
      #expect(total <= budget)
      #expect(total == a.leafletPlan.allocated)
      #expect(a.leafletPlan.allocated + a.leafletPlan.leftOver == budget)
      // Households total 450: anything above is left over.
      #expect(total == min(budget, 450))
    }
  }

  @Test func segmentsUseTheCommonBanding() throws {
    let a = try analysis()
    // statistics 0-64/65+ and cases 20-64/65+: the common banding is 0-64, 65+.
    #expect(a.segmentBanding.map(\.description) == ["0-64", "65+"])
    #expect(a.segments.count == 3 * 2 * 2)
    // The unknown-sex/unknown-age consultation stays out of segments: 13 - 1 = 12.
    #expect(a.segments.reduce(0) { $0 + $1.reach.observed } == 12)
    // Within each sex x age group, expected consultations add up to the group's observed ones
    // (the contract's formula applied group by group).
    for sex in Sex.allCases {
      for band in a.segmentBanding {
        let group = a.segments.filter { $0.sex == sex && $0.band == band }
        let observed = group.reduce(0) { $0 + $1.reach.observed }
        let expected = group.reduce(0) { $0 + $1.reach.expected }
        #expect(abs(observed - expected) < 1e-9, "\(sex) \(band)")
      }
    }
    // By hand: male 0-64 has 4 + 3 = 7 consultations (001 20-64 x3 in 2026-10, 002 就労 x4);
    // 001's share of the group's welfare need is 10/33, so E = 7 x 10/33.
    let seg = try #require(a.segments.first { $0.sex == .male && $0.band.lower == 0 && a.districts.districts[$0.district].code.rawValue == "001" })
    #expect(abs(seg.reach.expected - 7.0 * 10 / 33) < 1e-9)
  }
}
