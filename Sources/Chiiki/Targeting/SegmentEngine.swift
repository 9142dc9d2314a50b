/// District x sex x age-group segments on the common banding of statistics and consultations.
///
/// A segment's expected consultations apply the contract's formula within its sex x age group:
/// E(d,s,a) = C(s,a) x sum_i w_i O(d,s,a,i)/O(all,s,a,i) / sum_i w_i, where C(s,a) is the
/// window's consultations of that group city-wide. Segments of one group add up to C(s,a), so a
/// segment is short of consultations when its group consults less here than elsewhere for the
/// same need — not because the centre's clients are younger than, say, the people certified for
/// long-term care. Need index and priority follow the district method.
///
/// Every segment is scored, but rows (with intervals, drivers and population) are built only for
/// the best `limit`: at national scale there are millions of segments and only the top ones are
/// written.
public enum SegmentEngine {
  /// The ranked segments (at most `limit`) and how many segments were scored in all.
  public struct Result: Sendable {
    public var segments: [SegmentPriority]
    public var total: Int
  }

  /// What segments read of one indicator: its configuration, reference rates and current grid.
  public struct Input: Sendable {
    public var config: IndicatorConfig
    public var rates: [Double?]
    public var grid: CellGrid

    public init(config: IndicatorConfig, rates: [Double?], grid: CellGrid) {
      self.config = config
      self.rates = rates
      self.grid = grid
    }
  }

  /// The segments from the indicators' grids and rates alone (no per-district results needed).
  public static func run(
    inputs outputs: [Input], dataset: Dataset, banding: [AgeBand], configuration: Configuration, limit: Int
  ) -> Result {
    let n = dataset.districts.count
    let g = banding.count
    let units = n * 2 * g
    let groups = 2 * g
    let statBands = dataset.statistics.bands
    let statToCommon = statBands.bands.map { AgeBanding.container(of: $0, in: banding) }
    let level = configuration.confidenceLevel
    let configs = outputs.map(\.config)
    let codes = configs.map { IndicatorCodes.shared.code($0.id) }
    let sortedBands = statBands.sortedIndices

    // The Empirical-Bayes priors of every indicator's smoothed ratio and of the consultation
    // ratio, and each group's totals, by passes over the districts (SegmentModel): no array
    // over every segment, except the need index for the rank methods, which need a whole
    // column at once.
    let model = SegmentModel(inputs: outputs, dataset: dataset, banding: banding)
    let fit = PhaseTimings.measure("    segment fit") { model.fit() }
    let needs = configuration.composite == .geometricMean ? nil : model.needArray(fit, method: configuration.composite)
    let order = PhaseTimings.measure("    segment rank") { rankedUnits(model, fit, needs: needs, limit: limit) }
    let priors = fit.priors
    let reachPrior = fit.reachPrior

    // O and E of one indicator for one segment: the sums of the first pass, term for term.
    let grids = outputs.map(\.grid)
    let rates = outputs.map(\.rates)
    @Sendable func indicatorCounts(_ i: Int, d: Int, s: Int, k: Int) -> (o: Double, e: Double) {
      let grid = grids[i]
      let sex: Sex = s == 0 ? .male : .female
      var o = 0.0
      var e = 0.0
      for b in sortedBands where grid.hasBand(b) && statToCommon[b] == k {
        guard let rate = rates[i][b * 2 + s] else { continue }
        let off = grid.offset(district: d, sex: sex, band: b)
        let x = grid.numerator(at: off)
        let y = grid.denominator(at: off)
        guard CellMark.isCount(x), CellMark.isCount(y) else { continue }
        o += Double(x)
        e += Double(y) * rate
      }
      return (o, e)
    }

    let population = dataset.population
    let populationPeriod = population.flatMap { $0.latestPeriod(notAfter: dataset.runPeriod) ?? $0.grids.keys.min() }
    // Rows are worked out in unit order (memory order of every array and grid read here), in
    // ranges on all cores, each written straight into its rank's place (`ParallelMap.scatter`:
    // no per-range arrays, no optional rows copied over afterwards): the same rows as one by one
    // in rank order, read with far fewer cache misses. Each range keeps its own memo of exact
    // intervals.
    let byUnit = order.indices.sorted(by: { order[$0] < order[$1] })
    let rowChunks = max(1, min(8, byUnit.count / 4096))
    let rowChunkSize = (byUnit.count + rowChunks - 1) / max(1, rowChunks)
    let finalPriors = priors
    let rows = PhaseTimings.measure("    segment rows") { ParallelMap.scatter(count: byUnit.count, chunkSize: rowChunkSize) { (range, emit: (Int, SegmentPriority) -> Void) in
      var poissonIntervals = ExactPoissonIntervals(level: level)
      let scratch = SegmentModel.Scratch(model)
      var evaluated = -1
      for rank in byUnit[range] {
        let u = order[rank]
        let d = u / (2 * g)
        let s = (u / g) % 2
        let k = u % g
        let sex: Sex = s == 0 ? .male : .female
        if d != evaluated {
          scratch.evaluate(district: d, fit, needs: needs)
          evaluated = d
        }
        let observedU = scratch.observed[u % groups]
        let expectedU = scratch.expected[u % groups]
        let needU = scratch.need[u % groups]
        let scoreU = scratch.score[u % groups]
        let r = ReachEngine.reach(observed: observedU, expected: expectedU, prior: reachPrior, intervals: &poissonIntervals)
        let evidence = configs.indices.compactMap { i -> IndicatorEvidence? in
          let (o, e) = indicatorCounts(i, d: d, s: s, k: k)
          guard e > 0 else { return nil }
          let smoothed = finalPriors[i]?.smoothed(observed: o, expected: e) ?? .nan
          let ci = poissonIntervals.memoised(count: o)
          return IndicatorEvidence(
            indicator: configs[i].id, code: codes[i], higherIsWorse: configs[i].direction == .higherIsWorse,
            weight: configs[i].weight, smoothed: smoothed, ratio: o / e,
            interval: Interval(lower: ci.lower / e, upper: ci.upper / e))
        }
        let people = population.flatMap { pop in
          populationPeriod.flatMap { pop.population(period: $0, district: d, sex: sex, band: banding[k]).map(Double.init) }
        }
        emit(rank, SegmentPriority(
          district: d, sex: sex, band: banding[k], rank: rank + 1, score: scoreU, needIndex: needU, reach: r,
          population: people, drivers: PriorityRanking.drivers(indicatorRatios: evidence, reach: r, lowData: false)))
      }
    } }
    return Result(segments: rows, total: units)
  }

