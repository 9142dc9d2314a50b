/// A closed interval [lower, upper], used for every confidence interval in the engine.
///
/// An interval whose inputs were invalid (negative counts, zero denominators) has NaN bounds,
/// so a bad cell is visible downstream instead of looking like a real result.
public struct Interval: Hashable, Sendable {
  /// The lower bound.
  public var lower: Double
  /// The upper bound (may be `+infinity`, e.g. an exact Poisson interval at 100% confidence).
  public var upper: Double

  /// Creates an interval from its two bounds.
  public init(lower: Double, upper: Double) {
    self.lower = lower
    self.upper = upper
  }

  /// The interval returned for invalid input: both bounds NaN.
  public static let undefined = Interval(lower: .nan, upper: .nan)

  /// True when `value` lies in the closed interval.
  public func contains(_ value: Double) -> Bool {
    value >= lower && value <= upper
  }
}
