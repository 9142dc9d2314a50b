import Testing

@testable import Chiiki

extension StatisticsTests {
  /// The memos of exact intervals must hand back exactly what a fresh computation gives.
  @Suite struct MemoisedIntervalsTests {
    /// Bit-for-bit equality of two intervals (NaN bounds included).
    static func same(_ a: Interval, _ b: Interval) -> Bool {
      a.lower.bitPattern == b.lower.bitPattern && a.upper.bitPattern == b.upper.bitPattern
    }

    @Test(arguments: [0.95, 0.998, 0.9, 1.0])
    func poissonMemoMatchesDirect(level: Double) {
      let counts = (0...2500).map(Double.init) + [0.5, 2.25, 17.75, 123_456, 1e6, -1, .nan, .infinity, -0.0]
      let filled = ExactPoissonIntervals(level: level, counts: counts + counts)
      var onDemand = ExactPoissonIntervals(level: level)
      let empty = ExactPoissonIntervals(level: level)
      for count in counts {
        let direct = ConfidenceIntervals.exactPoisson(count: count, level: level)
        #expect(Self.same(filled.interval(count: count), direct), "count \(count)")
        #expect(Self.same(onDemand.memoised(count: count), direct), "count \(count)")
        #expect(Self.same(onDemand.memoised(count: count), direct), "count \(count), second lookup")
        #expect(Self.same(empty.interval(count: count), direct), "count \(count)")
      }
      // Every distinct count but NaN is held once.
      #expect(filled.count == counts.count - 2)
    }

    @Test(arguments: [0.95, 0.998])
    func clopperPearsonMemoMatchesDirect(level: Double) {
      var pairs: [ClopperPearsonIntervals.Pair] = []
      for n in 1...40 {
        for x in 0...n { pairs.append(.init(successes: x, trials: n)) }
      }
      var state: UInt64 = 2026
      for _ in 0..<400 {
        let n = 1 + Int(splitMix(&state) % 5000)
        pairs.append(.init(successes: Int(splitMix(&state) % UInt64(n + 1)), trials: n))
      }
      let filled = ClopperPearsonIntervals(level: level, pairs: pairs + pairs.prefix(100))
      let empty = ClopperPearsonIntervals(level: level)
      #expect(filled.count == Set(pairs).count)
      for pair in pairs {
        let direct = ConfidenceIntervals.clopperPearson(successes: pair.successes, trials: pair.trials, level: level)
        #expect(Self.same(filled.interval(successes: pair.successes, trials: pair.trials), direct), "\(pair)")
        #expect(Self.same(empty.interval(successes: pair.successes, trials: pair.trials), direct), "\(pair)")
      }
      // A pair it does not hold (and an invalid one) is computed.
      #expect(Self.same(filled.interval(successes: 7, trials: 90_001), ConfidenceIntervals.clopperPearson(successes: 7, trials: 90_001, level: level)))
      #expect(Self.same(filled.interval(successes: 5, trials: 3), .undefined))
    }
  }
}
