import Foundation
import Testing

@testable import Chiiki

extension StatisticsTests {
  /// The label from one Poisson CDF against the label from the four computed limits.
  @Suite struct FunnelRatioLabelTests {
    static func byLimits(_ o: Double, _ e: Double, target: Double = 1) -> FunnelLabel {
      FunnelPlot.label(value: o / e, limits: FunnelPlot.ratioLimits(expected: e, target: target))
    }

    @Test(arguments: [1.0, 1.3, 0.45])
    func gridOfCountsAndExpectations(target: Double) {
      let counts = (0...90).map(Double.init) + [137, 250, 499, 1000, 3001]
      var seen = Set<FunnelLabel>()
      for i in 0..<120 {
        let e = 0.01 * pow(10, 5.7 * Double(i) / 119)  // 0.01 … 5000
        for o in counts {
          let fast = FunnelPlot.ratioLabel(observed: o, expected: e, target: target)
          #expect(fast == Self.byLimits(o, e, target: target), "O \(o) E \(e) target \(target)")
          seen.insert(fast)
        }
      }
      #expect(seen.count == FunnelLabel.allCases.count)
    }

    /// E where P(X ≤ O) = p for X ~ Poisson(E), by bisection (the CDF falls as E grows).
    static func expected(atCDF p: Double, observed o: Int) -> Double {
      var low = 1e-9
      var high = Double(o) + 60 * (Double(o) + 1).squareRoot() + 60
      for _ in 0..<200 {
        let mid = 0.5 * (low + high)
        if PoissonDistribution.cdf(o, mean: mid) > p { low = mid } else { high = mid }
      }
      return 0.5 * (low + high)
    }

    @Test func edgesOfEveryLimit() {
      // Counts exactly on (and next to) each limit: inside the 1e-6 margin the limits decide, just
      // outside it the CDF does; both must agree with the limits everywhere.
      for o in [0, 1, 2, 5, 10, 37, 100, 400, 2500] {
        for p in [0.001, 0.025, 0.975, 0.999] {
          let edge = Self.expected(atCDF: p, observed: o)
          for step in [0.0, 1e-15, 1e-12, 1e-9, 1e-7, 3e-7, 1e-6, 3e-6, 1e-5, 1e-3] {
            for e in [edge * (1 + step), edge * (1 - step)] where e > 0 {
              #expect(FunnelPlot.ratioLabel(observed: Double(o), expected: e) == Self.byLimits(Double(o), e), "O \(o) E \(e) p \(p)")
            }
          }
        }
      }
    }

    @Test func countsOutsideTheShortcut() {
      // Not whole, above 1e6, or no information: the limits decide, as before.
      for (o, e) in [(2.5, 1.1), (17.25, 30.0), (1_500_000.0, 1_498_000.0), (3.0, 0.0), (3.0, -1.0), (.nan, 2.0), (4.0, 2e6)] {
        #expect(FunnelPlot.ratioLabel(observed: o, expected: e) == Self.byLimits(o, e), "O \(o) E \(e)")
      }
    }
  }
}
