import Testing

@testable import Chiiki

extension StatisticsTests {
  /// The trend test with memoised intervals and the recurrence p-value against the plain
  /// computation: Clopper–Pearson solved afresh and the p-value summed over all n + 1 outcomes.
  @Suite struct TrendTestDecisionTests {
    static func plainSignificance(o1: Int, e1: Double, o2: Int, e2: Double, level: Double) -> Bool {
      BinomialDistribution.twoSidedPValue(successes: o2, trials: o1 + o2, probability: e2 / (e1 + e2)) < 1 - level
    }

    @Test(arguments: [0.95, 0.998])
    func randomComparisons(level: Double) {
      var state: UInt64 = 11
      var inputs: [(o1: Int, e1: Double, o2: Int, e2: Double)] = []
      for _ in 0..<1500 {
        let scale = [3.0, 20, 120, 600][Int(splitMix(&state) % 4)]
        let e1 = scale * (0.2 + 1.6 * splitMixUniform(&state))
        let e2 = scale * (0.2 + 1.6 * splitMixUniform(&state))
        let o1 = Int((e1 * (0.4 + 1.2 * splitMixUniform(&state))).rounded())
        let o2 = Int((e2 * (0.4 + 1.2 * splitMixUniform(&state))).rounded())
        inputs.append((o1, e1, o2, e2))
      }
      let pairs = inputs.compactMap {
        TrendTest.conditionalPair(observedBefore: Double($0.o1), expectedBefore: $0.e1, observedNow: Double($0.o2), expectedNow: $0.e2, level: level)
      }
      let memo = ClopperPearsonIntervals(level: level, pairs: pairs)
      var significant = 0
      for input in inputs {
        let shared = TrendTest.compareRatios(
          observedBefore: Double(input.o1), expectedBefore: input.e1, observedNow: Double(input.o2), expectedNow: input.e2, intervals: memo)
        let alone = TrendTest.compareRatios(
          observedBefore: Double(input.o1), expectedBefore: input.e1, observedNow: Double(input.o2), expectedNow: input.e2, level: level)
        #expect(shared.pValue.bitPattern == alone.pValue.bitPattern)
        #expect(MemoisedIntervalsTests.same(shared.interval, alone.interval))
        let n = input.o1 + input.o2
        guard n > 0 else { continue }
        let pi = ConfidenceIntervals.clopperPearson(successes: input.o2, trials: n, level: level)
        func ratio(_ p: Double) -> Double { p >= 1 ? .infinity : p * input.e1 / ((1 - p) * input.e2) }
        #expect(shared.interval.lower.bitPattern == ratio(pi.lower).bitPattern)
        #expect(shared.interval.upper.bitPattern == ratio(pi.upper).bitPattern)
        #expect(shared.isSignificant == Self.plainSignificance(o1: input.o1, e1: input.e1, o2: input.o2, e2: input.e2, level: level))
        if shared.isSignificant { significant += 1 }
      }
      // Both outcomes occur, so the comparison means something.
      #expect(significant > 20 && significant < inputs.count - 20)
    }

    @Test func decisionsOnTheEdge() {
      // E_now where the plain p-value crosses α (bisection), then points closer and closer to it:
      // within 1e-6 of α the full sum decides, elsewhere the recurrence; both must agree with it.
      let level = 0.95
      for (o1, o2) in [(20, 40), (3, 11), (150, 205), (0, 6), (44, 18), (700, 610)] {
        var low = 0.05
        var high = 20.0
        let p0 = Self.plainSignificance(o1: o1, e1: 1, o2: o2, e2: low, level: level)
        for _ in 0..<80 {
          let mid = (low * high).squareRoot()
          if Self.plainSignificance(o1: o1, e1: 1, o2: o2, e2: mid, level: level) == p0 { low = mid } else { high = mid }
        }
        for step in [0.0, 1e-15, 1e-13, 1e-11, 1e-9, 1e-7, 1e-5, 1e-3] {
          for e2 in [low * (1 - step), high * (1 + step)] {
            let result = TrendTest.compareRatios(
              observedBefore: Double(o1), expectedBefore: 1, observedNow: Double(o2), expectedNow: e2, level: level)
            #expect(result.isSignificant == Self.plainSignificance(o1: o1, e1: 1, o2: o2, e2: e2, level: level), "o1 \(o1) o2 \(o2) e2 \(e2)")
          }
        }
      }
    }
  }
}
