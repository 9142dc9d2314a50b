/// Funnel limits for a proportion (exits per referral, referrals per consultation) around the
/// centre-wide rate.
///
/// TEMPORARY stand-in for `FunnelPlot.proportionLimits(trials:target:tau2:)` of the statistics
/// engine, which is not in the shim yet. Same formula as the engine's tau2 = 0 case: the normal
/// approximation p0 ± z·sqrt(p0(1 − p0)/n) clamped to [0, 1] (Spiegelhalter 2005, Stat Med
/// 24:1185; equal to PHE `calculate_funnel_limits`, the inverted Wilson score test), with
/// z = Φ⁻¹(0.975) and Φ⁻¹(0.999). When the engine lands, replace the body with
/// `FunnelPlot.proportionLimits(trials: trials, target: target)`.
enum OutcomeFunnel {
  /// Φ⁻¹(0.975) and Φ⁻¹(0.999) (standard normal quantiles, to double precision).
  static let z95 = 1.959963984540054
  static let z998 = 3.090232306167813

  static func proportionLimits(trials n: Double, target p0: Double) -> FunnelLimits {
    guard n > 0, n.isFinite, p0 >= 0, p0 <= 1 else {
      return FunnelLimits(lower95: 0, upper95: 1, lower998: 0, upper998: 1)
    }
    let se = (p0 * (1 - p0) / n).squareRoot()
    func clamp(_ v: Double) -> Double { min(1, max(0, v)) }
    return FunnelLimits(
      lower95: clamp(p0 - z95 * se), upper95: clamp(p0 + z95 * se),
      lower998: clamp(p0 - z998 * se), upper998: clamp(p0 + z998 * se))
  }

  /// The funnel label of x/n against the target p0, or nil when there are no trials or the
  /// target is 0 or 1 (a degenerate funnel of zero width would flag every unit that differs).
  static func label(successes x: Int, trials n: Int, target p0: Double?) -> FunnelLabel? {
    guard n > 0, let p0, p0 > 0, p0 < 1 else { return nil }
    let limits = proportionLimits(trials: Double(n), target: p0)
    return FunnelPlot.label(value: Double(x) / Double(n), limits: limits)
  }
}
