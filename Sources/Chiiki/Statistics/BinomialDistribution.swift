import Foundation

/// The binomial distribution: probability mass and the exact two-sided test, for trend comparisons.
public enum BinomialDistribution {
  /// P(X = k) for X ~ Bin(n, p), in log form: log C(n, k) = −log(n + 1) − log B(k + 1, n − k + 1),
  /// plus k·log p + (n−k)·log1p(−p).
  public static func pmf(_ k: Int, trials n: Int, probability p: Double) -> Double {
    guard n >= 0, p >= 0, p <= 1 else { return .nan }
    if k < 0 || k > n { return 0 }
    if p == 0 { return k == 0 ? 1 : 0 }
    if p == 1 { return k == n ? 1 : 0 }
    let logChoose = -log(Double(n) + 1) - BetaFunctions.logBeta(Double(k) + 1, Double(n - k) + 1)
    return exp(logChoose + Double(k) * log(p) + Double(n - k) * log1p(-p))
  }

  /// The exact two-sided p-value of H0: X ~ Bin(n, p) given x: the total probability of outcomes
  /// no more likely than x ("minlike"), with the relative tolerance 1 + 1e-7 of R's `binom.test`
  /// and scipy's `binomtest`, so equal probabilities count as ties (Hollander & Wolfe 1999).
  public static func twoSidedPValue(successes x: Int, trials n: Int, probability p: Double) -> Double {
    guard n >= 0, x >= 0, x <= n, p >= 0, p <= 1 else { return .nan }
    if n == 0 { return 1 }
    let threshold = pmf(x, trials: n, probability: p) * (1 + 1e-7)
    var total = 0.0
    for k in 0...n {
      let mass = pmf(k, trials: n, probability: p)
      if mass <= threshold { total += mass }
    }
    return min(1, total)
  }
}
