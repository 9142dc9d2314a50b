/// The comparison of a ratio now with the same ratio before (see `TrendTest`).
public struct RatioComparison: Sendable {
  /// R = (O_now/E_now)/(O_before/E_before); NaN when there is no information.
  public var rateRatio: Double
  /// The exact confidence interval of R; [0, +inf] when there is no information.
  public var interval: Interval
  /// The exact two-sided p-value of H0: R = 1.
  public var pValue: Double
  /// True when pValue < 1 − level.
  public var isSignificant: Bool

  /// Creates a comparison from its parts.
  public init(rateRatio: Double, interval: Interval, pValue: Double, isSignificant: Bool) {
    self.rateRatio = rateRatio
    self.interval = interval
    self.pValue = pValue
    self.isSignificant = isSignificant
  }
}
