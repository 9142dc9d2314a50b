import Foundation

/// The segment model of `SegmentEngine` worked out district by district, so that no array over
/// every segment is kept (at 220,000 districts there are about 4 million segments, and each
/// such array is 32 MB).
///
/// Each district's segments are recomputed from the grids and the consultation counts whenever
/// a pass needs them — cheap next to keeping them. What must see every segment is summed in
/// passes in segment order u = d · 2g + s · g + k (the order of the arrays this replaces), so
/// every sum takes the same terms in the same order and every value is bit for bit the same:
/// 1. per indicator (a job each, on all cores): Σ O and Σ E (its Empirical-Bayes mean), then
///    Σ E(r − b)² (its variance), and Σ O per group; in another job, consultations per group;
/// 2. expected consultations, and the consultation prior's Σ O and Σ E;
/// 3. the consultation prior's Σ E(r − b)².
/// After that a segment's need, expected consultations and score follow from its district alone.
struct SegmentModel: Sendable {
  /// One statistics cell that counts towards a segment group: cell offset of district 0, group
  /// j = s · g + k, reference rate.
  struct Cell: Sendable {
    var base: Int
    var group: Int
    var rate: Double
  }

  let districts: Int
  /// Groups (sex x common band) per district.
  let groups: Int
  let configs: [IndicatorConfig]
  /// Per indicator, its weight and whether higher is worse (read per district: plain values, so
  /// that the passes never copy a configuration and its strings).
  let weights: [Double]
  let higherIsWorse: [Bool]
  let grids: [CellGrid]
  /// Per indicator, its cells in the order of the sums: bands in age order, then sex.
  let cells: [[Cell]]
  /// Consultation cells (offset of district 0 in `window`, group), case bands in order.
  let caseCells: [(base: Int, group: Int)]
  let window: [UInt32]

  init(inputs outputs: [SegmentEngine.Input], dataset: Dataset, banding: [AgeBand]) {
    let n = dataset.districts.count
    let g = banding.count
    districts = n
    groups = 2 * g
    configs = outputs.map(\.config)
    weights = configs.map(\.weight)
    higherIsWorse = configs.map { $0.direction == .higherIsWorse }
    grids = outputs.map(\.grid)
    let statBands = dataset.statistics.bands
    let statToCommon = statBands.bands.map { AgeBanding.container(of: $0, in: banding) }
    let sortedBands = statBands.sortedIndices
    cells = outputs.map { output in
      var list: [Cell] = []
      let grid = output.grid
      for b in sortedBands where grid.hasBand(b) {
        guard let k = statToCommon[b] else { continue }
        for sex in Sex.allCases {
          guard let rate = output.rates[b * 2 + sex.rawValue] else { continue }
          list.append(Cell(base: grid.offset(district: 0, sex: sex, band: b), group: sex.rawValue * g + k, rate: rate))
        }
      }
      return list
    }
    var caseCells: [(base: Int, group: Int)] = []
    for (cb, k) in dataset.cases.bands.bands.map({ AgeBanding.container(of: $0, in: banding) }).enumerated() {
      guard let k else { continue }
      for s in 0..<2 { caseCells.append(((cb * 3 + s) * n, s * g + k)) }
    }
    self.caseCells = caseCells
    window = dataset.cases.windowBySegment
  }

  /// O and E of indicator `i` for each group of district `d` (bands summed in age order).
  @inline(__always) func counts(_ i: Int, district d: Int, o: inout [Double], e: inout [Double]) {
    o.withUnsafeMutableBufferPointer { o in
      e.withUnsafeMutableBufferPointer { e in
        for j in 0..<groups {
          o[j] = 0
          e[j] = 0
        }
        grids[i].withCells { values in
          cells[i].withUnsafeBufferPointer { cells in
            for cell in cells {
              let x = values.numerator(cell.base + d)
              let y = values.denominator(cell.base + d)
              guard CellMark.isCount(x), CellMark.isCount(y) else { continue }
              o[cell.group] += Double(x)
              e[cell.group] += Double(y) * cell.rate
            }
          }
        }
      }
    }
  }

  /// Window consultations of known sex and age for each group of district `d`.
  @inline(__always) func observed(district d: Int, into out: inout [Double]) {
    for j in 0..<groups { out[j] = 0 }
    window.withUnsafeBufferPointer { window in
      for cell in caseCells { out[cell.group] += Double(window[cell.base + d]) }
    }
  }

