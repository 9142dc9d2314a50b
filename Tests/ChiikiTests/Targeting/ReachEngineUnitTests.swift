import Foundation
import Testing

@testable import Chiiki

/// `ReachEngine.reach(observed:expected:prior:…)`, the one-unit reach every caller shares, must
/// give what `ReachEngine.reach` over arrays gave when it was written out with
/// `EmpiricalBayes.poissonGamma`'s weights and the interval inline.
@Suite struct ReachEngineUnitTests {
  /// The replaced array form, kept as the reference.
  static func reference(observed: [Double], shares: [Double], total: Double, level: Double, withIntervals: Bool) -> [Reach] {
    let expected = shares.map { $0 * total }
    let eb = EmpiricalBayes.poissonGamma(observed: observed, expected: expected)
    return observed.indices.map { u in
      var interval: Interval? = nil
      if withIntervals, expected[u] > 0 {
        let ci = ConfidenceIntervals.exactPoisson(count: observed[u], level: level)
        interval = Interval(lower: ci.lower / expected[u], upper: ci.upper / expected[u])
      }
      return Reach(observed: observed[u], expected: expected[u], ratioInterval: interval, reliability: expected[u] > 0 ? eb.shrinkageWeight[u] : 0)
    }
  }

  static func describe(_ r: Reach) -> String { String(reflecting: (r.observed, r.expected, r.ratioInterval, r.reliability)) }

  @Test func arraysMatchTheWrittenOutForm() {
    var state: UInt64 = 61
    for trial in 0..<40 {
      let n = 1 + Int(splitMix(&state) % 200)
      // Some zero shares (E = 0), some zero counts, some over-dispersed counts; trial 0: no spread (a = 0).
      let observed = (0..<n).map { _ in trial == 0 ? 3 : Double(splitMix(&state) % (trial % 3 == 0 ? 5 : 400)) }
      let raw = (0..<n).map { _ in splitMixUniform(&state) < 0.1 ? 0 : splitMixUniform(&state) }
      let sum = raw.reduce(0, +)
      let shares = raw.map { sum > 0 ? $0 / sum : 0 }
      let total = observed.reduce(0, +)
      for withIntervals in [false, true] {
        let new = ReachEngine.reach(observed: observed, shares: shares, total: total, level: 0.95, withIntervals: withIntervals)
        let old = Self.reference(observed: observed, shares: shares, total: total, level: 0.95, withIntervals: withIntervals)
        #expect(new.map(Self.describe) == old.map(Self.describe), "trial \(trial)")
      }
    }
  }

  @Test func oneUnitIsTheArrayElement() {
    let observed: [Double] = [0, 4, 9, 2, 30, 7]
    let shares: [Double] = [0.1, 0.2, 0, 0.3, 0.25, 0.15]
    let total = observed.reduce(0, +)
    let prior = EmpiricalBayes.poissonGammaPrior(observed: observed, expected: shares.map { $0 * total })
    #expect(prior != nil)
    let all = ReachEngine.reach(observed: observed, shares: shares, total: total, level: 0.9)
    var intervals = ExactPoissonIntervals(level: 0.9)
    for u in observed.indices {
      let one = ReachEngine.reach(observed: observed[u], expected: shares[u] * total, prior: prior, intervals: &intervals)
      #expect(Self.describe(one) == Self.describe(all[u]))
      // E = 0: no interval, no weight.
      #expect((one.ratioInterval == nil) == (shares[u] == 0))
      if shares[u] == 0 { #expect(one.reliability == 0) }
    }
  }
}
