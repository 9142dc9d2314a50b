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
    guard let mean = cdfMean(observed: observed, expected: expected, target: target),
      let label = ratioLabel(cdf: PoissonDistribution.cdf(Int(observed), mean: mean), observed: observed)
    else { return ratioLabelByLimits(observed: observed, expected: expected, target: target) }
    return label
  }

  /// The label from the four computed limits (`ratioLabel`'s answer where the CDF does not decide).
  static func ratioLabelByLimits(observed: Double, expected: Double, target: Double) -> FunnelLabel {
    label(value: observed / expected, limits: ratioLimits(expected: expected, target: target))
  }

  /// The Poisson mean E·target whose CDF at O decides the label, nil where the limits decide
  /// (E or target not positive and finite, E·target or O above 1e6, O negative or not whole).
  @inline(__always) static func cdfMean(observed: Double, expected: Double, target: Double) -> Double? {
    let mean = expected * target
    guard expected > 0, expected.isFinite, target > 0, target.isFinite, mean > 0, mean <= 1e6,
      observed >= 0, observed <= 1e6, observed == observed.rounded(.down)
    else { return nil }
    return mean
  }

  /// The label of O from F(O); nil when F(O) is within 1e-6 of an edge (the limits decide).
  @inline(__always) static func ratioLabel(cdf: Double, observed: Double) -> FunnelLabel? {
    let p = probabilities
    for edge in [p.lower998, p.lower95, p.upper95, p.upper998] where abs(cdf - edge) < 1e-6 {
      return nil
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
