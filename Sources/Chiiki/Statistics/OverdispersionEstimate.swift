/// The result of an overdispersion check across units (districts) for one indicator.
public struct OverdispersionEstimate: Hashable, Sendable {
  /// φ̂ = mean of the squared winsorised z-scores; about 1 when the units differ only by chance.
  public var phi: Double
  /// τ̂², the DerSimonian–Laird between-unit variance on the transformed scale (≥ 0).
  public var tau2: Double
  /// The number of units that entered the estimate (I).
  public var units: Int
  /// True when φ̂ > 1 and I·φ̂ exceeds the 95th percentile of χ² with I − 1 df.
  public var isOverdispersed: Bool

  /// Creates an estimate from its parts.
  public init(phi: Double, tau2: Double, units: Int, isOverdispersed: Bool) {
    self.phi = phi
    self.tau2 = tau2
    self.units = units
    self.isOverdispersed = isOverdispersed
  }
}
