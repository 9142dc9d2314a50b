/// Empirical-Bayes smoothed ratios with the fitted prior, one entry per input unit.
public struct EmpiricalBayesResult: Sendable {
  /// The shrunken ratio of each unit, in input order.
  public var smoothed: [Double]
  /// The weight a/(a + b/E_i) given to each unit's own ratio (0 = fully pooled); a reliability score.
  public var shrinkageWeight: [Double]
  /// b, the prior mean (the pooled ratio ΣO/ΣE).
  public var priorMean: Double
  /// a, the prior (between-unit) variance of the true ratios, ≥ 0.
  public var priorVariance: Double

  /// Creates a result from its parts.
  public init(smoothed: [Double], shrinkageWeight: [Double], priorMean: Double, priorVariance: Double) {
    self.smoothed = smoothed
    self.shrinkageWeight = shrinkageWeight
    self.priorMean = priorMean
    self.priorVariance = priorVariance
  }
}
