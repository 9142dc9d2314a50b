import Foundation

/// `FunnelPlot.ratioLabel` for many units, with most Poisson CDFs replaced by two comparisons.
///
/// For a whole count O the CDF F(O; μ) = P(X ≤ O), X ~ Poisson(μ), falls strictly as μ grows
/// (dF/dμ = −P(X = O) < 0). So the means μ at which F(O; μ) lies in one band between two edges
/// (0.001, 0.025, 0.975, 0.999) form an interval. For each count this memo keeps, per band, the
/// hull [lo, hi] of the means around those it has seen whose computed CDF lay in that band at
/// least `certainty` (2e-6) away from both its edges, and answers a mean inside a hull with that
/// band's label, without the CDF.
///
/// A computed CDF c at mean μ, D ≥ 2e-6 from its band's nearer edge, vouches for the means
/// within Δ = 0.999 (D − 2e-6) / M of μ, where M bounds the slope |dF/dμ| = P(X = O): for O ≥ 1,
/// P(X = O) ≤ Oᴼe⁻ᴼ/O! ≤ 1/√(2πO) (its largest value, at μ = O, and Stirling's lower bound
/// O! ≥ √(2πO)(O/e)ᴼ); for O = 0, e^(−μ) ≤ 1. So the true CDF over [μ − Δ, μ + Δ] stays within
/// D − 2e-6 of the true CDF at μ.
///
/// Why an answer from a hull is `ratioLabel`'s, bit for bit: let ε bound the error of the
/// computed CDF (checked to ~1e-13, `GammaFunctions`; the argument needs only ε ≤ 5e-7, the
/// slack also absorbing the rounding of D, Δ and μ ± Δ). Over each vouched interval the true CDF
/// is in [a + 2e-6 − ε, b − 2e-6 + ε] for the band's edges a < b; by monotonicity so is the true
/// CDF at every mean between two such intervals, so over the whole hull; and the CDF
/// `ratioLabel` would compute there is in [a + 2e-6 − 2ε, b − 2e-6 + 2ε], at least 1e-6 from
/// every edge. `ratioLabel` then takes no fallback and gives the band's label (which depends on
/// the band and on whether O > 0 only, both fixed for the count). Means outside every hull,
/// counts at or above `countLimit` and every input `ratioLabel` does not decide by the CDF are
/// passed to `ratioLabel` itself. Answers do not depend on the order of the questions.
struct FunnelRatioLabels {
  /// Distance from every edge a computed CDF must keep for its mean to join a hull.
  static let certainty = 2e-6
  /// Counts with hulls: 0..<countLimit (larger ones are rare; they take `ratioLabel`).
  static let countLimit = 1 << 14
  /// The band edges in ascending order.
  static let edges = [FunnelPlot.probabilities.lower998, FunnelPlot.probabilities.lower95, FunnelPlot.probabilities.upper95, FunnelPlot.probabilities.upper998]

  let target: Double
  /// Per count, per band (0: below 0.001 … 4: at or above 0.999), lo and hi of its hull at
  /// `(count · 5 + band) · 2`; an empty hull has lo = +∞, hi = −∞.
  private var hulls: [Double] = []
  /// How many Poisson CDFs this memo has computed (the questions its hulls did not answer).
  private(set) var computedCDFs = 0

  init(target: Double = 1) {
    self.target = target
  }

  /// `FunnelPlot.ratioLabel(observed:expected:target:)`.
  mutating func label(observed: Double, expected: Double) -> FunnelLabel {
    guard let mean = FunnelPlot.cdfMean(observed: observed, expected: expected, target: target),
      observed < Double(Self.countLimit)
    else { return FunnelPlot.ratioLabel(observed: observed, expected: expected, target: target) }
    let count = Int(observed)
    let base = count * 10
    if base < hulls.count {
      for band in 0..<5 where hulls[base + 2 * band] <= mean && mean <= hulls[base + 2 * band + 1] {
        return Self.label(band: band, observed: observed)
      }
    }
    let cdf = PoissonDistribution.cdf(count, mean: mean)
    computedCDFs += 1
    guard let label = FunnelPlot.ratioLabel(cdf: cdf, observed: observed) else {
      return FunnelPlot.ratioLabelByLimits(observed: observed, expected: expected, target: target)
    }
    if let band = Self.certainBand(cdf) {
      if base >= hulls.count {
        let counts = min(Self.countLimit, max(count + 1, 2 * hulls.count / 10, 64))
        hulls.reserveCapacity(counts * 10)
        while hulls.count < counts * 10 { hulls.append(contentsOf: [.infinity, -.infinity]) }
      }
      let reach = Self.vouched(cdf: cdf, band: band, count: count)
      let at = base + 2 * band
      hulls[at] = min(hulls[at], mean - reach)
      hulls[at + 1] = max(hulls[at + 1], mean + reach)
    }
    return label
  }

  /// The band of a computed CDF that keeps `certainty` from both its edges, nil otherwise.
  @inline(__always) static func certainBand(_ cdf: Double) -> Int? {
    var band = 0
    for edge in edges {
      if abs(cdf - edge) < certainty { return nil }
      if cdf > edge { band += 1 }
    }
    return cdf.isNaN ? nil : band
  }

  /// Δ: how far from its mean a CDF certain of `band` vouches for the band (see the type).
  @inline(__always) static func vouched(cdf: Double, band: Int, count: Int) -> Double {
    let below = band > 0 ? cdf - edges[band - 1] : .infinity
    let above = band < 4 ? edges[band] - cdf : .infinity
    let slack = min(below, above) - certainty
    guard slack > 0 else { return 0 }
    let slope = count >= 1 ? 1 / (2 * Double.pi * Double(count)).squareRoot() : 1
    return 0.999 * slack / slope
  }

  /// `FunnelPlot.ratioLabel(cdf:observed:)` for a CDF in `band`, away from its edges.
  @inline(__always) static func label(band: Int, observed: Double) -> FunnelLabel {
    switch band {
    case 0: return .low998
    case 1: return .low95
    case 3: return observed > 0 ? .high95 : .within
    case 4: return observed > 0 ? .high998 : .within
    default: return .within
    }
  }
}

/// `FunnelRatioLabels` memos shared by the chunks of every indicator's results: a chunk takes a
/// memo (a new one when none is free) and gives it back when done, so what one chunk learnt
/// serves the next chunks on any core, instead of each chunk learning its counts afresh. The
/// hulls depend only on the count, the mean and the target, not on the indicator, and a memo's
/// answers do not depend on what it learnt before (see `FunnelRatioLabels`), so which chunk gets
/// which memo changes no label.
final class FunnelRatioLabelPool: @unchecked Sendable {
  // Safe: `free` is read and written under `lock` only; a memo taken out belongs to one chunk.
  private let lock = NSLock()
  private var free: [FunnelRatioLabels] = []

  init() {}

  /// Runs `body` with a memo of the pool (target 1).
  func withLabels<T>(_ body: (inout FunnelRatioLabels) -> T) -> T {
    var labels = lock.withLock { free.popLast() } ?? FunnelRatioLabels()
    defer { lock.withLock { free.append(labels) } }
    return body(&labels)
  }
}
