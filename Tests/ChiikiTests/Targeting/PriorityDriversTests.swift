import Foundation
import Testing

@testable import Chiiki

/// `PriorityRanking.drivers` (badness worked out once, indicators ordered in place) against the
/// implementation it replaced (filter, then sort with badness recomputed in the comparator), kept
/// here verbatim as the reference, on random evidence: the same drivers in the same order.
@Suite struct PriorityDriversTests {
  /// The former `PriorityRanking.drivers`, reading the same fields.
  static func referenceDrivers(indicatorRatios: [IndicatorEvidence], reach: Reach, lowData: Bool) -> [PriorityDriver] {
    func badness(_ x: IndicatorEvidence) -> Double {
      guard x.smoothed > 0 else { return 0 }
      let oriented = x.higherIsWorse ? x.smoothed : 1 / x.smoothed
      return x.weight * log(oriented)
    }
    let ranked = indicatorRatios.filter { badness($0) > 0 }.sorted { a, b in
      let (x, y) = (badness(a), badness(b))
      return x != y ? x > y : a.indicator < b.indicator
    }
    var out: [PriorityDriver] = []
    for x in ranked.prefix(2) {
      let oriented = x.higherIsWorse ? x.smoothed : 1 / x.smoothed
      if oriented >= 1.1 { out.append(.need(x.indicator, ratio: x.ratio, interval: x.interval)) }
    }
    if let r = reach.ratio, r < 0.9 { out.append(.reach(ratio: r)) }
    if out.isEmpty, let top = ranked.first ?? indicatorRatios.first {
      out.append(.need(top.indicator, ratio: top.ratio, interval: top.interval))
    }
    if lowData { out.append(.lowData) }
    return out
  }

  @Test func sameDriversAsTheSortingImplementation() {
    var rng = IndicatorResultTests.Random(state: 2026)
    let names = ["welfare", "ltc", "unemployment", "disability", "a", "b"]
    for trial in 0..<20_000 {
      let count = Int(rng.next() % 7)
      // Few distinct smoothed values and weights, so that ties in badness occur.
      let evidence = (0..<count).map { i -> IndicatorEvidence in
        let smoothedChoices = [0, 0.5, 0.9, 1, 1.05, 1.1, 1.2, 2, rng.uniform() * 3, .nan]
        let smoothed = smoothedChoices[Int(rng.next() % UInt64(smoothedChoices.count))]
        return IndicatorEvidence(
          indicator: IndicatorID(names[(i + trial) % names.count]), higherIsWorse: rng.next() % 4 != 0,
          weight: [0, 0.5, 1, 2][Int(rng.next() % 4)], smoothed: smoothed, ratio: rng.uniform() * 2,
          interval: rng.next() % 5 == 0 ? nil : Interval(lower: rng.uniform(), upper: 1 + rng.uniform()))
      }
      let reach = Reach(observed: Double(rng.next() % 20), expected: rng.next() % 6 == 0 ? 0 : rng.uniform() * 20, ratioInterval: nil, reliability: rng.uniform())
      let lowData = rng.next() % 3 == 0
      let got = PriorityRanking.drivers(indicatorRatios: evidence, reach: reach, lowData: lowData)
      let want = Self.referenceDrivers(indicatorRatios: evidence, reach: reach, lowData: lowData)
      #expect(String(reflecting: got) == String(reflecting: want), "trial \(trial)")
    }
  }

  /// `PriorityRanking.order` (keys sorted beside their units) against the former sort of the
  /// indices with the keys looked up (the reference, verbatim), with ties and NaNs.
  @Test func orderMatchesSortingTheIndices() {
    var rng = IndicatorResultTests.Random(state: 77)
    for size in [0, 1, 2, 17, 1000, 5000] {
      let pick = { (rng: inout IndicatorResultTests.Random) -> Double in
        [0, 0.5, 1, 2, .nan, rng.uniform()][Int(rng.next() % 6)]
      }
      let scores = (0..<size).map { _ in pick(&rng) }
      let need = (0..<size).map { _ in pick(&rng) }
      let expected = (0..<size).map { _ in pick(&rng) }
      let reference = scores.indices.sorted { a, b in
        if scores[a] != scores[b] { return scores[a] > scores[b] }
        if need[a] != need[b] { return need[a] > need[b] }
        if expected[a] != expected[b] { return expected[a] > expected[b] }
        return a < b
      }
      #expect(PriorityRanking.order(scores: scores, needIndex: need, expected: expected) == reference, "size \(size)")
    }
  }
}
