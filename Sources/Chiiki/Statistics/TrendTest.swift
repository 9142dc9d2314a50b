/// Has a district's ratio changed between two periods? An exact test for two Poisson ratios.
public enum TrendTest {
  /// Compares O_now/E_now with O_before/E_before by the conditional binomial method (Breslow &
  /// Day 1987, Statistical Methods in Cancer Research vol. II, §2.3): given n = o1 + o2,
  /// o2 ~ Bin(n, π) with π = e2·R/(e1 + e2·R). The interval is Clopper–Pearson on π mapped to
  /// R = π·e1/((1 − π)·e2); the p-value is the exact two-sided binomial test of π0 = e2/(e1 + e2)
  /// (minlike rule, as R `binom.test`, scipy `binomtest`). Significant when p < 1 − level.
  ///
  /// Counts are rounded to whole numbers. n = 0, E ≤ 0 or invalid input carry no information:
  /// rate ratio NaN, interval [0, +inf], p = 1, not significant.
  public static func compareRatios(
    observedBefore: Double, expectedBefore: Double, observedNow: Double, expectedNow: Double, level: Double
  ) -> RatioComparison {
    let noInformation = RatioComparison(
      rateRatio: .nan, interval: Interval(lower: 0, upper: .infinity), pValue: 1, isSignificant: false)
    guard observedBefore >= 0, observedNow >= 0, observedBefore.isFinite, observedNow.isFinite,
      expectedBefore > 0, expectedNow > 0, expectedBefore.isFinite, expectedNow.isFinite,
      level > 0, level < 1
    else { return noInformation }
    let o1 = Int(observedBefore.rounded())
    let o2 = Int(observedNow.rounded())
    let n = o1 + o2
    guard n > 0 else { return noInformation }
    let e1 = expectedBefore
    let e2 = expectedNow
    func ratio(fromPi pi: Double) -> Double {
      if pi >= 1 { return .infinity }
      return pi * e1 / ((1 - pi) * e2)
    }
    let piInterval = ConfidenceIntervals.clopperPearson(successes: o2, trials: n, level: level)
    let rateRatio = o1 == 0 ? Double.infinity : (Double(o2) / e2) / (Double(o1) / e1)
    let pValue = BinomialDistribution.twoSidedPValue(successes: o2, trials: n, probability: e2 / (e1 + e2))
    return RatioComparison(
      rateRatio: rateRatio,
      interval: Interval(lower: ratio(fromPi: piInterval.lower), upper: ratio(fromPi: piInterval.upper)),
      pValue: pValue, isSignificant: pValue < 1 - level)
  }
}
