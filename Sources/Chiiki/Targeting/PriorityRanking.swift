import Foundation

/// Priority score and rank.
///
/// score = need_index x max(0, w x (expected - observed)), where w is the Empirical-Bayes
/// reliability weight of the unit's consultation ratio (Marshall 1991). Because expected
/// consultations sum to the observed total, the prior mean of the ratio is 1 and
/// w x (E - O) = E - E x smoothed ratio: the shortfall that survives shrinkage for noise.
/// It rises with need (need index and, through E, the unit's share of need) and with missing
/// consultations, and a tiny unit cannot top the list on noise (its w and its E are small).
/// Ties break by need index, then expected consultations, then unit order (code), all descending
/// except the code.
public enum PriorityRanking {
  public static func score(needIndex: Double, reach: Reach) -> Double {
    needIndex * max(0, reach.shrunkMissing)
  }

  /// Indices of units in rank order (best first).
  ///
  /// The keys are sorted side by side with their unit (one load per comparison instead of six
  /// scattered ones): the same sort over the same comparisons as sorting the indices with the
  /// keys looked up, so the same order, NaNs included.
  ///
  /// Without NaN keys the order is total and `radixOrder` finds it with radix sorts (cheaper).
  public static func order(scores: [Double], needIndex: [Double], expected: [Double]) -> [Int] {
    if let order = radixOrder(scores: scores, needIndex: needIndex, expected: expected) { return order }
    struct Key {
      var score: Double
      var need: Double
      var expected: Double
      var unit: Int
    }
    var keys = scores.indices.map { Key(score: scores[$0], need: needIndex[$0], expected: expected[$0], unit: $0) }
    keys.sort { a, b in
      if a.score != b.score { return a.score > b.score }
      if a.need != b.need { return a.need > b.need }
      if a.expected != b.expected { return a.expected > b.expected }
      return a.unit < b.unit
    }
    return keys.map(\.unit)
  }

  /// The main drivers of a unit's rank: up to two indicators that raise need most (smoothed
  /// ratio >= 1.1 in the worse direction; shown with their raw ratio and interval), the
  /// consultation shortfall (ratio < 0.9), low data.
  ///
  /// Indicators rank by badness w x log(oriented smoothed ratio), descending, then identifier;
  /// only those with badness > 0 take part. Each badness is worked out once and the few
  /// indicators are ordered in place (the order is total, so any sort gives this order).
  public static func drivers(
    indicatorRatios: [IndicatorEvidence], reach: Reach, lowData: Bool
  ) -> [PriorityDriver] {
    driverSet(indicatorRatios: indicatorRatios, reach: reach, lowData: lowData).drivers
  }

  /// `drivers` in the compact form a `DistrictPriority` stores.
  public static func driverSet(
    indicatorRatios: [IndicatorEvidence], reach: Reach, lowData: Bool
  ) -> DriverSet {
    @inline(__always) func oriented(_ x: IndicatorEvidence) -> Double { x.higherIsWorse ? x.smoothed : 1 / x.smoothed }
    func badness(_ x: IndicatorEvidence) -> Double {
      guard x.smoothed > 0 else { return 0 }
      return x.weight * log(oriented(x))
    }
    var out = DriverSet()
    let first: IndicatorEvidence? = withUnsafeTemporaryAllocation(of: (badness: Double, index: Int).self, capacity: indicatorRatios.count) { ranked in
      var count = 0
      for (i, x) in indicatorRatios.enumerated() {
        let b = badness(x)
        guard b > 0 else { continue }
        // Insertion in rank order: a before b when its badness is larger, or equal with a smaller id.
        var at = count
        while at > 0 {
          let p = ranked[at - 1]
          let before = p.badness != b ? p.badness > b : indicatorRatios[p.index].indicator < x.indicator
          if before { break }
          ranked[at] = p
          at -= 1
        }
        ranked[at] = (b, i)
        count += 1
      }
      for k in 0..<min(2, count) {
        let x = indicatorRatios[ranked[k].index]
        if oriented(x) >= 1.1 { out.appendNeed(code: x.code, ratio: x.ratio, interval: x.interval) }
      }
      return count > 0 ? indicatorRatios[ranked[0].index] : nil
    }
    if let r = reach.ratio, r < 0.9 { out.setReach(ratio: r) }
    if out.isEmpty, let top = first ?? indicatorRatios.first {
      out.appendNeed(code: top.code, ratio: top.ratio, interval: top.interval)
    }
    if lowData { out.setLowData() }
    return out
  }
}
