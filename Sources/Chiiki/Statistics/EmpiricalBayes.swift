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
        var used = 0
        var sumO = 0.0
        var sumE = 0.0
        for i in 0..<count where e[i] > 0 && e[i].isFinite && o[i].isFinite {
          used += 1
          sumO = sumO + o[i]
          sumE = sumE + e[i]
        }
        guard used > 0 else { return nil }
        let b = sumO / sumE
        let meanE = sumE / Double(used)
        var total = 0.0
        for i in 0..<count where e[i] > 0 && e[i].isFinite && o[i].isFinite {
          let deviation = o[i] / e[i] - b
          total = total + e[i] * deviation * deviation
        }
        let s2 = total / sumE
        let a = max(0, s2 - b / meanE)
        return Prior(mean: b, variance: a)
      }
    }
  }
}
