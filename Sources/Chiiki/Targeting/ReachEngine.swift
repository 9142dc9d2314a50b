/// Consultations against need: the contract's expected consultations under even reach.
public enum ReachEngine {
  /// Each unit's share of need: sum_i w_i O(u,i)/O(all,i) / sum_i w_i over the indicators with
  /// O(all,i) > 0. Shares add up to 1 over units.
  public static func needShares(observed: [[Double]], weights: [Double], units: Int) -> [Double] {
    needShares(indicators: observed.count, weights: weights, units: units) { observed[$0][$1] }
  }

  /// `needShares(observed:weights:units:)` with indicator i's O of unit u read as
  /// `observed(i, u)` (callers with per-district results need not copy their O into columns).
  @inline(__always) static func needShares(
    indicators: Int, weights: [Double], units: Int, observed: (Int, Int) -> Double
  ) -> [Double] {
    var shares = [Double](repeating: 0, count: units)
    var totalWeight = 0.0
    for i in 0..<indicators {
      var all = 0.0
      for u in 0..<units { all += observed(i, u) }
      guard all > 0, weights[i] > 0 else { continue }
      totalWeight += weights[i]
      for u in 0..<units { shares[u] += weights[i] * observed(i, u) / all }
    }
    guard totalWeight > 0 else { return Array(repeating: units > 0 ? 1 / Double(units) : 0, count: units) }
    for u in 0..<units { shares[u] /= totalWeight }
    return shares
  }

  /// Reach of each unit for `total` consultations spread by `shares`, with exact intervals and
  /// Empirical-Bayes reliability weights of the consultation ratios.
  /// `withIntervals: false` skips the exact intervals where only ranks and shortfalls are needed.
  public static func reach(observed: [Double], shares: [Double], total: Double, level: Double, withIntervals: Bool = true) -> [Reach] {
    let expected = shares.map { $0 * total }
    let prior = EmpiricalBayes.poissonGammaPrior(observed: observed, expected: expected)
    // Consultation counts repeat across units: each distinct count's interval is solved once.
    var intervals = ExactPoissonIntervals(level: level)
    return observed.indices.map { u in
      withIntervals
        ? reach(observed: observed[u], expected: expected[u], prior: prior, intervals: &intervals)
        : reach(observed: observed[u], expected: expected[u], prior: prior)
    }
  }

  /// One unit's reach without an interval: O, E and the reliability weight of O/E under the
  /// consultation ratios' prior (0 where E = 0 or there is no prior). Every reach of the program
  /// (districts, categories, segments) is this value, so each is the one `reach(observed:shares:…)`
  /// gives for the same O, E and prior (`EmpiricalBayes.poissonGamma`'s weight is the prior's).
  @inline(__always) static func reach(observed o: Double, expected e: Double, prior: EmpiricalBayes.Prior?) -> Reach {
    Reach(observed: o, expected: e, ratioInterval: nil, reliability: e > 0 ? (prior?.weight(observed: o, expected: e) ?? 0) : 0)
  }

  /// `reach(observed:expected:prior:)` with its `ratioInterval(observed:expected:intervals:)`.
  @inline(__always) static func reach(
    observed o: Double, expected e: Double, prior: EmpiricalBayes.Prior?, intervals: inout ExactPoissonIntervals
  ) -> Reach {
    var r = reach(observed: o, expected: e, prior: prior)
    r.ratioInterval = ratioInterval(observed: o, expected: e, intervals: &intervals)
    return r
  }

  /// The exact Poisson interval of O divided by E (nil where E = 0), taken from `intervals`
  /// (solved there once per distinct count).
  @inline(__always) static func ratioInterval(observed o: Double, expected e: Double, intervals: inout ExactPoissonIntervals) -> Interval? {
    guard e > 0 else { return nil }
    let ci = intervals.memoised(count: o)
    return Interval(lower: ci.lower / e, upper: ci.upper / e)
  }
}