  /// The best `limit` units in rank order (score, then need, then expected, all descending, then
  /// unit order), without sorting every unit: units with a positive score are sorted first, and
  /// the rest only if the limit is not reached.
  static func topOrder(scores: [Double], need: [Double], expected: [Double], limit: Int) -> [Int] {
    struct Key: Comparable {
      var score: Double, need: Double, expected: Double, unit: Int
      static func < (a: Key, b: Key) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.need != b.need { return a.need > b.need }
        if a.expected != b.expected { return a.expected > b.expected }
        return a.unit < b.unit
      }
    }
    func keys(_ keep: (Double) -> Bool) -> [Key] {
      scores.indices.compactMap { u in keep(scores[u]) ? Key(score: scores[u], need: need[u], expected: expected[u], unit: u) : nil }
    }
    var ranked = best(scores: scores, need: need, expected: expected, limit: limit)
      ?? keys { $0 > 0 }.sorted().prefix(limit).map(\.unit)
    if ranked.count < limit {
      ranked += keys { !($0 > 0) }.sorted().prefix(limit - ranked.count).map(\.unit)
    }
    return ranked
  }

  /// The first pass of `topOrder` (units with a positive score, best `limit` in rank order)
  /// through a bounded heap, without a key per unit: the same units in the same order, as the
  /// order is total. nil when a need or expected value is NaN among them (no total order; the
  /// caller sorts as before).
  ///
  /// The units are split into two halves searched on both cores; as the order is total, the best
  /// `limit` of the two halves' best `limit` are the best `limit` of all.
  static func best(scores: [Double], need: [Double], expected: [Double], limit: Int) -> [Int]? {
    guard limit > 0 else { return [] }
    let middle = scores.count / 2
    let halves = ParallelMap.map(2) { h in
      best(scores: scores, need: need, expected: expected, limit: limit, in: h == 0 ? 0..<middle : middle..<scores.count)
    }
    guard let first = halves[0], let second = halves[1] else { return nil }
    // a ranks before b.
    func before(_ a: Int, _ b: Int) -> Bool {
      if scores[a] != scores[b] { return scores[a] > scores[b] }
      if need[a] != need[b] { return need[a] > need[b] }
      if expected[a] != expected[b] { return expected[a] > expected[b] }
      return a < b
    }
    var merged: [Int] = []
    merged.reserveCapacity(min(limit, first.count + second.count))
    var i = 0
    var j = 0
    while merged.count < limit, i < first.count || j < second.count {
      if j == second.count || (i < first.count && before(first[i], second[j])) {
        merged.append(first[i])
        i += 1
      } else {
        merged.append(second[j])
        j += 1
      }
    }
    return merged
  }

  /// `best` over the units of `range`.
  static func best(scores: [Double], need: [Double], expected: [Double], limit: Int, in range: Range<Int>) -> [Int]? {
    // a ranks before b.
    @inline(__always) func before(_ a: Int, _ b: Int) -> Bool {
      if scores[a] != scores[b] { return scores[a] > scores[b] }
      if need[a] != need[b] { return need[a] > need[b] }
      if expected[a] != expected[b] { return expected[a] > expected[b] }
      return a < b
    }
    // Max-heap on rank position: the root is the worst unit kept.
    var heap: [Int] = []
    heap.reserveCapacity(limit)
    for u in range where scores[u] > 0 {
      if need[u].isNaN || expected[u].isNaN { return nil }
      if heap.count < limit {
        heap.append(u)
        var i = heap.count - 1
        while i > 0 {
          let p = (i - 1) / 2
          if before(heap[p], heap[i]) { heap.swapAt(p, i); i = p } else { break }
        }
      } else if before(u, heap[0]) {
        heap[0] = u
        var i = 0
        while true {
          let l = 2 * i + 1
          if l >= heap.count { break }
          var worst = l
          if l + 1 < heap.count && before(heap[l], heap[l + 1]) { worst = l + 1 }
          if before(heap[i], heap[worst]) { heap.swapAt(i, worst); i = worst } else { break }
        }
      }
    }
    return heap.sorted(by: before)
  }
}
