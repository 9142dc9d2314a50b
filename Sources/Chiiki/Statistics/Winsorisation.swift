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
  ///
  /// The two quantiles read four order statistics, found by selection (`OrderStatistics`)
  /// rather than by sorting every value; with a NaN among the values, by sorting as before.
  static func winsorise(_ values: [Double], fraction: Double = 0.1) -> [Double] {
    guard !values.isEmpty else { return [] }
    let (low, high) = bounds(values, fraction: fraction)
    return values.map { min(high, max(low, $0)) }
  }

  /// The `fraction` and 1 − `fraction` type-7 quantiles of `values` (non-empty).
  static func bounds(_ values: [Double], fraction: Double) -> (low: Double, high: Double) {
    // The order statistics `quantileType7` reads for p: index ⌊(n − 1)p⌋ and the next one.
    let n = values.count
    func positions(_ p: Double) -> [Int] {
      let index = Int((Double(n - 1) * p).rounded(.down))
      return index >= n - 1 ? [n - 1] : [index, index + 1]
    }
    let lowAt = n == 1 ? [0] : positions(fraction)
    let highAt = n == 1 ? [0] : positions(1 - fraction)
    guard lowAt.allSatisfy({ $0 >= 0 }), highAt.allSatisfy({ $0 >= 0 }),
      let picked = OrderStatistics.values(at: lowAt + highAt, of: values)
    else {
      let sorted = values.sorted()
      return (quantileType7(sorted: sorted, fraction), quantileType7(sorted: sorted, 1 - fraction))
    }
    // `quantileType7` over an array holding just those order statistics at their positions.
    func quantile(_ v: ArraySlice<Double>, _ p: Double) -> Double {
      if n == 1 { return v[v.startIndex] }
      let h = Double(n - 1) * p
      let index = Int(h.rounded(.down))
      if index >= n - 1 { return v[v.startIndex] }
      let fraction = h - Double(index)
      let (a, b) = (v[v.startIndex], v[v.startIndex + 1])
      return a + fraction * (b - a)
    }
    return (quantile(picked[0..<lowAt.count], fraction), quantile(picked[lowAt.count...], 1 - fraction))
  }
}
