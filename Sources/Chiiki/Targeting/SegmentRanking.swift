extension SegmentEngine {
  /// The best `limit` segments in rank order — the order `topOrder` gives over arrays of every
  /// segment's score, need and expected consultations — found district by district without
  /// those arrays: the districts are split in two halves scored on both cores, each keeping a
  /// bounded heap of its best segments with a positive score, and the two lists are merged.
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
  static func bestUnits(
    _ model: SegmentModel, _ fit: SegmentModel.Fit, needs: [Double]?, limit: Int, districts: Range<Int>
  ) -> (best: [RankedUnit], positives: Int)? {
    let scratch = SegmentModel.Scratch(model, districts: SegmentModel.block)
    var heap = BoundedWorstHeap(limit: limit)
    var positives = 0
    var first = districts.lowerBound
    while first < districts.upperBound {
      let count = min(SegmentModel.block, districts.upperBound - first)
      scratch.evaluateScoring(districts: first, count: count, fit, needs: needs)
      for x in 0..<(count * model.groups) where scratch.score[x] > 0 {
        if scratch.need[x].isNaN || scratch.expected[x].isNaN { return nil }
        positives += 1
        heap.offer(RankedUnit(score: scratch.score[x], need: scratch.need[x], expected: scratch.expected[x], unit: first * model.groups + x))
      }
      first += count
    }
    return (heap.sorted(), positives)
  }

  /// The best `limit` segments offered, kept in a max-heap on rank position (the root is the
  /// worst one kept).
  struct BoundedWorstHeap {
    let limit: Int
    private(set) var items: [RankedUnit] = []

    init(limit: Int) {
      self.limit = limit
      items.reserveCapacity(limit)
    }

    /// Keeps `x` if it is among the best `limit` offered so far. (Most units are turned away
    /// by the first comparison once the heap is full: that test is inlined into the caller's
    /// loop, the sifting is not, and it works on the buffer without per-step checks.)
    @inline(__always) mutating func offer(_ x: RankedUnit) {
      if items.count < limit {
        push(x)
      } else if limit > 0, x.ranksBefore(items[0]) {
        replaceWorst(x)
      }
    }

    @inline(never) private mutating func push(_ x: RankedUnit) {
      items.append(x)
      items.withUnsafeMutableBufferPointer { items in
        var i = items.count - 1
        while i > 0 {
          let p = (i - 1) / 2
          if items[p].ranksBefore(items[i]) { items.swapAt(p, i); i = p } else { break }
        }
      }
    }

    @inline(never) private mutating func replaceWorst(_ x: RankedUnit) {
      items.withUnsafeMutableBufferPointer { items in
        items[0] = x
        var i = 0
        while true {
          let l = 2 * i + 1
          if l >= items.count { break }
          var worst = l
          if l + 1 < items.count && items[l].ranksBefore(items[l + 1]) { worst = l + 1 }
          if items[i].ranksBefore(items[worst]) { items.swapAt(i, worst); i = worst } else { break }
        }
      }
    }

    /// The kept segments in rank order.
    func sorted() -> [RankedUnit] { items.sorted { $0.ranksBefore($1) } }
  }
}
