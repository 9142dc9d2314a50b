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
  public static func order(scores: [Double], needIndex: [Double], expected: [Double]) -> [Int] {
    scores.indices.sorted { a, b in
      if scores[a] != scores[b] { return scores[a] > scores[b] }
      if needIndex[a] != needIndex[b] { return needIndex[a] > needIndex[b] }
      if expected[a] != expected[b] { return expected[a] > expected[b] }
      return a < b
    }
  }

  /// The main drivers of a unit's rank: up to two indicators that raise need most (smoothed
  /// ratio >= 1.1 in the worse direction; shown with their raw ratio and interval), the
  /// consultation shortfall (ratio < 0.9), low data.
  public static func drivers(
    indicatorRatios: [IndicatorEvidence], reach: Reach, lowData: Bool
  ) -> [PriorityDriver] {
    func badness(_ x: IndicatorEvidence) -> Double {
      guard x.smoothed > 0 else { return 0 }
      let oriented = x.config.direction == .higherIsWorse ? x.smoothed : 1 / x.smoothed
      return x.config.weight * log(oriented)
    }
    let ranked = indicatorRatios.filter { badness($0) > 0 }.sorted { a, b in
      let (x, y) = (badness(a), badness(b))
      return x != y ? x > y : a.config.id < b.config.id
    }
    var out: [PriorityDriver] = []
    for x in ranked.prefix(2) {
      let oriented = x.config.direction == .higherIsWorse ? x.smoothed : 1 / x.smoothed
      if oriented >= 1.1 { out.append(.need(x.config.id, ratio: x.ratio, interval: x.interval)) }
    }
    if let r = reach.ratio, r < 0.9 { out.append(.reach(ratio: r)) }
    if out.isEmpty, let top = ranked.first ?? indicatorRatios.first {
      out.append(.need(top.config.id, ratio: top.ratio, interval: top.interval))
    }
    if lowData { out.append(.lowData) }
    return out
  }
}

import Foundation
