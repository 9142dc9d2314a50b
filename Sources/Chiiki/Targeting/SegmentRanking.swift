extension SegmentEngine {
  /// The best `limit` segments in rank order — the order `topOrder` gives over arrays of every
  /// segment's score, need and expected consultations — found district by district without
  /// those arrays: the districts are split in two halves scored on both cores, each keeping a
  /// bounded list of its best segments with a positive score, and the two lists are merged.
  ///
  /// When that cannot give `topOrder`'s answer — fewer than `limit` positive scores (the rest
  /// are then ranked too) or a NaN need or expected among them (no total order) — the arrays
  /// are built after all and `topOrder` ranks them, as before.
  static func rankedUnits(_ model: SegmentModel, _ fit: SegmentModel.Fit, needs: [Double]?, limit: Int) -> [Int] {
    guard limit > 0 else { return [] }
    let n = model.districts
    let middle = n / 2
    let halves = ParallelMap.map(2) { h in
      bestUnits(model, fit, needs: needs, limit: limit, districts: h == 0 ? 0..<middle : middle..<n)
    }
    if let first = halves[0], let second = halves[1], first.positives + second.positives >= limit {
      var merged: [Int] = []
      merged.reserveCapacity(limit)
      var i = 0
      var j = 0
      while merged.count < limit, i < first.best.count || j < second.best.count {
        if j == second.best.count || (i < first.best.count && first.best[i].ranksBefore(second.best[j])) {
          merged.append(first.best[i].unit)
          i += 1
        } else {
          merged.append(second.best[j].unit)
          j += 1
        }
      }
      return merged
    }
    // Every segment's values, then the array ranking.
    let units = n * model.groups
    var scores = [Double](repeating: 0, count: units)
    var need = [Double](repeating: 0, count: units)
    var expected = [Double](repeating: 0, count: units)
    let scratch = SegmentModel.Scratch(model, districts: SegmentModel.block)
    SegmentModel.forEachBlock(0..<n) { first, count in
      scratch.evaluate(districts: first, count: count, fit, needs: needs)
      for x in 0..<(count * model.groups) {
        scores[first * model.groups + x] = scratch.score[x]
        need[first * model.groups + x] = scratch.need[x]
        expected[first * model.groups + x] = scratch.expected[x]
      }
    }
    return topOrder(scores: scores, need: need, expected: expected, limit: limit)
  }

  /// A segment's rank keys.
  struct RankedUnit: Sendable {
    var score: Double
    var need: Double
    var expected: Double
    var unit: Int

    /// Whether this segment ranks before `other`: score, need, expected descending, then unit.
    @inline(__always) func ranksBefore(_ other: RankedUnit) -> Bool {
      if score != other.score { return score > other.score }
      if need != other.need { return need > other.need }
      if expected != other.expected { return expected > other.expected }
      return unit < other.unit
    }
  }

  /// The best `limit` segments with a positive score among `districts`, in rank order, and how
  /// many segments there have a positive score; nil at a NaN need or expected among them.
  /// Segments with a positive score below the list's bar (`BestUnits.bar`), which it would turn
  /// away, are counted without their need being worked out (`evaluateScoring`'s `bar`; `prune`
  /// false: a test hook to work out every need).
  static func bestUnits(
    _ model: SegmentModel, _ fit: SegmentModel.Fit, needs: [Double]?, limit: Int, districts: Range<Int>, prune: Bool = true
  ) -> (best: [RankedUnit], positives: Int)? {
    let scratch = SegmentModel.Scratch(model, districts: SegmentModel.block)
    var best = BestUnits(limit: limit)
    var positives = 0
    var first = districts.lowerBound
    while first < districts.upperBound {
      let count = min(SegmentModel.block, districts.upperBound - first)
      scratch.evaluateScoring(districts: first, count: count, fit, needs: needs, bar: prune ? best.bar?.score : nil)
      positives += scratch.belowBar
      for x in 0..<(count * model.groups) where scratch.score[x] > 0 {
        if scratch.need[x].isNaN || scratch.expected[x].isNaN { return nil }
        positives += 1
        best.offer(RankedUnit(score: scratch.score[x], need: scratch.need[x], expected: scratch.expected[x], unit: first * model.groups + x))
      }
      first += count
    }
    return (best.sorted(), positives)
  }

  /// The best `limit` segments offered (rank order, `RankedUnit.ranksBefore`, total over
  /// distinct units), kept in a buffer of up to 2 · limit: when it fills, a selection
  /// (`OrderStatistics.select`, linear time) keeps its best `limit`, and the worst of those turns
  /// away every later offer that does not rank before it — `limit` kept segments already do. So
  /// the buffer always holds the best `limit` offered so far, and `sorted()` gives exactly them.
  /// (A bounded heap did the same with a sift of log(limit) scattered steps per kept offer; at
  /// national scale that was ~60 ms.)
  struct BestUnits {
    let limit: Int
    private var items: [RankedUnit] = []
    /// The worst of the best `limit` at the last selection (nil before the first): an offer
    /// that does not rank before it is turned away.
    private(set) var bar: RankedUnit?

    init(limit: Int) {
      self.limit = limit
      items.reserveCapacity(2 * limit)
    }

    /// Keeps `x` if it may be among the best `limit` offered so far. (The test against the bar
    /// is inlined into the caller's loop; the selection is not.)
    @inline(__always) mutating func offer(_ x: RankedUnit) {
      guard limit > 0 else { return }
      if let bar, !x.ranksBefore(bar) { return }
      items.append(x)
      if items.count >= 2 * limit { keepBest() }
    }

    /// Keeps the best `limit` of the buffer and sets the bar to the worst of them.
    @inline(never) private mutating func keepBest() {
      let limit = self.limit
      guard items.count > limit else { return }
      items.withUnsafeMutableBufferPointer { items in
        OrderStatistics.select(limit - 1, in: items, from: 0, to: items.count) { $0.ranksBefore($1) }
      }
      items.removeLast(items.count - limit)
      bar = items[limit - 1]
    }

    /// The kept segments in rank order.
    mutating func sorted() -> [RankedUnit] {
      keepBest()
      return items.sorted { $0.ranksBefore($1) }
    }
  }
}
