/// Funnel labels for a proportion (exits per referral, referrals per consultation) around the
/// centre-wide rate, on the statistics engine's proportion limits p0 ± z·sqrt(p0(1 − p0)/n)
/// clamped to [0, 1] (Spiegelhalter 2005, Stat Med 24:1185; equal to PHE
/// `calculate_funnel_limits`, the inverted Wilson score test).
enum OutcomeFunnel {
  static func proportionLimits(trials n: Double, target p0: Double) -> FunnelLimits {
    guard n > 0, n.isFinite, p0 >= 0, p0 <= 1 else {
      return FunnelLimits(lower95: 0, upper95: 1, lower998: 0, upper998: 1)
    }
    return FunnelPlot.proportionLimits(trials: n, target: p0)
  }

  /// The funnel label of x/n against the target p0, or nil when there are no trials or the
  /// target is 0 or 1 (a degenerate funnel of zero width would flag every unit that differs).
  static func label(successes x: Int, trials n: Int, target p0: Double?) -> FunnelLabel? {
    guard n > 0, let p0, p0 > 0, p0 < 1 else { return nil }
    let limits = proportionLimits(trials: Double(n), target: p0)
    return FunnelPlot.label(value: Double(x) / Double(n), limits: limits)
  }
}
