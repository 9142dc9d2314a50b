import Foundation

/// Funnel-plot control limits and labels for ratios (SMR/SIR, O/E) and proportions.
///
/// Ratio convention: Spiegelhalter's exact discrete limits with x-axis = E (Spiegelhalter 2005,
/// Stat Med 24:1185, §3.1 / appendix): for p ∈ {0.001, 0.025, 0.975, 0.999}, r_p is the p-quantile
/// of Poisson(E·target), α = (F(r_p) − p)/(F(r_p) − F(r_p − 1)) and the limit is (r_p − α)/E.
/// This is neither FunnelPlotR's χ² form nor PHE's x-axis = O form; a unit is flagged when its
/// O/E lies beyond the limit for its E.
public enum FunnelPlot {
  /// The probabilities of the four limits, lower 99.8%, lower 95%, upper 95%, upper 99.8%.
  static let probabilities = (lower998: 0.001, lower95: 0.025, upper95: 0.975, upper998: 0.999)

  /// The normal critical values of the two limits, solved once (`ConfidenceIntervals.zValue`).
  static let z95 = ConfidenceIntervals.zValue(level: 0.95)
  static let z998 = ConfidenceIntervals.zValue(level: 0.998)

  /// Limits for a ratio O/E around `target` at expected count E.
  ///
  /// tau2 = 0: the exact Spiegelhalter limits described on the type; a negative interpolated lower
  /// limit (tiny E, where P(O = 0) exceeds p) is clamped to 0.
  /// tau2 > 0 (overdispersion, from `Overdispersion.ratios`): additive random-effects limits on the
  /// log scale, exp(log(target) ± z·√(1/E + τ²)) (Spiegelhalter 2005, QSHC 14:347; FunnelPlotR
  /// "SHMI" form). E ≤ 0 carries no information: limits [0, +inf].
  public static func ratioLimits(expected: Double, target: Double = 1, tau2: Double = 0) -> FunnelLimits {
    guard expected > 0, expected.isFinite, target > 0, target.isFinite, tau2 >= 0 else {
      return FunnelLimits(lower95: 0, upper95: .infinity, lower998: 0, upper998: .infinity)
    }
    if tau2 > 0 {
      let spread = (1 / expected + tau2).squareRoot()
      let centre = log(target)
      return FunnelLimits(
        lower95: exp(centre - z95 * spread), upper95: exp(centre + z95 * spread),
        lower998: exp(centre - z998 * spread), upper998: exp(centre + z998 * spread))
    }
    let mean = expected * target
    func limit(_ p: Double) -> Double {
      max(0, exactPoissonLimit(p, mean: mean) / expected)
    }
    return FunnelLimits(
      lower95: limit(probabilities.lower95), upper95: limit(probabilities.upper95),
      lower998: limit(probabilities.lower998), upper998: limit(probabilities.upper998))
  }

  /// Spiegelhalter's interpolated Poisson quantile r_p − α on the count scale (Stat Med 24:1185).
  static func exactPoissonLimit(_ p: Double, mean: Double) -> Double {
    let r = PoissonDistribution.quantile(p, mean: mean)
    let cdfAtR = PoissonDistribution.cdf(r, mean: mean)
    let massAtR = PoissonDistribution.pmf(r, mean: mean)
    guard massAtR > 0 else { return Double(r) }
    let alpha = (cdfAtR - p) / massAtR
    return Double(r) - alpha
  }

  /// Limits for a proportion x/n around target p0 at n trials.
  ///
  /// tau2 = 0: p0 ± z·√(p0(1 − p0)/n) (Spiegelhalter 2005 normal form; equal to PHE
  /// `calculate_funnel_limits`' inverted Wilson test), clamped to [0, 1].
  /// tau2 > 0: arcsine-square-root additive form sin²(asin√p0 ± z·√(1/(4n) + τ²)), the angle
  /// clamped to [0, π/2] (Spiegelhalter 2005, QSHC 14:347; FunnelPlotR "PR").
  /// n ≤ 0 gives [0, 1].
  public static func proportionLimits(trials: Double, target: Double, tau2: Double = 0) -> FunnelLimits {
    guard trials > 0, trials.isFinite, target >= 0, target <= 1, tau2 >= 0 else {
      return FunnelLimits(lower95: 0, upper95: 1, lower998: 0, upper998: 1)
    }
    if tau2 > 0 {
      let angle = asin(target.squareRoot())
      let spread = (1 / (4 * trials) + tau2).squareRoot()
      func back(_ theta: Double) -> Double {
        let clamped = min(Double.pi / 2, max(0, theta))
        let s = sin(clamped)
        return s * s
      }
      return FunnelLimits(
        lower95: back(angle - z95 * spread), upper95: back(angle + z95 * spread),
        lower998: back(angle - z998 * spread), upper998: back(angle + z998 * spread))
    }
    let se = (target * (1 - target) / trials).squareRoot()
    func clamp(_ v: Double) -> Double { min(1, max(0, v)) }
    return FunnelLimits(
      lower95: clamp(target - z95 * se), upper95: clamp(target + z95 * se),
      lower998: clamp(target - z998 * se), upper998: clamp(target + z998 * se))
  }

  /// The label of `value` against `limits`: strictly beyond a limit is outside it, so a value on
  /// a limit is not flagged (as PHE's strict comparisons). NaN (no data) is `.within`.
  public static func label(value: Double, limits: FunnelLimits) -> FunnelLabel {
    if value > limits.upper998 { return .high998 }
    if value > limits.upper95 { return .high95 }
    if value < limits.lower998 { return .low998 }
    if value < limits.lower95 { return .low95 }
    return .within
  }
}
