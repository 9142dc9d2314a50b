import Testing

@testable import Chiiki

extension StatisticsTests {
  /// The p-value by recurrence against the plain sum of all n + 1 probabilities.
  @Suite struct BinomialTailsTests {
    static func agrees(_ fast: Double, _ plain: Double) -> Bool {
      abs(fast - plain) <= 1e-10 * max(fast, plain)
    }

    static let probabilities = [1e-4, 0.003, 0.05, 0.2, 1.0 / 3, 0.5, 0.5 + 1e-12, 0.61, 0.9, 0.99, 0.9997]

    @Test(arguments: probabilities)
    func everyOutcomeOfSmallTrials(p: Double) {
      for n in 1...70 {
        for x in 0...n {
          let fast = BinomialDistribution.twoSidedPValueByRecurrence(successes: x, trials: n, probability: p)
          let plain = BinomialDistribution.twoSidedPValue(successes: x, trials: n, probability: p)
          #expect(Self.agrees(fast, plain), "x \(x) n \(n) p \(p): \(fast) vs \(plain)")
        }
      }
    }

    @Test func largeTrialsAndRandomProbabilities() {
      var state: UInt64 = 6
      for n in [150, 401, 1000, 4999, 20_000] {
        for _ in 0..<60 {
          let p = 0.002 + 0.996 * splitMixUniform(&state)
          // Outcomes across the whole range, most within a few standard deviations of np.
          let sd = (Double(n) * p * (1 - p)).squareRoot()
          let spread = splitMixUniform(&state) < 0.2 ? Double(n) : 6 * sd
          let x = min(n, max(0, Int((Double(n) * p + (2 * splitMixUniform(&state) - 1) * spread).rounded())))
          let fast = BinomialDistribution.twoSidedPValueByRecurrence(successes: x, trials: n, probability: p)
          let plain = BinomialDistribution.twoSidedPValue(successes: x, trials: n, probability: p)
          if plain < 1e-280 {
            #expect(fast < 1e-270, "x \(x) n \(n) p \(p): \(fast) vs \(plain)")
          } else {
            #expect(Self.agrees(fast, plain), "x \(x) n \(n) p \(p): \(fast) vs \(plain)")
          }
        }
      }
    }

    @Test func scipyValues() {
      // scipy 1.17 binomtest(x, n, p).pvalue (two-sided, minlike), 2026-11-27, as in TrendTestTests.
      #expect(isClose(BinomialDistribution.twoSidedPValueByRecurrence(successes: 40, trials: 60, probability: 28.0 / 53), 0.03788025543695756))
      #expect(isClose(BinomialDistribution.twoSidedPValueByRecurrence(successes: 12, trials: 22, probability: 0.5), 0.8318119049072266))
      #expect(isClose(BinomialDistribution.twoSidedPValueByRecurrence(successes: 6, trials: 6, probability: 0.5), 0.03125))
    }

    @Test func degenerateCases() {
      #expect(BinomialDistribution.twoSidedPValueByRecurrence(successes: 0, trials: 0, probability: 0.3) == 1)
      #expect(BinomialDistribution.twoSidedPValueByRecurrence(successes: 0, trials: 5, probability: 0) == 1)
      #expect(BinomialDistribution.twoSidedPValueByRecurrence(successes: 2, trials: 5, probability: 0) == 0)
      #expect(BinomialDistribution.twoSidedPValueByRecurrence(successes: 6, trials: 5, probability: 0.5).isNaN)
    }
  }
}