  /// What the passes over every segment found; with it each segment's values follow from its
  /// district alone (`Scratch.evaluate`).
  struct Fit: Sendable {
    /// Per indicator, the prior of its smoothed ratio (nil: no usable segment).
    var priors: [EmpiricalBayes.Prior?]
    /// Per indicator, Σ O of each group over all districts.
    var groupObserved: [[Double]]
    /// Per group, the sum of the weights of the indicators with need there (Σ O > 0).
    var shareWeight: [Double]
    /// Window consultations of each group, all districts.
    var groupTotal: [Double]
    var reachPrior: EmpiricalBayes.Prior?
  }

  /// Fits the model. Each indicator's prior depends on that indicator alone, so the indicators
  /// (and the consultation totals) are fitted as separate jobs on all cores, each with its two
  /// passes over the districts in order; the consultation prior's first pass needs only the
  /// indicators' first passes, so it runs beside their second ones; its second pass comes last.
  ///
  /// `block`: districts per block of the last pass (a test hook; by default as many as keep a
  /// block's terms under 512 KB).
  func fit(block: Int? = nil) -> Fit {
    let count = configs.count
    // First passes: Σ O and Σ E of each indicator and Σ O per group; consultations per group.
    struct Mean: Sendable {
      var fit: EmpiricalBayes.PriorFit
      var usable: Bool
      var groupSums: [Double]
    }
    let means = ParallelMap.map(count + 1) { i -> Mean in
      var o = [Double](repeating: 0, count: groups)
      var e = [Double](repeating: 0, count: groups)
      var sums = [Double](repeating: 0, count: groups)
      var fit = EmpiricalBayes.PriorFit()
      guard i < count else {
        for d in 0..<districts {
          observed(district: d, into: &o)
          for j in 0..<groups { sums[j] += o[j] }
        }
        return Mean(fit: fit, usable: false, groupSums: sums)
      }
      for d in 0..<districts {
        counts(i, district: d, o: &o, e: &e)
        for j in 0..<groups {
          fit.addToMean(observed: o[j], expected: e[j])
          sums[j] += o[j]
        }
      }
      let usable = fit.endMean()
      return Mean(fit: fit, usable: usable, groupSums: sums)
    }
    let groupObserved = means.prefix(count).map(\.groupSums)
    var shareWeight = [Double](repeating: 0, count: groups)
    for i in 0..<count {
      let w = configs[i].weight
      for j in 0..<groups where groupObserved[i][j] > 0 && w > 0 { shareWeight[j] += w }
    }
    var fit = Fit(
      priors: [], groupObserved: groupObserved, shareWeight: shareWeight, groupTotal: means[count].groupSums, reachPrior: nil)
    // Second passes: Σ E(r − b)² of each indicator; beside them, the consultation prior's Σ O, Σ E.
    // That one reads every indicator's counts (the longest job), so it is job 0 and starts first:
    // the other core takes the indicators meanwhile, instead of the long job starting last.
    // (`seconds` is in the order indicators, then consultations; the order of jobs changes no sum.)
    let partial = fit
    let jobs = ParallelMap.map(count + 1) { job -> EmpiricalBayes.PriorFit in
      let i = job == 0 ? count : job - 1
      guard i < count else {
        var scratch = Scratch(self)
        var reach = EmpiricalBayes.PriorFit()
        for d in 0..<districts {
          scratch.reach(district: d, partial)
          for j in 0..<groups { reach.addToMean(observed: scratch.observed[j], expected: scratch.expected[j]) }
        }
        return reach
      }
      var fit = means[i].fit
      guard means[i].usable else { return fit }
      var o = [Double](repeating: 0, count: groups)
      var e = [Double](repeating: 0, count: groups)
      for d in 0..<districts {
        counts(i, district: d, o: &o, e: &e)
        for j in 0..<groups { fit.addToVariance(observed: o[j], expected: e[j]) }
      }
      return fit
    }
    let seconds = Array(jobs.dropFirst()) + [jobs[0]]
    fit.priors = seconds.prefix(count).map(\.prior)
    // The consultation prior's Σ E(r − b)²: each block of districts' consultations and expected
    // values worked out in two halves, one per core, then summed in segment order on this thread (the same
    // terms in the same order as one pass; the block stays small enough to be reused).
    var reach = seconds[count]
    if reach.endMean() {
      let final = fit
      let block = max(1, block ?? max(64, 32_768 / max(1, groups)))
      var start = 0
      while start < districts {
        let first = start
        let size = min(block, districts - first)
        let half = (size + 1) / 2
        let terms = ParallelMap.build(count: size * groups, chunkSize: half * groups) { (range, emit: ((Double, Double)) -> Void) in
          var scratch = Scratch(self)
          for d in (first + range.lowerBound / groups)..<(first + range.upperBound / groups) {
            scratch.reach(district: d, final)
            for j in 0..<groups { emit((scratch.observed[j], scratch.expected[j])) }
          }
        }
        for t in terms { reach.addToVariance(observed: t.0, expected: t.1) }
        start += size
      }
    }
    fit.reachPrior = reach.prior
    return fit
  }

