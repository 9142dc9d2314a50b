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
    compareRatios(
      observedBefore: observedBefore, expectedBefore: expectedBefore, observedNow: observedNow,
      expectedNow: expectedNow, intervals: ClopperPearsonIntervals(level: level))
  }

  /// As `compareRatios(…level:)` at `intervals.level`, taking the Clopper–Pearson interval from
  /// `intervals` (the same values, solved once per distinct pair; see `conditionalPair`).
  public static func compareRatios(
    observedBefore: Double, expectedBefore: Double, observedNow: Double, expectedNow: Double,
    intervals: ClopperPearsonIntervals
  ) -> RatioComparison {
    let level = intervals.level
    guard
      let pair = conditionalPair(
        observedBefore: observedBefore, expectedBefore: expectedBefore, observedNow: observedNow,
        expectedNow: expectedNow, level: level)
    else { return noInformation }
    let o2 = pair.successes
    let n = pair.trials
    let e1 = expectedBefore
    let e2 = expectedNow
    func ratio(fromPi pi: Double) -> Double {
      if pi >= 1 { return .infinity }
      return pi * e1 / ((1 - pi) * e2)
    }
    let piInterval = intervals.interval(successes: o2, trials: n)
    let alpha = 1 - level
    let pi0 = e2 / (e1 + e2)
    var pValue = BinomialDistribution.twoSidedPValueByRecurrence(successes: o2, trials: n, probability: pi0)
    // Within 1e-6 of α the decision p < α is left to the full sum, so it never hangs on rounding.
    if abs(pValue - alpha) <= 1e-6 * alpha {
      pValue = BinomialDistribution.twoSidedPValue(successes: o2, trials: n, probability: pi0)
    }
    return RatioComparison(
      rateRatio: rateRatio(pair, expectedBefore: e1, expectedNow: e2),
      interval: Interval(lower: ratio(fromPi: piInterval.lower), upper: ratio(fromPi: piInterval.upper)),
      pValue: pValue, isSignificant: isSignificant(pValue: pValue, level: level))
  }

  /// The answer when the comparison carries no information: rate ratio NaN, interval [0, +inf],
  /// p = 1, not significant.
  public static let noInformation = RatioComparison(
    rateRatio: .nan, interval: Interval(lower: 0, upper: .infinity), pValue: 1, isSignificant: false)

  /// R = (o2/E_now)/(o1/E_before) of a conditional pair (o2 successes, o1 = n − o2); +inf at o1 = 0.
  @inline(__always) public static func rateRatio(
    _ pair: ClopperPearsonIntervals.Pair, expectedBefore e1: Double, expectedNow e2: Double
  ) -> Double {
    let o2 = pair.successes
    let o1 = pair.trials - o2
    return o1 == 0 ? Double.infinity : (Double(o2) / e2) / (Double(o1) / e1)
  }

  /// The decision: p < α = 1 − level.
  @inline(__always) public static func isSignificant(pValue: Double, level: Double) -> Bool {
    let alpha = 1 - level
    return pValue < alpha
  }

  /// The binomial outcome the test conditions on: o2 = round(O_now) successes in
  /// n = round(O_before) + round(O_now) trials; nil when the comparison carries no information
  /// (a negative or infinite count, E ≤ 0, level outside (0, 1), or n = 0).
  public static func conditionalPair(
    observedBefore: Double, expectedBefore: Double, observedNow: Double, expectedNow: Double, level: Double
  ) -> ClopperPearsonIntervals.Pair? {
    guard observedBefore >= 0, observedNow >= 0, observedBefore.isFinite, observedNow.isFinite,
      expectedBefore > 0, expectedNow > 0, expectedBefore.isFinite, expectedNow.isFinite,
      level > 0, level < 1
    else { return nil }
    let o1 = Int(observedBefore.rounded())
    let o2 = Int(observedNow.rounded())
    let n = o1 + o2
    guard n > 0 else { return nil }
    return ClopperPearsonIntervals.Pair(successes: o2, trials: n)
  }
}
