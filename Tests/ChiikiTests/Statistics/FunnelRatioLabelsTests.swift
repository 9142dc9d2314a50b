import Foundation
import Testing

@testable import Chiiki

/// `FunnelRatioLabels`, which answers most labels from hulls of certified means, against
/// `FunnelPlot.ratioLabel` (one CDF per question) on many (O, E) pairs, near-edge ones included,
/// asked in different orders.
@Suite struct FunnelRatioLabelsTests {
  /// Pairs with counts that repeat: random expectations around each count (over-dispersed, so
  /// every band is met), E on and next to every edge, and inputs the CDF does not decide.
  static func pairs(seed: UInt64, count: Int) -> [(Double, Double)] {
    var state = seed
    var out: [(Double, Double)] = []
    for _ in 0..<count {
      let o = Double(splitMix(&state) % 60) + (splitMixUniform(&state) < 0.05 ? Double(splitMix(&state) % 20_000) : 0)
      let spread = 0.2 + 2 * splitMixUniform(&state)
      let e = max(1e-3, (o + 0.5) * exp(spread * (splitMixUniform(&state) - 0.5) * 2))
      out.append((o, e))
    }
    // Near-edge: E where F(O; E) is an edge, and steps around it across the 1e-6 and 2e-6 margins.
    for o in [0, 1, 3, 8, 20, 55] {
      for p in FunnelRatioLabels.edges {
        let edge = StatisticsTests.FunnelRatioLabelTests.expected(atCDF: p, observed: o)
        for step in [0.0, 1e-12, 1e-9, 1e-7, 5e-7, 1e-6, 1.5e-6, 2e-6, 2.5e-6, 4e-6, 1e-5, 1e-4, 1e-2] {
          out.append((Double(o), edge * (1 + step)))
          out.append((Double(o), edge * (1 - step)))
        }
      }
    }
    // Not decided by the CDF, or beyond the hulls' counts.
    out += [(2.5, 1.1), (3, 0), (3, -1), (.nan, 2), (4, 2e6), (1_500_000, 1_498_000), (Double(FunnelRatioLabels.countLimit), 16_000), (20_000, 20_400), (-1, 3), (5, .infinity)]
    return out
  }

  @Test(arguments: [UInt64(1), 2, 3])
  func sameLabelsAsOneCDFEach(seed: UInt64) {
    var pairs = Self.pairs(seed: seed, count: 40_000)
    var state = seed &* 977
    // Shuffled (Fisher–Yates), so hulls are learnt in a different order each time.
    for i in stride(from: pairs.count - 1, to: 0, by: -1) { pairs.swapAt(i, Int(splitMix(&state) % UInt64(i + 1))) }
    var memo = FunnelRatioLabels()
    var seen = Set<FunnelLabel>()
    var differ = 0
    for (o, e) in pairs {
      let label = memo.label(observed: o, expected: e)
      if label != FunnelPlot.ratioLabel(observed: o, expected: e) { differ += 1 }
      seen.insert(label)
    }
    #expect(differ == 0)
    #expect(seen.count == FunnelLabel.allCases.count)
    // Most questions were answered by the hulls.
    #expect(memo.computedCDFs < pairs.count / 4, "\(memo.computedCDFs) CDFs for \(pairs.count) questions")
  }

  @Test func edgesAskedInOrder() {
    // Expected counts ascending and descending, so hulls grow towards every edge before the
    // near-edge questions come.
    for descending in [false, true] {
      let pairs = Self.pairs(seed: 4, count: 3_000).sorted { descending ? $0.1 > $1.1 : $0.1 < $1.1 }
      var memo = FunnelRatioLabels()
      for (o, e) in pairs {
        #expect(memo.label(observed: o, expected: e) == FunnelPlot.ratioLabel(observed: o, expected: e), "O \(o) E \(e)")
      }
    }
  }

  @Test func otherTargets() {
    for target in [0.45, 1.3] {
      var memo = FunnelRatioLabels(target: target)
      for (o, e) in Self.pairs(seed: 9, count: 5_000) {
        #expect(memo.label(observed: o, expected: e) == FunnelPlot.ratioLabel(observed: o, expected: e, target: target), "O \(o) E \(e)")
      }
    }
  }

  @Test func hullsAnswerWithoutTheCDF() {
    // Means between two certified ones of a band are answered from the hull: a mean far inside
    // "within" after its neighbours, and the band function itself.
    #expect(FunnelRatioLabels.certainBand(0.5) == 2)
    #expect(FunnelRatioLabels.certainBand(0.025 + 1e-6) == nil)
    #expect(FunnelRatioLabels.certainBand(0.0005) == 0)
    #expect(FunnelRatioLabels.certainBand(0.9995) == 4)
    #expect(FunnelRatioLabels.certainBand(.nan) == nil)
    #expect(FunnelRatioLabels.label(band: 4, observed: 0) == .within)
    #expect(FunnelRatioLabels.label(band: 3, observed: 2) == .high95)
    var memo = FunnelRatioLabels()
    #expect(memo.label(observed: 10, expected: 9) == .within)
    #expect(memo.label(observed: 10, expected: 12) == .within)
    #expect(memo.computedCDFs == 2)
    #expect(memo.label(observed: 10, expected: 10.5) == .within)
    #expect(memo.computedCDFs == 2)
    // Each CDF vouches for means around it (slope bound): 12.5 is covered by 12's.
    #expect(memo.label(observed: 10, expected: 12.5) == .within)
    #expect(memo.computedCDFs == 2)
    #expect(memo.label(observed: 10, expected: 30) == .low998)
    #expect(memo.computedCDFs == 3)
  }

  @Test func vouchedMeansStayInTheBand() {
    // Around a certain CDF, every mean within the vouched distance has its CDF in the same band,
    // at least 1e-6 from every edge (the property the hulls rest on), near-edge CDFs included.
    var state: UInt64 = 33
    var checked = 0
    for _ in 0..<4000 {
      let o = splitMixUniform(&state) < 0.2 ? Int(splitMix(&state) % 3) : Int(splitMix(&state) % 3000)
      let mean = max(1e-3, (Double(o) + 0.5) * exp(1.2 * (splitMixUniform(&state) - 0.5)))
      let cdf = PoissonDistribution.cdf(o, mean: mean)
      guard let band = FunnelRatioLabels.certainBand(cdf) else { continue }
      let reach = FunnelRatioLabels.vouched(cdf: cdf, band: band, count: o)
      for t in [-1.0, -0.5, 0.5, 1.0] where mean + t * reach > 0 && mean + t * reach <= 1e6 {
        let other = PoissonDistribution.cdf(o, mean: mean + t * reach)
        let distance = FunnelRatioLabels.edges.map { abs(other - $0) }.min() ?? 0
        #expect(distance >= 1e-6, "O \(o) mean \(mean) t \(t)")
        #expect(FunnelPlot.ratioLabel(cdf: other, observed: Double(o)) == FunnelRatioLabels.label(band: band, observed: Double(o)))
        checked += 1
      }
    }
    #expect(checked > 5000)
  }

  @Test func poolHandsBackWhatWasLearnt() {
    let pool = FunnelRatioLabelPool()
    let first = pool.withLabels { labels -> Int in
      #expect(labels.label(observed: 10, expected: 9) == .within)
      return labels.computedCDFs
    }
    // The same memo again (the only free one): 9.5 is inside what 9 vouched for.
    let second = pool.withLabels { labels -> Int in
      #expect(labels.label(observed: 10, expected: 9.5) == .within)
      return labels.computedCDFs
    }
    #expect(first == 1 && second == 1)
  }
}
