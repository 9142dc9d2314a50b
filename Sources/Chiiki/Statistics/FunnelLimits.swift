/// Funnel-plot control limits at one precision (one E or one n): two-sided 95% and 99.8%.
public struct FunnelLimits: Hashable, Sendable {
  /// The 0.025 limit.
  public var lower95: Double
  /// The 0.975 limit.
  public var upper95: Double
  /// The 0.001 limit.
  public var lower998: Double
  /// The 0.999 limit.
  public var upper998: Double

  /// Creates limits from the four quantiles.
  public init(lower95: Double, upper95: Double, lower998: Double, upper998: Double) {
    self.lower95 = lower95
    self.upper95 = upper95
    self.lower998 = lower998
    self.upper998 = upper998
  }
}
