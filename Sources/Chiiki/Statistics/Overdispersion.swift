import Foundation

/// Overdispersion of funnel-plot data: are units more spread out than chance allows?
///
/// Method (Spiegelhalter 2005, "Handling over-dispersion of performance indicators", QSHC 14:347):
/// 1. z_i = (y_i − θ0)/s_i on a variance-stabilising scale (log for ratios, arcsine-√ for proportions);
/// 2. winsorise the z_i at 10% in each tail (type-7 quantiles, as FunnelPlotR);
/// 3. φ̂ = (1/I)Σz_i²;
/// 4. τ̂² = max(0, (Iφ̂ − (I − 1)) / (Σw_i − Σw_i²/Σw_i)), w_i = 1/s_i² (DerSimonian & Laird 1986,
///    Control Clin Trials 7:177), 0 when Iφ̂ ≤ I − 1;
/// 5. overdispersed when φ̂ > 1 and Iφ̂ > χ²_{0.95}(I − 1) (the df allow for θ0 usually being the
///    pooled value).
/// `tau2` is reported as estimated; apply it to the limits only when `isOverdispersed` is true,
/// as FunnelPlotR falls back to unadjusted limits when φ̂ ≤ 1. Fewer than 2 units: φ̂ as computed
/// (0 for none), τ̂² = 0, not overdispersed.
public enum Overdispersion {
  /// Overdispersion of ratios O/E around `target`, on the log scale: y = log(O/E), s = 1/√E,
  /// z = (log(O/E) − log target)·√E (FunnelPlotR "SHMI").
  ///
  /// O = 0 would give log 0 = −inf, so a zero count is replaced by 0.5 (the usual ½ continuity
  /// correction, cf. FunnelPlotR issue #17 on log(0)); the unit still counts as very low.
  /// Units with E ≤ 0, a non-finite or negative O are left out.
  public static func ratios(observed: [Double], expected: [Double], target: Double = 1) -> OverdispersionEstimate {
    ratios(count: min(observed.count, expected.count), target: target) { (observed[$0], expected[$0]) }
  }

  /// `ratios(observed:expected:target:)` of units 0..<count whose O and E `unit(i)` gives (for
  /// callers that keep them in other structures, so that no two columns are copied out).
  @inline(__always) static func ratios(
    count: Int, target: Double = 1, _ unit: (Int) -> (observed: Double, expected: Double)
  ) -> OverdispersionEstimate {
    guard target > 0, target.isFinite else { return empty }
    var z: [Double] = []
    var weights: [Double] = []
    // Room for every unit up front: growing by doubling first-touched about twice the pages.
    z.reserveCapacity(count)
    weights.reserveCapacity(count)
    for i in 0..<count {
      let (o, e) = unit(i)
      guard e > 0 && e.isFinite && o >= 0 && o.isFinite else { continue }
      let corrected = o == 0 ? 0.5 : o
      z.append((log(corrected / e) - log(target)) * e.squareRoot())
      weights.append(e)
    }
    return estimate(z: z, weights: weights)
  }

  /// Overdispersion of proportions x/n around `target`, on the arcsine-square-root scale:
  /// y = asin√(x/n), s = 1/(2√n), z = (asin√(x/n) − asin√target)·2√n (FunnelPlotR "PR").
  /// Units with n ≤ 0 or x outside [0, n] are left out.
  public static func proportions(successes: [Double], trials: [Double], target: Double) -> OverdispersionEstimate {
    guard target >= 0, target <= 1 else { return empty }
    let centre = asin(target.squareRoot())
    var z: [Double] = []
    var weights: [Double] = []
    for (x, n) in zip(successes, trials) where n > 0 && n.isFinite && x >= 0 && x <= n {
      z.append((asin((x / n).squareRoot()) - centre) * 2 * n.squareRoot())
      weights.append(4 * n)
    }
    return estimate(z: z, weights: weights)
  }

  private static let empty = OverdispersionEstimate(phi: 0, tau2: 0, units: 0, isOverdispersed: false)

  /// Steps 2–5 of the method, given raw z-scores and weights w_i = 1/s_i².
  static func estimate(z: [Double], weights: [Double]) -> OverdispersionEstimate {
    let count = z.count
    guard count > 0 else { return empty }
    // The mean square of the winsorised z, each value clamped as `Winsorisation.winsorise`
    // does, summed in order (the clamped copy is not made).
    let (low, high) = Winsorisation.bounds(z, fraction: 0.1)
    let phi = z.reduce(0) { sum, value in
      let w = min(high, max(low, value))
      return sum + w * w
    } / Double(count)
    guard count >= 2 else {
      return OverdispersionEstimate(phi: phi, tau2: 0, units: count, isOverdispersed: false)
    }
    let units = Double(count)
    let sumW = weights.reduce(0, +)
    let sumW2 = weights.reduce(0) { $0 + $1 * $1 }
    let denominator = sumW - sumW2 / sumW
    let excess = units * phi - (units - 1)
    let tau2 = excess > 0 && denominator > 0 ? excess / denominator : 0
    let critical = ChiSquaredDistribution.quantile(0.95, degreesOfFreedom: units - 1)
    let overdispersed = phi > 1 && units * phi > critical
    return OverdispersionEstimate(phi: phi, tau2: tau2, units: count, isOverdispersed: overdispersed)
  }
}
