import Foundation
import Testing

@testable import Chiiki

extension StatisticsTests {
  /// Two inverse incomplete beta solves run side by side must give exactly what each gives alone.
  @Suite struct BetaPairInversionTests {
    static func solo(_ q: (a: Double, b: Double, p: Double)) -> Double {
      BetaFunctions.inverseRegularizedIncompleteBeta(a: q.a, b: q.b, p: q.p)
    }

    @Test func pairsMatchSeparateSolvesBitForBit() {
      var state: UInt64 = 42
      var queries: [(a: Double, b: Double, p: Double)] = []
      // Clopper–Pearson ends for many (x, n), plus random shapes and levels, plus edge cases.
      for n in [1, 2, 5, 17, 60, 400, 3000, 250_000] {
        for x in Set([0, 1, n / 3, n / 2, n - 1, n]) where x >= 0 && x <= n {
          for alpha in [0.05, 0.002] {
            queries.append((Double(x), Double(n - x) + 1, alpha / 2))
            queries.append((Double(x) + 1, Double(n - x), 1 - alpha / 2))
          }
        }
      }
      for _ in 0..<300 {
        let a = pow(10, 6 * splitMixUniform(&state) - 2)
        let b = pow(10, 6 * splitMixUniform(&state) - 2)
        queries.append((a, b, splitMixUniform(&state)))
      }
      queries += [(0, 3, 0.5), (2, 3, 0), (2, 3, 1), (2, 3, 1.5), (.nan, 1, 0.5), (1e-3, 1e-3, 1e-300)]
      for i in queries.indices {
        let j = (i * 7 + 3) % queries.count
        let (one, two) = BetaFunctions.inverseRegularizedIncompleteBeta(queries[i], queries[j])
        #expect(one.bitPattern == Self.solo(queries[i]).bitPattern, "\(queries[i])")
        #expect(two.bitPattern == Self.solo(queries[j]).bitPattern, "\(queries[j])")
      }
    }

    @Test func clopperPearsonEndsUnchanged() {
      // The interval solved side by side equals the two ends solved one at a time.
      for n in [1, 3, 10, 99, 1000] {
        for x in 0...n where x % max(1, n / 25) == 0 || x == n {
          for level in [0.95, 0.998] {
            let alpha = 1 - level
            let interval = ConfidenceIntervals.clopperPearson(successes: x, trials: n, level: level)
            let lower = x == 0 ? 0 : Self.solo((Double(x), Double(n - x) + 1, alpha / 2))
            let upper = x == n ? 1 : Self.solo((Double(x) + 1, Double(n - x), 1 - alpha / 2))
            #expect(interval.lower.bitPattern == lower.bitPattern && interval.upper.bitPattern == upper.bitPattern, "x \(x) n \(n)")
          }
        }
      }
    }
  }
}
