import Foundation

/// Confidence intervals for proportions and counts, following PHEindicatormethods v2.1.0.
///
/// `level` is a two-sided confidence level in (0, 1], e.g. 0.95 or 0.998. Invalid input
/// (negative counts, x > n, level outside (0, 1]) gives `Interval.undefined` (NaN bounds).
public enum ConfidenceIntervals {
  /// The two-sided normal critical value z = Φ⁻¹(1 − (1 − level)/2); +inf at level 1.
  public static func zValue(level: Double) -> Double {
    guard level > 0, level <= 1 else { return .nan }
    return NormalDistribution.quantile(1 - (1 - level) / 2)
  }

  /// Wilson score interval for a proportion x/n (Wilson 1927, JASA 22:209; PHE `wilson_lower/upper`):
  /// [2x + z² ∓ z√(z² + 4x(1 − x/n))] / [2(n + z²)].
  ///
  /// x = 0 gives a lower bound of exactly 0 and x = n an upper bound of exactly 1 (the formula's
  /// limits, set exactly to avoid rounding). Non-integer x is allowed, as in PHE. Level 1 gives [0, 1].
  public static func wilson(successes x: Double, trials n: Double, level: Double) -> Interval {
    guard n > 0, x >= 0, x <= n, level > 0, level <= 1 else { return .undefined }
    return wilson(successes: x, trials: n, level: level, z: zValue(level: level))
  }

  /// `wilson(successes:trials:level:)` with z = `zValue(level:)` given, for callers that work out
  /// many intervals at one level (the quantile is then solved once, not once per interval).
  public static func wilson(successes x: Double, trials n: Double, level: Double, z: Double) -> Interval {
    guard n > 0, x >= 0, x <= n, level > 0, level <= 1 else { return .undefined }
    if level == 1 { return Interval(lower: 0, upper: 1) }
    let z2 = z * z
    let root = z * (z2 + 4 * x * (1 - x / n)).squareRoot()
    let denominator = 2 * (n + z2)
    let lower = x == 0 ? 0 : (2 * x + z2 - root) / denominator
    let upper = x == n ? 1 : (2 * x + z2 + root) / denominator
    return Interval(lower: lower, upper: upper)
  }

  /// Exact (Garwood 1936, Biometrika 28:437) interval for a Poisson count, on the count scale:
  /// L = χ²_{α/2}(2x)/2, U = χ²_{1−α/2}(2x + 2)/2 (PHE `poisson_cis`).
  ///
  /// x = 0 gives L = 0 exactly (χ² with 0 df is the point mass at 0, R's convention).
  /// Divide by E for a ratio interval or by the population for a rate interval.
  public static func exactPoisson(count x: Double, level: Double) -> Interval {
    guard x >= 0, x.isFinite, level > 0, level <= 1 else { return .undefined }
    if level == 1 { return Interval(lower: 0, upper: .infinity) }
    let alpha = 1 - level
    let lower = ChiSquaredDistribution.quantile(alpha / 2, degreesOfFreedom: 2 * x) / 2
    let upper = ChiSquaredDistribution.upperQuantile(alpha / 2, degreesOfFreedom: 2 * x + 2) / 2
    return Interval(lower: lower, upper: upper)
  }

  /// Byar's approximation to the exact Poisson interval for a count (Breslow & Day 1987, vol. II
  /// p. 69; PHE `byars_lower/upper`): L = x(1 − 1/(9x) − z/(3√x))³,
  /// U = (x + 1)(1 − 1/(9(x + 1)) + z/(3√(x + 1)))³.
  ///
  /// Where the cube gives a negative lower bound (only for tiny x at high levels, e.g. x = 1 at
  /// 99.8% gives −0.0028) this returns 0, the smallest possible Poisson mean; PHE returns NA there
  /// and uses the exact interval below 10 anyway. x = 0 gives L = 0.
  public static func byar(count x: Double, level: Double) -> Interval {
    guard x >= 0, x.isFinite, level > 0, level <= 1 else { return .undefined }
    if level == 1 { return Interval(lower: 0, upper: .infinity) }
    let z = zValue(level: level)
    var lower = 0.0
    if x > 0 {
      let base = 1 - 1 / (9 * x) - z / (3 * x.squareRoot())
      lower = max(0, x * base * base * base)
    }
    let x1 = x + 1
    let upperBase = 1 - 1 / (9 * x1) + z / (3 * x1.squareRoot())
    return Interval(lower: lower, upper: x1 * upperBase * upperBase * upperBase)
  }

  /// Clopper–Pearson exact interval for a binomial proportion (Clopper & Pearson 1934,
  /// Biometrika 26:404): L = B⁻¹(α/2; x, n − x + 1), U = B⁻¹(1 − α/2; x + 1, n − x), with L = 0 at
  /// x = 0 and U = 1 at x = n.
  public static func clopperPearson(successes x: Int, trials n: Int, level: Double) -> Interval {
    guard n > 0, x >= 0, x <= n, level > 0, level <= 1 else { return .undefined }
    if level == 1 { return Interval(lower: 0, upper: 1) }
    let alpha = 1 - level
    let xd = Double(x)
    let nd = Double(n)
    if x == 0 || x == n {
      let lower = x == 0 ? 0 : BetaFunctions.inverseRegularizedIncompleteBeta(a: xd, b: nd - xd + 1, p: alpha / 2)
      let upper =
        x == n ? 1 : BetaFunctions.inverseRegularizedIncompleteBeta(a: xd + 1, b: nd - xd, p: 1 - alpha / 2)
      return Interval(lower: lower, upper: upper)
    }
    // Both ends solved side by side (the same values as two separate solves, in less time).
    let (lower, upper) = BetaFunctions.inverseRegularizedIncompleteBeta(
      (a: xd, b: nd - xd + 1, p: alpha / 2), (a: xd + 1, b: nd - xd, p: 1 - alpha / 2))
    return Interval(lower: lower, upper: upper)
  }
}
