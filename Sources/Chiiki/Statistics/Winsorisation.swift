/// Winsorisation of z-scores before estimating overdispersion (Spiegelhalter 2005, QSHC 14:347).
enum Winsorisation {
  /// The sample quantile of `sorted` (ascending, non-empty) at probability `p`, by linear
  /// interpolation between order statistics: R's default `quantile` type 7 (Hyndman & Fan 1996,
  /// Am Stat 50:361), the rule FunnelPlotR uses.
  static func quantileType7(sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    return quantileType7(at: type7Position(count: sorted.count, p)) { sorted[$0] }
  }

  /// Where the type-7 quantile at probability `p` of `n` (> 0) sorted values lies: order
  /// statistic `index` alone (`fraction` nil), or `fraction` of the way from `index` to `index + 1`.
  static func type7Position(count n: Int, _ p: Double) -> (index: Int, fraction: Double?) {
    if n == 1 { return (0, nil) }
    let h = Double(n - 1) * p
    let index = Int(h.rounded(.down))
    if index >= n - 1 { return (n - 1, nil) }
    return (index, h - Double(index))
  }

  /// The quantile at `position` from the order statistics `value(k)` it reads.
  @inline(__always) static func quantileType7(at position: (index: Int, fraction: Double?), _ value: (Int) -> Double) -> Double {
    guard let fraction = position.fraction else { return value(position.index) }
    let (a, b) = (value(position.index), value(position.index + 1))
    return a + fraction * (b - a)
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
    // The order statistics `quantileType7` reads at each probability.
    let low = type7Position(count: values.count, fraction)
    let high = type7Position(count: values.count, 1 - fraction)
    func positions(_ at: (index: Int, fraction: Double?)) -> [Int] { at.fraction == nil ? [at.index] : [at.index, at.index + 1] }
    let lowAt = positions(low)
    let highAt = positions(high)
    guard lowAt.allSatisfy({ $0 >= 0 }), highAt.allSatisfy({ $0 >= 0 }),
      let picked = OrderStatistics.values(at: lowAt + highAt, of: values)
    else {
      let sorted = values.sorted()
      return (quantileType7(sorted: sorted, fraction), quantileType7(sorted: sorted, 1 - fraction))
    }
    return (
      quantileType7(at: low) { picked[$0 - low.index] },
      quantileType7(at: high) { picked[lowAt.count + $0 - high.index] })
  }
}
