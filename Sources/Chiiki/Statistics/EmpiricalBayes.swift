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
    let usable = (0..<count).filter { expected[$0] > 0 && expected[$0].isFinite && observed[$0].isFinite }
    guard !usable.isEmpty else {
      return EmpiricalBayesResult(
        smoothed: Array(repeating: .nan, count: count), shrinkageWeight: Array(repeating: 0, count: count),
        priorMean: .nan, priorVariance: 0)
    }
    let sumO = usable.reduce(0) { $0 + observed[$1] }
    let sumE = usable.reduce(0) { $0 + expected[$1] }
    let b = sumO / sumE
    let meanE = sumE / Double(usable.count)
    let s2 =
      usable.reduce(0) { total, i in
        let deviation = observed[i] / expected[i] - b
        return total + expected[i] * deviation * deviation
      } / sumE
    let a = max(0, s2 - b / meanE)
    var smoothed = Array(repeating: b, count: count)
    var weights = Array(repeating: 0.0, count: count)
    if a > 0 {
      for i in usable {
        let weight = a / (a + b / expected[i])
        weights[i] = weight
        smoothed[i] = b + weight * (observed[i] / expected[i] - b)
      }
    }
    return EmpiricalBayesResult(smoothed: smoothed, shrinkageWeight: weights, priorMean: b, priorVariance: a)
  }
}
