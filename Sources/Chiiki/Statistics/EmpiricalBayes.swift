/// Empirical-Bayes smoothing of ratios, so that tiny districts do not top a list on noise.
public enum EmpiricalBayes {
  /// Global Poisson–Gamma smoothing by the method of moments (Marshall 1991, Appl Stat 40:283;
  /// spdep `EBest`), with E as the "population" and r_i = O_i/E_i:
  /// b = ΣO/ΣE; s² = ΣE_i(r_i − b)²/ΣE; a = s² − b/Ē (a < 0 → 0);
  /// smoothed_i = b + a(r_i − b)/(a + b/E_i); weight_i = a/(a + b/E_i).
  ///
  /// Units with E_i ≤ 0 (or non-finite O/E) are left out of b, s² and Ē, and get smoothed = b,
  /// weight 0. When a = 0 every unit gets b (full pooling). Mismatched lengths: the shorter count.
  public static func poissonGamma(observed: [Double], expected: [Double]) -> EmpiricalBayesResult {
    let count = min(observed.count, expected.count)
    guard let prior = poissonGammaPrior(observed: observed, expected: expected) else {
      return EmpiricalBayesResult(
        smoothed: Array(repeating: .nan, count: count), shrinkageWeight: Array(repeating: 0, count: count),
        priorMean: .nan, priorVariance: 0)
    }
    let b = prior.mean
    let a = prior.variance
    var smoothed = Array(repeating: b, count: count)
    var weights = Array(repeating: 0.0, count: count)
    if a > 0 {
      for i in 0..<count where prior.uses(observed: observed[i], expected: expected[i]) {
        let weight = a / (a + b / expected[i])
        weights[i] = weight
        smoothed[i] = b + weight * (observed[i] / expected[i] - b)
      }
    }
    return EmpiricalBayesResult(smoothed: smoothed, shrinkageWeight: weights, priorMean: b, priorVariance: a)
  }

  /// The fitted prior of `poissonGamma` alone: b (mean) and a (variance), nil when no unit is
  /// usable. With it, one unit's smoothed ratio and weight can be worked out on demand (the
  /// same values as `poissonGamma`'s arrays) without arrays of every unit.
  public struct Prior: Sendable {
    public var mean: Double
    public var variance: Double

    /// Whether a unit takes part in the fit (E > 0 and finite, O finite).
    @inline(__always) public func uses(observed o: Double, expected e: Double) -> Bool {
      e > 0 && e.isFinite && o.isFinite
    }

    /// The shrinkage weight a/(a + b/E) of a unit; 0 when the unit is not used or a = 0.
    @inline(__always) public func weight(observed o: Double, expected e: Double) -> Double {
      guard variance > 0, uses(observed: o, expected: e) else { return 0 }
      return variance / (variance + mean / e)
    }

    /// The smoothed ratio of a unit: b + w(O/E − b), or b when the unit is not used or a = 0.
    @inline(__always) public func smoothed(observed o: Double, expected e: Double) -> Double {
      guard variance > 0, uses(observed: o, expected: e) else { return mean }
      let weight = variance / (variance + mean / e)
      return mean + weight * (o / e - mean)
    }
  }

  /// The prior of `poissonGamma` (same sums in the same order), without per-unit arrays.
  public static func poissonGammaPrior(observed: [Double], expected: [Double]) -> Prior? {
    let count = min(observed.count, expected.count)
    return observed.withUnsafeBufferPointer { o in
      expected.withUnsafeBufferPointer { e in
        poissonGammaPrior(count: count) { (o[$0], e[$0]) }
      }
    }
  }

  /// `poissonGammaPrior(observed:expected:)` of units 0..<count whose O and E `unit(i)` gives,
  /// for callers that work them out instead of keeping them in arrays.
  @inline(__always) public static func poissonGammaPrior(count: Int, _ unit: (Int) -> (observed: Double, expected: Double)) -> Prior? {
    var fit = PriorFit()
    for i in 0..<count {
      let u = unit(i)
      fit.addToMean(observed: u.observed, expected: u.expected)
    }
    guard fit.endMean() else { return nil }
    for i in 0..<count {
      let u = unit(i)
      fit.addToVariance(observed: u.observed, expected: u.expected)
    }
    return fit.prior
  }

  /// The sums behind `poissonGammaPrior`, fed one unit at a time, so that a caller can fit the
  /// prior of units it works out on the fly instead of keeping arrays of them. Feed every unit
  /// in the same order twice: first `addToMean`, then `endMean`, then `addToVariance`; the
  /// result is bit for bit that of `poissonGammaPrior` over arrays in that order.
  public struct PriorFit: Sendable {
    private var used = 0
    private var sumO = 0.0
    private var sumE = 0.0
    private var total = 0.0
    private var b = Double.nan

    public init() {}

    @inline(__always) static func uses(_ o: Double, _ e: Double) -> Bool { e > 0 && e.isFinite && o.isFinite }

    /// First pass: b = ΣO/ΣE over the usable units.
    @inline(__always) public mutating func addToMean(observed o: Double, expected e: Double) {
      guard Self.uses(o, e) else { return }
      used += 1
      sumO = sumO + o
      sumE = sumE + e
    }

    /// Ends the first pass; false when no unit is usable (no prior).
    public mutating func endMean() -> Bool {
      guard used > 0 else { return false }
      b = sumO / sumE
      return true
    }

    /// Second pass: ΣE(r − b)² over the usable units.
    @inline(__always) public mutating func addToVariance(observed o: Double, expected e: Double) {
      guard Self.uses(o, e) else { return }
      let deviation = o / e - b
      total = total + e * deviation * deviation
    }

    /// The fitted prior after both passes; nil when no unit is usable.
    public var prior: Prior? {
      guard used > 0 else { return nil }
      let meanE = sumE / Double(used)
      let s2 = total / sumE
      let a = max(0, s2 - b / meanE)
      return Prior(mean: b, variance: a)
    }
  }
}
