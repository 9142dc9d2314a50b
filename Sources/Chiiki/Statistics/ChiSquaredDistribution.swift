/// The chi-square distribution, used for exact (Garwood) Poisson intervals and overdispersion tests.
public enum ChiSquaredDistribution {
  /// The p-quantile of χ² with `degreesOfFreedom` df: 2·P⁻¹(df/2, p) (A&S 26.4.19).
  ///
  /// df = 0 returns 0 for every p, as R's `qchisq` does (the point mass at 0); PHEindicatormethods
  /// relies on this for the exact Poisson lower limit at x = 0, where scipy would give NaN.
  /// Returns NaN for df < 0 or p outside [0, 1].
  public static func quantile(_ p: Double, degreesOfFreedom: Double) -> Double {
    guard degreesOfFreedom >= 0, degreesOfFreedom.isFinite, p >= 0, p <= 1 else { return .nan }
    if degreesOfFreedom == 0 { return 0 }
    return 2 * GammaFunctions.inverse(a: degreesOfFreedom / 2, p: p, q: 1 - p)
  }

  /// The upper-tail quantile: the x with P(χ² > x) = q, precise for tiny q.
  public static func upperQuantile(_ q: Double, degreesOfFreedom: Double) -> Double {
    guard degreesOfFreedom >= 0, degreesOfFreedom.isFinite, q >= 0, q <= 1 else { return .nan }
    if degreesOfFreedom == 0 { return 0 }
    return 2 * GammaFunctions.inverse(a: degreesOfFreedom / 2, p: 1 - q, q: q)
  }

  /// The CDF P(χ² ≤ x) = P(df/2, x/2) (A&S 26.4.19). df = 0 is the point mass at 0.
  public static func cdf(_ x: Double, degreesOfFreedom: Double) -> Double {
    guard degreesOfFreedom >= 0, !x.isNaN else { return .nan }
    if x <= 0 { return degreesOfFreedom == 0 ? 1 : 0 }
    if degreesOfFreedom == 0 { return 1 }
    return GammaFunctions.regularizedLowerP(a: degreesOfFreedom / 2, x: x / 2)
  }
}