  /// Per-thread buffers for one district's groups, and the per-segment values worked out in them.
  struct Scratch {
    let model: SegmentModel
    var o: [Double]
    var e: [Double]
    var observed: [Double]
    var expected: [Double]
    var needSum: [Double]
    var needWeight: [Double]
    var need: [Double]
    var score: [Double]

    init(_ model: SegmentModel) {
      self.model = model
      let zero = [Double](repeating: 0, count: model.groups)
      (o, e, observed, expected, needSum, needWeight, need, score) = (zero, zero, zero, zero, zero, zero, zero, zero)
    }

    /// Window consultations and expected consultations of district `d`'s groups:
    /// E = C(group) x Σ_i w_i O_i / O_i(group) / Σ_i w_i (indicators in order); with
    /// `geometricNeed`, also the geometric-mean need index (NeedIndex, term for term) from the
    /// same counts.
    mutating func reach(district d: Int, _ fit: Fit, geometricNeed: Bool = false) {
      let groups = model.groups
      for j in 0..<groups {
        expected[j] = 0
        needSum[j] = 0
        needWeight[j] = 0
      }
      for i in model.weights.indices {
        let w = model.weights[i]
        guard w > 0 else { continue }
        model.counts(i, district: d, o: &o, e: &e)
        fit.groupObserved[i].withUnsafeBufferPointer { all in
          for j in 0..<groups where all[j] > 0 { expected[j] += w * o[j] / all[j] }
        }
        guard geometricNeed, let prior = fit.priors[i] else { continue }
        let higherIsWorse = model.higherIsWorse[i]
        for j in 0..<groups where e[j] > 0 {
          let v = prior.smoothed(observed: o[j], expected: e[j])
          guard v > 0, v.isFinite else { continue }
          let oriented = higherIsWorse ? v : 1 / v
          needSum[j] += w * log(oriented)
          needWeight[j] += w
        }
      }
      if geometricNeed {
        for j in 0..<groups {
          let wt = needWeight[j]
          need[j] = wt > 0 ? exp(needSum[j] / wt) : 1
        }
      }
      model.observed(district: d, into: &observed)
      let even = model.districts > 0 ? 1 / Double(model.districts) : 0
      for j in 0..<groups {
        let totalWeight = fit.shareWeight[j]
        if totalWeight > 0 {
          expected[j] = expected[j] / totalWeight * fit.groupTotal[j]
        } else {
          expected[j] = even * fit.groupTotal[j]
        }
      }
    }

    /// Everything of district `d`'s groups: consultations, expected, need (from `needs`, the
    /// need of every segment, when given; the geometric mean otherwise) and score.
    mutating func evaluate(district d: Int, _ fit: Fit, needs: [Double]?) {
      reach(district: d, fit, geometricNeed: needs == nil)
      if let needs {
        for j in 0..<model.groups { need[j] = needs[d * model.groups + j] }
      }
      for j in 0..<model.groups {
        let reliability = expected[j] > 0 ? (fit.reachPrior?.weight(observed: observed[j], expected: expected[j]) ?? 0) : 0
        let r = Reach(observed: observed[j], expected: expected[j], ratioInterval: nil, reliability: reliability)
        score[j] = PriorityRanking.score(needIndex: need[j], reach: r)
      }
    }
  }

  /// The need index of every segment by NeedIndex.Accumulator, one indicator column at a time:
  /// for the rank methods, which need every segment's value of an indicator at once.
  func needArray(_ fit: Fit, method: CompositeMethod) -> [Double] {
    let units = districts * groups
    var acc = NeedIndex.Accumulator(units: units, method: method)
    var o = [Double](repeating: 0, count: groups)
    var e = [Double](repeating: 0, count: groups)
    for i in configs.indices {
      var smoothed = [Double](repeating: .nan, count: units)
      if let prior = fit.priors[i] {
        for d in 0..<districts {
          counts(i, district: d, o: &o, e: &e)
          for j in 0..<groups where e[j] > 0 { smoothed[d * groups + j] = prior.smoothed(observed: o[j], expected: e[j]) }
        }
      }
      acc.add(config: configs[i], values: smoothed)
    }
    return acc.finish()
  }
}
