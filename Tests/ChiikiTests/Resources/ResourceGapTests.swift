import Foundation
import Testing

@testable import Chiiki

/// Resource gaps on Fixtures/resources: unemployment only (welfare and ltc absent), 6 districts of
/// 1,000 men and 1,000 women aged 15-64. Independent values (Python, scipy 1.17): reference rates
/// 361/6000 (men) and 299/6000 (women), so E = 110 per district and 330 per area; O = 180 in
/// 北部圏域 and 480 in 南部圏域; exact Poisson (χ²) interval of 480 / 330 = [1.3273157490, 1.5906804235].
@Suite struct ResourceGapTests {
  func gap(_ a: Analysis, _ area: String, _ kind: String) -> ResourceGap? {
    a.resources.gaps.first { $0.area == area && $0.kind == kind }
  }

  @Test func highNeedWithoutTheKindIsAGap() throws {
    let (a, _) = try ResourceFixture.resources()
    let g = try #require(gap(a, "南部圏域", "中間的就労"))
    #expect(g.isGap && !g.isLowCapacity)
    #expect(g.resourceCount == 0 && g.capacity == nil)
    #expect(g.needIndicators == [IndicatorID("unemployment")])
    #expect(g.needCategories == [CaseCategory("就労")])
    #expect(g.personsInNeed == 480)
    #expect(ResourceFixture.close(g.needRatio, 480.0 / 330))
    #expect(g.needs.count == 1 && ResourceFixture.close(g.needs[0].expected, 330, 1e-6))
    #expect(g.consultations == 43 && g.referrals == 26 && g.exits == 6)
    // The most severe come first.
    #expect(a.resources.gaps.first?.isGap == true)
    #expect(a.resources.gaps.filter(\.isGap).map { "\($0.area)/\($0.kind)" } == ["南部圏域/中間的就労"])
    let labels = Labels(.ja)
    #expect(labels.gapProposal(g) == "南部圏域：中間的就労の場の開拓")
    #expect(labels.gapEvidence(g, configuration: a.configuration).contains("失業率が基準の1.45倍"))
  }

  /// Awaits the real statistics engine (the shim's Poisson interval is a crude placeholder).
  @Test func singleIndicatorNeedIntervalIsTheExactPoissonInterval() throws {
    let (a, _) = try ResourceFixture.resources()
    let g = try #require(gap(a, "南部圏域", "中間的就労"))
    #expect(ResourceFixture.close(g.needRatioLower, 1.3273157490, 1e-8))
    #expect(ResourceFixture.close(g.needRatioUpper, 1.5906804235, 1e-8))
  }

  @Test func lowNeedOrAResourceIsNoGap() throws {
    let (a, _) = try ResourceFixture.resources()
    let north = try #require(gap(a, "北部圏域", "中間的就労"))
    #expect(!north.isGap && north.resourceCount == 1 && north.capacity == 10)
    #expect(ResourceFixture.close(north.needRatio, 180.0 / 330))
    // 相談 in the south: a resource, no capacity given: neither flag.
    let advice = try #require(gap(a, "南部圏域", "相談"))
    #expect(!advice.isGap && !advice.isLowCapacity && advice.resourceCount == 1 && advice.capacityPerThousandInNeed == nil)
    // Kinds whose indicators have no data (welfare, ltc) are never judged.
    for kind in ["学習支援", "食料支援", "住まい", "居場所"] {
      let g = try #require(gap(a, "南部圏域", kind))
      #expect(g.needRatio == nil && !g.isGap, "\(kind)")
    }
    // The non-public shelter still counts as a resource of its area.
    #expect(gap(a, "南部圏域", "住まい")?.resourceCount == 1)
  }

  @Test func capacityPerPersonInNeedAgainstTheCity() throws {
    let (a, _) = try ResourceFixture.resources()
    let south = try #require(gap(a, "南部圏域", "就労"))
    // 5 places for 480 unemployed; the city has 35 places for 660.
    #expect(ResourceFixture.close(south.capacityPerThousandInNeed, 5.0 / 480 * 1000))
    #expect(ResourceFixture.close(south.cityCapacityPerThousandInNeed, 35.0 / 660 * 1000))
    #expect(south.isLowCapacity && !south.isGap)
    #expect(Labels(.en).gapProposal(south) == "南部圏域: expand 就労 capacity")
    let north = try #require(gap(a, "北部圏域", "就労"))
    #expect(!north.isLowCapacity)
  }

  @Test func needsFollowTheConfiguration() throws {
    var configuration = Configuration()
    configuration.resourceKindNeeds = ["中間的就労": ["welfare"], "農園": ["unemployment"]]
    let dataset = try DatasetLoader.load(LoadOptions(dataDirectory: Fixtures.path("resources"), configuration: configuration))
    var a = try Analyzer.analyze(dataset, configuration: configuration)
    ResourceAnalyzer.attach(to: &a, dataset: dataset)
    // 中間的就労 now serves welfare only, which has no data: no gap.
    #expect(gap(a, "南部圏域", "中間的就労")?.needRatio == nil)
    #expect(gap(a, "南部圏域", "農園")?.isGap == true)
    // A kind of resources.csv with no mapping is listed, with a note.
    #expect(gap(a, "南部圏域", "食料支援")?.needIndicators == [])
    #expect(a.diagnostics.notes.contains { $0.message.contains("'食料支援' has no need mapping") })
  }

  @Test func combinedNeedIsTheWeightedGeometricMeanWithALogScaleInterval() {
    // Two indicators: ratios 2 and 0.5 with intervals [1.5, 2.5] and [0.4, 0.6], weights 1 and 3.
    let needs = [
      KindNeed(indicator: IndicatorID("a"), observed: 20, expected: 10, ratio: 2, interval: Interval(lower: 1.5, upper: 2.5)),
      KindNeed(indicator: IndicatorID("b"), observed: 5, expected: 10, ratio: 0.5, interval: Interval(lower: 0.4, upper: 0.6)),
    ]
    let c = ResourceGapEngine.combine(needs, weights: [1, 3])
    // Independent: exp((ln 2 + 3 ln 0.5)/4) = 2^(-1/2); h = [ln(2.5/1.5)/2, ln(0.6/0.4)/2];
    // half = sqrt(h1² + 9 h2²)/4.
    let h1 = log(2.5 / 1.5) / 2, h2 = log(0.6 / 0.4) / 2
    let half = (h1 * h1 + 9 * h2 * h2).squareRoot() / 4
    #expect(ResourceFixture.close(c?.ratio, 0.7071067811865476))
    #expect(ResourceFixture.close(c?.lower, 0.7071067811865476 * exp(-half)))
    #expect(ResourceFixture.close(c?.upper, 0.7071067811865476 * exp(half)))
    #expect(ResourceGapEngine.combine([], weights: []) == nil)
  }
}
