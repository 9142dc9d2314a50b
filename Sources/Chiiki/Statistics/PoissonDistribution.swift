import Foundation

/// The Poisson distribution: CDF, probability mass and quantile, for exact funnel limits.
public enum PoissonDistribution {
  /// P(X ≤ k) for X ~ Poisson(mean), as Q(k + 1, mean) (A&S 26.4.21 with 6.5.2).
  ///
  /// k < 0 gives 0; mean = 0 gives 1 for k ≥ 0; NaN for a negative or NaN mean.
  public static func cdf(_ k: Int, mean: Double) -> Double {
    guard mean >= 0, mean.isFinite else { return .nan }
    if k < 0 { return 0 }
    if mean == 0 { return 1 }
    return GammaFunctions.regularizedUpperQ(a: Double(k) + 1, x: mean)
  }

  /// P(X = k) = meanᵏ e^(−mean)/k!, computed in log form through the gamma prefactor
  /// (mean^(k+1) e^(−mean)/Γ(k+1), divided by mean) to avoid cancellation for large k.
  public static func pmf(_ k: Int, mean: Double) -> Double {
    guard mean >= 0, mean.isFinite else { return .nan }
    if k < 0 { return 0 }
    if mean == 0 { return k == 0 ? 1 : 0 }
    return exp(GammaFunctions.logPrefactor(a: Double(k) + 1, x: mean)) / mean
  }

  /// The p-quantile: the smallest k with P(X ≤ k) ≥ p (the definition of R's `qpois`).
  ///
  /// Starts from the Cornish–Fisher normal approximation and steps to the exact answer.
  /// p = 1 gives `Int.max`; invalid input gives -1.
  public static func quantile(_ p: Double, mean: Double) -> Int {
    guard p >= 0, p <= 1, mean >= 0, mean.isFinite else { return -1 }
    if p == 0 || mean == 0 { return 0 }
    if p == 1 { return Int.max }
    let z = NormalDistribution.quantile(p)
    let guess = mean + mean.squareRoot() * z + (z * z - 1) / 6
    var k = max(0, Int(guess.rounded(.down)))
    while cdf(k, mean: mean) < p { k += 1 }
    while k > 0, cdf(k - 1, mean: mean) >= p { k -= 1 }
    return k
  }
}
