/// The label of an observed count against the exact ratio limits, from one Poisson CDF.
extension FunnelPlot {
  /// The label `label(value: O/E, limits: ratioLimits(expected: E, target:))` would give, with
  /// one Poisson CDF instead of four interpolated quantiles.
  ///
  /// For a whole count O, the interpolated limit r_p − α of `exactPoissonLimit` lies in
  /// (r_p − 1, r_p], where r_p is the smallest k with F(k) ≥ p, F the Poisson(E·target) CDF
  /// (Spiegelhalter 2005, Stat Med 24:1185). So O lies above it exactly when O ≥ r_p, i.e. when
  /// F(O) ≥ p, and below it exactly when O < r_p, i.e. F(O) < p; at O = 0 the limit clamped to 0
  /// is never exceeded. Away from the edges this is the very comparison the limits make: when
  /// |F(O) − p| ≥ 1e-6 for every p, α stays at least 1e-6 away from 0 and from 1 (it is
  /// (F(r_p) − p)/P(X = r_p) with P(X = r_p) ≤ 1, and the CDF is accurate to ~1e-13), so r_p − α
  /// and O differ by more than 1e-12 relative for O ≤ 1e6, far beyond the rounding of the
  /// divisions by E. Otherwise (F(O) within 1e-6 of some p, a count that is not whole, O or
  /// E·target above 1e6) the limits are computed and compared as before.
  public static func ratioLabel(observed: Double, expected: Double, target: Double = 1) -> FunnelLabel {
    let value = observed / expected
    func byLimits() -> FunnelLabel {
      label(value: value, limits: ratioLimits(expected: expected, target: target))
    }
    let mean = expected * target
    guard expected > 0, expected.isFinite, target > 0, target.isFinite, mean > 0, mean <= 1e6,
      observed >= 0, observed <= 1e6, observed == observed.rounded(.down)
    else { return byLimits() }
    let cdf = PoissonDistribution.cdf(Int(observed), mean: mean)
    let p = probabilities
    for edge in [p.lower998, p.lower95, p.upper95, p.upper998] where abs(cdf - edge) < 1e-6 {
      return byLimits()
    }
    if observed > 0 {
      if cdf >= p.upper998 { return .high998 }
      if cdf >= p.upper95 { return .high95 }
    }
    if cdf < p.lower998 { return .low998 }
    if cdf < p.lower95 { return .low95 }
    return .within
  }
}
