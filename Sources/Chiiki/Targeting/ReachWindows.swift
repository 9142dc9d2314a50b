/// The four consultation windows of the outreach plan (the current one, and those ending one,
/// two and twelve months earlier), each worked out (and ranked, where the plan reads a rank)
/// as one job on all cores.
///
/// Of the current window everything is kept; of the earlier ones only what the plan reads —
/// rank, shortfall, whether significantly under-reached — so that their per-district `Reach`
/// values (48 bytes per district each, ~10 MB at national scale) and their sort keys are never
/// resident beside the priorities. Every value is the one the full `Reach` arrays gave.
enum ReachWindows {
  /// A window's rank order: districts best first, each district's 1-based rank, and its score.
  struct Ranked: Sendable {
    var order: [Int]
    var rankOf: [Int]
    var scores: [Double]
  }

  /// What the plan keeps of an earlier window (empty arrays for what it does not read).
  struct Earlier: Sendable {
    /// 1-based rank of each district (empty when the window is not ranked).
    var rankOf: [UInt32]
    /// Expected minus observed consultations of each district (empty when not ranked).
    var missing: [Double]
    /// Whether the upper limit of each district's consultation ratio is below 1 (empty
    /// when not asked for).
    var under: [Bool]
  }

  /// One earlier window: how many months back, whether it is ranked, whether its under-reach
  /// flags are needed.
  struct Spec: Sendable {
    var monthsBack: Int
    var ranked: Bool
    var underFlags: Bool
  }

  /// The current window in full and the earlier windows in `specs`, in that order, from each
  /// district's need shares and need index. The windows are independent: one job each.
  static func run(
    cases: CaseData, shares: [Double], need: [Double], level: Double, specs: [Spec]
  ) -> (reach: [Reach], ranked: Ranked, earlier: [Earlier]) {
    let n = shares.count
    let parts = ParallelMap.map(specs.count + 1) { w -> (current: (reach: [Reach], ranked: Ranked)?, earlier: Earlier?) in
      let monthsBack = w == 0 ? 0 : specs[w - 1].monthsBack
      let observed = (0..<n).map { Double(cases.windowTotal(district: $0, monthsBack: monthsBack)) }
      let total = observed.reduce(0, +)
      if w == 0 {
        let reach = ReachEngine.reach(observed: observed, shares: shares, total: total, level: level, withIntervals: true)
        return ((reach, rank(reach, need: need)), nil)
      }
      let spec = specs[w - 1]
      // What `ReachEngine.reach(observed:shares:total:level:withIntervals:)` gives each district,
      // worked out where it is read, without a `Reach` array (10.5 MB of fresh pages a window at
      // national scale): the same expected counts and prior, each district's interval (only
      // where the flags need it: a year ago has none), reliability and shortfall.
      let expected = shares.map { $0 * total }
      let prior = EmpiricalBayes.poissonGammaPrior(observed: observed, expected: expected)
      var earlier = Earlier(rankOf: [], missing: [], under: [])
      if spec.underFlags {
        var intervals = ExactPoissonIntervals(level: level)
        earlier.under = (0..<n).map {
          (ReachEngine.ratioInterval(observed: observed[$0], expected: expected[$0], intervals: &intervals)?.upper ?? 1) < 1
        }
      }
      if spec.ranked {
        let scores = (0..<n).map {
          PriorityRanking.score(needIndex: need[$0], reach: ReachEngine.reach(observed: observed[$0], expected: expected[$0], prior: prior))
        }
        let order = PriorityRanking.order(scores: scores, needIndex: need, expected: expected)
        var rankOf = [UInt32](repeating: 0, count: n)
        for (i, d) in order.enumerated() { rankOf[d] = UInt32(i + 1) }
        earlier.rankOf = rankOf
        earlier.missing = (0..<n).map { expected[$0] - observed[$0] }
      }
      return (nil, earlier)
    }
    let current = parts[0].current!
    return (current.reach, current.ranked, parts.dropFirst().map { $0.earlier! })
  }

  /// Scores, rank order and ranks of a window (`PriorityRanking.order`).
  static func rank(_ reach: [Reach], need: [Double]) -> Ranked {
    let n = reach.count
    let scores = (0..<n).map { PriorityRanking.score(needIndex: need[$0], reach: reach[$0]) }
    let order = PriorityRanking.order(scores: scores, needIndex: need, expected: reach.map(\.expected))
    var rankOf = [Int](repeating: 0, count: n)
    for (i, d) in order.enumerated() { rankOf[d] = i + 1 }
    return Ranked(order: order, rankOf: rankOf, scores: scores)
  }
}
