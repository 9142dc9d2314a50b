/// Consultations against need: the contract's expected consultations under even reach.
public enum ReachEngine {
  /// Each unit's share of need: sum_i w_i O(u,i)/O(all,i) / sum_i w_i over the indicators with
  /// O(all,i) > 0. Shares add up to 1 over units.
  public static func needShares(observed: [[Double]], weights: [Double], units: Int) -> [Double] {
    var shares = [Double](repeating: 0, count: units)
    var totalWeight = 0.0
    for (i, column) in observed.enumerated() {
      let all = column.reduce(0, +)
      guard all > 0, weights[i] > 0 else { continue }
      totalWeight += weights[i]
      for u in 0..<units { shares[u] += weights[i] * column[u] / all }
    }
    guard totalWeight > 0 else { return Array(repeating: units > 0 ? 1 / Double(units) : 0, count: units) }
    return shares.map { $0 / totalWeight }
  }

  /// Reach of each unit for `total` consultations spread by `shares`, with exact intervals and
  /// Empirical-Bayes reliability weights of the consultation ratios.
  /// `withIntervals: false` skips the exact intervals where only ranks and shortfalls are needed.
  public static func reach(observed: [Double], shares: [Double], total: Double, level: Double, withIntervals: Bool = true) -> [Reach] {
    let expected = shares.map { $0 * total }
    let eb = EmpiricalBayes.poissonGamma(observed: observed, expected: expected)
    // Consultation counts repeat across units: each distinct count's interval is solved once.
    var intervals = ExactPoissonIntervals(level: level)
    return observed.indices.map { u in
      var interval: Interval? = nil
      if withIntervals, expected[u] > 0 {
        let ci = intervals.memoised(count: observed[u])
        interval = Interval(lower: ci.lower / expected[u], upper: ci.upper / expected[u])
      }
      return Reach(observed: observed[u], expected: expected[u], ratioInterval: interval,
                   reliability: expected[u] > 0 ? eb.shrinkageWeight[u] : 0)
    }
  }
}
