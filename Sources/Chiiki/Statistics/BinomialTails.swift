/// The exact two-sided binomial p-value without evaluating all n + 1 probabilities.
extension BinomialDistribution {
  /// The same p-value as `twoSidedPValue` (minlike rule, relative tolerance 1 + 1e-7; Hollander &
  /// Wolfe 1999, R `binom.test`, scipy `binomtest`) to about 1e-12 relative, in
  /// O(√(np(1−p)) + |x − np|) multiplications instead of n + 1 probabilities in log form.
  ///
  /// The probabilities no more likely than x form two tails [0, A] and [B, n], as the binomial
  /// pmf is unimodal with its mode at ⌊(n + 1)p⌋. Starting from P(X = x) in log form (`pmf`), the
  /// boundaries and the tail sums follow from the ratio of successive probabilities,
  /// P(X = k + 1)/P(X = k) = (n − k)p/((k + 1)(1 − p)) (Johnson, Kemp & Kotz 2005, Univariate
  /// Discrete Distributions, 3rd ed., ch. 3). A probability within 1e-9 of the threshold is
  /// recomputed by `pmf`, so each k is in or out exactly as in `twoSidedPValue`. A tail is summed
  /// until its remainder, bounded by the geometric series of the current ratio, is below 1e-17 of
  /// the sum. Degenerate cases (n = 0, p ∈ {0, 1}, P(X = x) < 1e-280) use `twoSidedPValue`.
  public static func twoSidedPValueByRecurrence(successes x: Int, trials n: Int, probability p: Double) -> Double {
    guard n > 0, x >= 0, x <= n, p > 0, p < 1 else { return twoSidedPValue(successes: x, trials: n, probability: p) }
    let atX = pmf(x, trials: n, probability: p)
    guard atX >= 1e-280, atX <= 1 else { return twoSidedPValue(successes: x, trials: n, probability: p) }
    let threshold = atX * (1 + 1e-7)
    let odds = p / (1 - p)
    // P(X = k + 1)/P(X = k) and P(X = k − 1)/P(X = k).
    func upRatio(_ k: Int) -> Double { Double(n - k) * odds / Double(k + 1) }
    func downRatio(_ k: Int) -> Double { Double(k) / (Double(n - k + 1) * odds) }
    // Whether P(X = k) ≤ threshold, decided by `pmf` itself when the running value is close.
    func noMoreLikely(_ k: Int, _ running: Double) -> Bool {
      if abs(running - threshold) > 1e-9 * threshold { return running <= threshold }
      return pmf(k, trials: n, probability: p) <= threshold
    }
    // The tail from k outward (downward or upward), starting with P(X = k) = mass.
    func tail(from start: Int, mass: Double, upward: Bool) -> Double {
      var k = start
      var term = mass
      var sum = mass
      while upward ? k < n : k > 0 {
        let ratio = upward ? upRatio(k) : downRatio(k)
        term *= ratio
        k += upward ? 1 : -1
        sum += term
        if ratio < 1, term * ratio / (1 - ratio) < sum * 1e-17 { break }
      }
      return sum
    }
    let mode = min(n, Int((Double(n + 1) * p).rounded(.down)))
    // x's own tail ends at a: step towards the mode while the next outcome is no more likely.
    // Then walk on past the mode to the first outcome no more likely than x: the other tail.
    let upward = x <= mode
    var a = x
    var atA = atX
    while upward ? a < mode : a > mode {
      let next = atA * (upward ? upRatio(a) : downRatio(a))
      guard noMoreLikely(upward ? a + 1 : a - 1, next) else { break }
      a += upward ? 1 : -1
      atA = next
    }
    var total = tail(from: a, mass: atA, upward: !upward)
    var k = a
    var atK = atA
    while upward ? k < n : k > 0 {
      atK *= upward ? upRatio(k) : downRatio(k)
      k += upward ? 1 : -1
      if (upward ? k > mode : k < mode) && noMoreLikely(k, atK) {
        total += tail(from: k, mass: atK, upward: upward)
        break
      }
    }
    return min(1, total)
  }
}
