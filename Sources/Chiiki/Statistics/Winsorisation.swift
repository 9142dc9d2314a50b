/// Winsorisation of z-scores before estimating overdispersion (Spiegelhalter 2005, QSHC 14:347).
enum Winsorisation {
  /// The sample quantile of `sorted` (ascending, non-empty) at probability `p`, by linear
  /// interpolation between order statistics: R's default `quantile` type 7 (Hyndman & Fan 1996,
  /// Am Stat 50:361), the rule FunnelPlotR uses.
  static func quantileType7(sorted: [Double], _ p: Double) -> Double {
    guard let first = sorted.first else { return .nan }
    if sorted.count == 1 { return first }
    let h = Double(sorted.count - 1) * p
    let index = Int(h.rounded(.down))
    if index >= sorted.count - 1 { return sorted[sorted.count - 1] }
    let fraction = h - Double(index)
    return sorted[index] + fraction * (sorted[index + 1] - sorted[index])
  }

  /// Values below the `fraction` quantile are set to it, and above the 1 − `fraction` quantile
  /// likewise (10% in each tail by default, FunnelPlotR `trim_by = 0.1`).
  static func winsorise(_ values: [Double], fraction: Double = 0.1) -> [Double] {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return [] }
    let low = quantileType7(sorted: sorted, fraction)
    let high = quantileType7(sorted: sorted, 1 - fraction)
    return values.map { min(high, max(low, $0)) }
  }
}
