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

  /// Districts per block of the passes: each cell's codes are read for a run of neighbouring
  /// districts at a time (one stream through memory instead of one per cell), and a block's
  /// per-group values stay in the first-level cache.
  static let block = 128

  /// O and E of indicator `i` for each group of districts `first..<first + count`, at
  /// `k · groups + j` for district `first + k` and group j: for each of them the same sums,
  /// term for term (cells in the same order), as a one-district call would give.
  @inline(__always) func counts(
    _ i: Int, districts first: Int, count: Int, o: UnsafeMutableBufferPointer<Double>, e: UnsafeMutableBufferPointer<Double>
  ) {
    let groups = self.groups
    for x in 0..<(count * groups) {
      o[x] = 0
      e[x] = 0
    }
    grids[i].withCells { values in
      cells[i].withUnsafeBufferPointer { cells in
        for cell in cells {
          let rate = cell.rate
          let base = cell.base + first
          var at = cell.group
          for k in 0..<count {
            let x = values.numerator(base + k)
            let y = values.denominator(base + k)
            if CellMark.isCount(x), CellMark.isCount(y) {
              o[at] += Double(x)
              e[at] += Double(y) * rate
            }
            at += groups
          }
        }
      }
    }
  }

  /// Window consultations of known sex and age for each group of districts
  /// `first..<first + count` (laid out as in `counts`).
  @inline(__always) func observed(districts first: Int, count: Int, into out: UnsafeMutableBufferPointer<Double>) {
    let groups = self.groups
    for x in 0..<(count * groups) { out[x] = 0 }
    window.withUnsafeBufferPointer { window in
      for cell in caseCells {
        let base = cell.base + first
        var at = cell.group
        for k in 0..<count {
          out[at] += Double(window[base + k])
          at += groups
        }
      }
    }
  }

  /// Calls `body(first, count)` for the blocks of districts in `range`, in order.
  @inline(__always) static func forEachBlock(_ range: Range<Int>, _ body: (Int, Int) -> Void) {
    var first = range.lowerBound
    while first < range.upperBound {
      let count = min(block, range.upperBound - first)
      body(first, count)
      first += count
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
  /// Every pass takes the districts in blocks (`counts(_:districts:count:o:e:)`) and adds their
  /// terms in segment order.
  ///
  /// `block`: districts per block of the last pass (a test hook; by default as many as keep a
  /// block's terms under 512 KB).
  func fit(block: Int? = nil) -> Fit {
    let count = configs.count
    let groups = self.groups
    let districts = self.districts
    // First passes: Σ O and Σ E of each indicator and Σ O per group; consultations per group.
    struct Mean: Sendable {
      var fit: EmpiricalBayes.PriorFit
      var usable: Bool
      var groupSums: [Double]
    }
    let means = ParallelMap.map(count + 1) { i -> Mean in
      var sums = [Double](repeating: 0, count: groups)
      var fit = EmpiricalBayes.PriorFit()
      let scratch = Scratch(self, districts: Self.block)
      guard i < count else {
        Self.forEachBlock(0..<districts) { first, n in
          observed(districts: first, count: n, into: scratch.observed)
          for k in 0..<n {
            for j in 0..<groups { sums[j] += scratch.observed[k * groups + j] }
          }
        }
        return Mean(fit: fit, usable: false, groupSums: sums)
      }
      Self.forEachBlock(0..<districts) { first, n in
        counts(i, districts: first, count: n, o: scratch.o, e: scratch.e)
        for k in 0..<n {
          for j in 0..<groups {
            fit.addToMean(observed: scratch.o[k * groups + j], expected: scratch.e[k * groups + j])
            sums[j] += scratch.o[k * groups + j]
          }
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
      let scratch = Scratch(self, districts: Self.block)
      guard i < count else {
        var reach = EmpiricalBayes.PriorFit()
        Self.forEachBlock(0..<districts) { first, n in
          scratch.reach(districts: first, count: n, partial)
          for x in 0..<(n * groups) { reach.addToMean(observed: scratch.observed[x], expected: scratch.expected[x]) }
        }
        return reach
      }
      var fit = means[i].fit
      guard means[i].usable else { return fit }
      Self.forEachBlock(0..<districts) { first, n in
        counts(i, districts: first, count: n, o: scratch.o, e: scratch.e)
        for x in 0..<(n * groups) { fit.addToVariance(observed: scratch.o[x], expected: scratch.e[x]) }
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
      let halves = ScratchPair(self)
      var start = 0
      while start < districts {
        let first = start
        let size = min(block, districts - first)
        let half = (size + 1) / 2
        let terms = ParallelMap.build(count: size * groups, chunkSize: half * groups) { (range, emit: ((Double, Double)) -> Void) in
          let scratch = halves.scratch(range.lowerBound == 0 ? 0 : 1)
          Self.forEachBlock((first + range.lowerBound / groups)..<(first + range.upperBound / groups)) { from, n in
            scratch.reach(districts: from, count: n, final)
            for x in 0..<(n * groups) { emit((scratch.observed[x], scratch.expected[x])) }
          }
        }
        for t in terms { reach.addToVariance(observed: t.0, expected: t.1) }
        start += size
      }
    }
    fit.reachPrior = reach.prior
    return fit
  }

  /// The two `Scratch`es of the last fit pass, one per half of a block, reused from block to
  /// block (a fresh pair per block cleared ~2 MB of buffers each time).
  private final class ScratchPair: @unchecked Sendable {
    // Safe: within one block each half uses only its own scratch, and the next block starts
    // after `ParallelMap.build` has returned, which happens-after both halves.
    private let pair: (Scratch, Scratch)

    init(_ model: SegmentModel) { pair = (Scratch(model, districts: SegmentModel.block), Scratch(model, districts: SegmentModel.block)) }

    func scratch(_ half: Int) -> Scratch { half == 0 ? pair.0 : pair.1 }
  }

  /// Per-thread buffers for the groups of a block of districts (`k · groups + j` for the
  /// block's district k and group j), and the per-segment values worked out in them. A class
  /// owning its memory, so that the passes index plain buffers (no copy-on-write checks).
  final class Scratch {
    let model: SegmentModel
    /// Districts the buffers hold.
    let capacity: Int
    let o: UnsafeMutableBufferPointer<Double>
    let e: UnsafeMutableBufferPointer<Double>
    let observed: UnsafeMutableBufferPointer<Double>
    let expected: UnsafeMutableBufferPointer<Double>
    let need: UnsafeMutableBufferPointer<Double>
    let score: UnsafeMutableBufferPointer<Double>
    /// Per indicator, O and E of the block as `reach` last counted them (kept for the need
    /// index of the segments that can score, `evaluateScoring`).
    let indicatorO: [UnsafeMutableBufferPointer<Double>]
    let indicatorE: [UnsafeMutableBufferPointer<Double>]
    /// Segments of the last `evaluateScoring` with a positive score below its bar (their score
    /// set to 0 there).
    private(set) var belowBar = 0
    private let storage: UnsafeMutableBufferPointer<Double>

    init(_ model: SegmentModel, districts capacity: Int = 1) {
      self.model = model
      self.capacity = max(1, capacity)
      let size = self.capacity * model.groups
      let indicators = model.weights.count
      let storage = UnsafeMutableBufferPointer<Double>.allocate(capacity: (6 + 2 * indicators) * size)
      storage.initialize(repeating: 0)
      self.storage = storage
      func part(_ k: Int) -> UnsafeMutableBufferPointer<Double> { UnsafeMutableBufferPointer(rebasing: storage[(k * size)..<((k + 1) * size)]) }
      (o, e, observed, expected, need, score) = (part(0), part(1), part(2), part(3), part(4), part(5))
      indicatorO = (0..<indicators).map { part(6 + 2 * $0) }
      indicatorE = (0..<indicators).map { part(7 + 2 * $0) }
    }

    deinit { storage.deallocate() }

    /// Window consultations and expected consultations of the groups of districts
    /// `first..<first + count` (at most `capacity`):
    /// E = C(group) x Σ_i w_i O_i / O_i(group) / Σ_i w_i (indicators in order); with
    /// `geometricNeed`, also the geometric-mean need index (NeedIndex, term for term) from the
    /// same counts. Each segment's value is the one a pass over its district alone gives.
    func reach(districts first: Int, count: Int, _ fit: Fit, geometricNeed: Bool = false) {
      precondition(count <= capacity, "SegmentModel.Scratch: block larger than the buffers")
      let groups = model.groups
      let size = count * groups
      for x in 0..<size { expected[x] = 0 }
      for i in model.weights.indices {
        let w = model.weights[i]
        guard w > 0 else { continue }
        let (o, e) = (indicatorO[i], indicatorE[i])
        model.counts(i, districts: first, count: count, o: o, e: e)
        fit.groupObserved[i].withUnsafeBufferPointer { all in
          for k in 0..<count {
            for j in 0..<groups where all[j] > 0 { expected[k * groups + j] += w * o[k * groups + j] / all[j] }
          }
        }
      }
      if geometricNeed {
        for x in 0..<size { need[x] = self.geometricNeed(at: x, fit) }
      }
      model.observed(districts: first, count: count, into: observed)
      let even = model.districts > 0 ? 1 / Double(model.districts) : 0
      fit.shareWeight.withUnsafeBufferPointer { shareWeight in
        fit.groupTotal.withUnsafeBufferPointer { groupTotal in
          for k in 0..<count {
            for j in 0..<groups {
              let x = k * groups + j
              let totalWeight = shareWeight[j]
              if totalWeight > 0 {
                expected[x] = expected[x] / totalWeight * groupTotal[j]
              } else {
                expected[x] = even * groupTotal[j]
              }
            }
          }
        }
      }
    }

    /// Everything of the groups of districts `first..<first + count`: consultations, expected,
    /// need (from `needs`, the need of every segment, when given; the geometric mean otherwise)
    /// and score.
    func evaluate(districts first: Int, count: Int, _ fit: Fit, needs: [Double]?) {
      reach(districts: first, count: count, fit, geometricNeed: needs == nil)
      let size = count * model.groups
      if let needs {
        needs.withUnsafeBufferPointer { needs in
          for x in 0..<size { need[x] = needs[first * model.groups + x] }
        }
      }
      for x in 0..<size { score[x] = PriorityRanking.score(needIndex: need[x], reach: reach(at: x, fit)) }
    }

    /// `evaluate` where only segments with a positive score matter (the bounded search for
    /// the best ones): a segment whose shrunk shortfall is not positive scores need x 0, which
    /// is 0 or NaN whatever its need, never positive, so its need (a logarithm per indicator)
    /// is not worked out and its score is set to 0. Every other segment's need and score are
    /// `evaluate`'s, term for term. With `needs` given, `evaluate` itself.
    ///
    /// `bar` (a score the caller turns away unless beaten): a segment whose score is certainly
    /// positive and certainly below `bar` (`needBounds`) is not given a need either; its score
    /// is set to 0 and it is counted in `belowBar` instead.
    func evaluateScoring(districts first: Int, count: Int, _ fit: Fit, needs: [Double]?, bar: Double? = nil) {
      belowBar = 0
      if needs != nil { return evaluate(districts: first, count: count, fit, needs: needs) }
      reach(districts: first, count: count, fit, geometricNeed: false)
      let size = count * model.groups
      for x in 0..<size {
        let r = reach(at: x, fit)
        let shrunk = r.shrunkMissing
        guard shrunk > 0 else {
          need[x] = 0
          score[x] = 0
          continue
        }
        if let bar, let bounds = needBounds(at: x, fit), bounds.low * shrunk > 0, bounds.high * shrunk < bar {
          need[x] = 0
          score[x] = 0
          belowBar += 1
          continue
        }
        need[x] = geometricNeed(at: x, fit)
        score[x] = PriorityRanking.score(needIndex: need[x], reach: r)
      }
    }

    /// Bounds of `geometricNeed(at:)` as computed, without its logarithms: a weighted geometric
    /// mean lies between the smallest and the largest oriented ratio it averages (1 when there
    /// is none). Computed, it is exp(m + δ) to within an ulp, m the true mean of the logarithms
    /// and |δ| ≤ (k + 3) · 2⁻⁵² · max|log| ≤ 1e-9 for ratios in [1e-290, 1e290] (|log| < 670)
    /// and up to thousands of indicators k; so it lies in [low · (1 − 2e-9), high · (1 + 2e-9)],
    /// inside the bounds returned (widened by 1e-8). nil when a ratio is outside that range (the
    /// caller then works the need out). With low · s > 0 the score need · s is positive and with
    /// high · s < bar below `bar` (multiplication rounds monotonically).
    @inline(__always) func needBounds(at x: Int, _ fit: Fit) -> (low: Double, high: Double)? {
      var low = Double.infinity
      var high = 0.0
      var any = false
      forEachOrientedRatio(at: x, fit) { _, oriented in
        low = min(low, oriented)
        high = max(high, oriented)
        any = true
      }
      guard any else { return (1, 1) }
      guard low >= 1e-290, high <= 1e290 else { return nil }
      return (low * (1 - 1e-8), high * (1 + 1e-8))
    }

    /// The consultation reach of the block's segment x (after `reach(districts:count:_:)`).
    @inline(__always) func reach(at x: Int, _ fit: Fit) -> Reach {
      ReachEngine.reach(observed: observed[x], expected: expected[x], prior: fit.reachPrior)
    }

    /// The geometric-mean need index (NeedIndex, term for term) of the block's segment x from
    /// the indicators' O and E that `reach(districts:count:_:)` last counted, indicators in order.
    @inline(__always) func geometricNeed(at x: Int, _ fit: Fit) -> Double {
      var sum = 0.0
      var weight = 0.0
      forEachOrientedRatio(at: x, fit) { w, oriented in
        sum += w * log(oriented)
        weight += w
      }
      return weight > 0 ? exp(sum / weight) : 1
    }

    /// The indicators the need index of the block's segment x averages, in order: each one's
    /// weight and smoothed ratio oriented so that higher is worse (positive weight, a prior,
    /// E > 0, and a positive finite smoothed ratio).
    @inline(__always) func forEachOrientedRatio(at x: Int, _ fit: Fit, _ body: (Double, Double) -> Void) {
      for i in model.weights.indices {
        let w = model.weights[i]
        guard w > 0, let prior = fit.priors[i] else { continue }
        let (o, e) = (indicatorO[i][x], indicatorE[i][x])
        guard e > 0 else { continue }
        let v = prior.smoothed(observed: o, expected: e)
        guard v > 0, v.isFinite else { continue }
        body(w, model.higherIsWorse[i] ? v : 1 / v)
      }
    }

    /// `evaluate` of district `d` alone (its groups at 0..<groups).
    func evaluate(district d: Int, _ fit: Fit, needs: [Double]?) {
      evaluate(districts: d, count: 1, fit, needs: needs)
    }
  }

  /// The need index of every segment by NeedIndex.Accumulator, one indicator column at a time:
  /// for the rank methods, which need every segment's value of an indicator at once.
  func needArray(_ fit: Fit, method: CompositeMethod) -> [Double] {
    let units = districts * groups
    let groups = self.groups
    var acc = NeedIndex.Accumulator(units: units, method: method)
    let scratch = Scratch(self, districts: Self.block)
    for i in configs.indices {
      var smoothed = [Double](repeating: .nan, count: units)
      if let prior = fit.priors[i] {
        smoothed.withUnsafeMutableBufferPointer { smoothed in
          Self.forEachBlock(0..<districts) { first, n in
            counts(i, districts: first, count: n, o: scratch.o, e: scratch.e)
            for x in 0..<(n * groups) where scratch.e[x] > 0 {
              smoothed[first * groups + x] = prior.smoothed(observed: scratch.o[x], expected: scratch.e[x])
            }
          }
        }
      }
      acc.add(config: configs[i], values: smoothed)
    }
    return acc.finish()
  }
}
