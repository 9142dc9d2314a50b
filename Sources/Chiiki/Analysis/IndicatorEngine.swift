/// Computes every district's standardised ratio, intervals, funnel label, smoothed ratio and
/// trend for one indicator.
public enum IndicatorEngine {
  /// One indicator's summary and per-district results. (Segments read the grid and rates
  /// from `Prepared`, before the grids are freed.)
  public struct Output: Sendable {
    public var summary: IndicatorSummary
    public var results: [IndicatorResult]
  }

  /// The per-district O and E of the indicator's previous period (the one before the latest
  /// not after the run period), with that period's own reference rates; nil without one.
  /// Computed apart from `prepare` so that the previous period's grids can be freed first.
  public static func previousTotals(indicator: IndicatorID, dataset: Dataset) -> [IndirectStandardisation.Totals]? {
    let periods = dataset.statistics.periods(of: indicator, notAfter: dataset.runPeriod)
    guard periods.current != nil, let prev = periods.previous, let prevGrid = dataset.statistics.grids[indicator]?[prev] else { return nil }
    return IndirectStandardisation.districtTotals(
      prevGrid, rates: referenceRates(prevGrid, indicator: indicator, dataset: dataset), bandOrder: dataset.statistics.bands.sortedIndices)
  }

  /// What `finish` needs of the current period: its reference rates and per-district totals,
  /// and the grid (for segments; `finish` does not read it, so it may be freed in between).
  public struct Prepared: Sendable {
    public var indicator: IndicatorID
    public var config: IndicatorConfig
    public var period: Period
    public var previousPeriod: Period?
    public var rates: [Double?]
    public var totals: [IndirectStandardisation.Totals]
    public var grid: CellGrid
  }

  /// The first half of an indicator's analysis: reference rates and O, E and the denominator per district, from
  /// the current period's grid; nil when the indicator has no period up to the run period.
  public static func prepare(indicator: IndicatorID, dataset: Dataset, configuration: Configuration) -> Prepared? {
    let periods = dataset.statistics.periods(of: indicator, notAfter: dataset.runPeriod)
    guard let period = periods.current, let grid = dataset.statistics.grids[indicator]?[period] else { return nil }
    let rates = referenceRates(grid, indicator: indicator, dataset: dataset)
    let totals = IndirectStandardisation.districtTotals(grid, rates: rates, bandOrder: dataset.statistics.bands.sortedIndices)
    return Prepared(
      indicator: indicator, config: configuration.indicator(indicator), period: period, previousPeriod: periods.previous,
      rates: rates, totals: totals, grid: grid)
  }

  /// The second half (after `prepare`): every district's result and the summary, from the totals alone.
  public static func finish(_ prepared: Prepared, configuration: Configuration, previous: [IndirectStandardisation.Totals]?) -> Output {
    let basis = Basis(prepared, level: configuration.confidenceLevel, previous: previous)
    return finish(
      prepared, basis: basis, configuration: configuration, previous: previous,
      intervals: ClopperPearsonIntervals(level: configuration.confidenceLevel, pairs: basis.trendPairs))
  }

  /// `finish` of every indicator, `previous[i]` being indicator i's previous totals: the same
  /// outputs, with the work spread evenly over all cores. (Running each indicator's `finish` as
  /// one job left the districts of each on one core — a parallel loop inside a parallel job
  /// runs serially — and three indicators on two cores kept one core idle for a third of the
  /// time.) Per indicator on all cores: the parts that are sequential within one (smoothing,
  /// overdispersion, exact Poisson intervals, the trend test's pairs); then the Clopper–Pearson
  /// intervals of all indicators' pairs, each distinct pair solved once in one parallel pool
  /// (a stored interval is the value a fresh solve gives, so sharing changes no bit); then
  /// each indicator's per-district results, indicator by indicator, in chunks on all cores.
  public static func finishAll(
    _ prepared: [Prepared], configuration: Configuration, previous: [[IndirectStandardisation.Totals]?]
  ) -> [Output] {
    precondition(prepared.count == previous.count, "IndicatorEngine.finishAll: one previous entry per indicator")
    let level = configuration.confidenceLevel
    let bases = ParallelMap.map(prepared.count) { Basis(prepared[$0], level: level, previous: previous[$0]) }
    var pairs = Set<ClopperPearsonIntervals.Pair>()
    for basis in bases { pairs.formUnion(basis.trendPairs) }
    let intervals = ClopperPearsonIntervals(level: level, pairs: pairs)
    let labelPool = FunnelRatioLabelPool()
    return prepared.indices.map {
      finish(prepared[$0], basis: bases[$0], configuration: configuration, previous: previous[$0], intervals: intervals, labelPool: labelPool)
    }
  }

  /// The parts of `finish` that are sequential within one indicator: the smoothing, the
  /// overdispersion estimate, the exact Poisson interval of every distinct count, and the
  /// distinct binomial pairs of the trend test (empty without a previous period).
  struct Basis: Sendable {
    /// The prior of the Empirical-Bayes smoothing (nil: no usable district); each district's
    /// smoothed ratio and weight are worked out from it where the results are built, the values
    /// `EmpiricalBayes.poissonGamma` gives (no two arrays per indicator kept in between).
    var prior: EmpiricalBayes.Prior?
    var od: OverdispersionEstimate
    var poissonIntervals: ExactPoissonIntervals
    var trendPairs: Set<ClopperPearsonIntervals.Pair>

    init(_ prepared: Prepared, level: Double, previous: [IndirectStandardisation.Totals]?) {
      let totals = prepared.totals
      // O and E read from the totals (no two columns copied out). Overdispersion: the districts
      // with E > 0 (`Overdispersion.ratios` takes only those itself, in order).
      (prior, od) = totals.withUnsafeBufferPointer { t in
        (EmpiricalBayes.poissonGammaPrior(count: t.count) { (t[$0].observed, t[$0].expected) },
         Overdispersion.ratios(count: t.count) { (t[$0].observed, t[$0].expected) })
      }
      // Exact intervals depend only on whole counts, which repeat across districts: each distinct
      // count (Poisson) or pair (trend test) is solved once, up front, and shared read-only.
      poissonIntervals = ExactPoissonIntervals(level: level, counts: totals.lazy.filter { $0.expected > 0 }.map(\.observed))
      trendPairs = []
      if let previous {
        for d in totals.indices where totals[d].expected > 0 && previous[d].expected > 0 {
          let p = previous[d]
          let t = totals[d]
          if let pair = TrendTest.conditionalPair(
            observedBefore: p.observed, expectedBefore: p.expected, observedNow: t.observed, expectedNow: t.expected, level: level)
          {
            trendPairs.insert(pair)
          }
        }
      }
    }
  }

  /// `finish` with its sequential parts done (`basis`) and the trend test's intervals given
  /// (they must hold at least `basis.trendPairs` for speed; any interval is exact).
  static func finish(
    _ prepared: Prepared, basis: Basis, configuration: Configuration, previous: [IndirectStandardisation.Totals]?,
    intervals: ClopperPearsonIntervals, labelPool: FunnelRatioLabelPool = FunnelRatioLabelPool()
  ) -> Output {
    let indicator = prepared.indicator
    let totals = prepared.totals
    let level = configuration.confidenceLevel
    let prior = basis.prior
    let od = basis.od
    let tau2 = od.isOverdispersed ? od.tau2 : 0
    let poissonIntervals = basis.poissonIntervals
    let trend = previous.map { IndicatorTrend(previous: $0, now: totals, intervals: intervals) }
    let code = IndicatorCodes.shared.code(indicator)
    let z = ConfidenceIntervals.zValue(level: level)
    // Districts are independent: chunks on all cores, each written in place in district order.
    let chunkSize = max(4096, (totals.count + 7) / 8)
    let results = ParallelMap.build(count: totals.count, chunkSize: chunkSize) { (range, emit: (IndicatorResult) -> Void) in
      // Funnel labels through memos shared with the other chunks and indicators.
      labelPool.withLabels { labels in
        for d in range {
          let t = totals[d]
          let ratio = t.expected > 0 ? t.observed / t.expected : nil
          var interval: Interval? = nil
          if t.expected > 0 {
            let ci = poissonIntervals.interval(count: t.observed)
            interval = Interval(lower: ci.lower / t.expected, upper: ci.upper / t.expected)
          }
          var crudeCI: Interval? = nil
          if t.denominator > 0 {
            crudeCI = ConfidenceIntervals.wilson(successes: t.observed, trials: t.denominator, level: level, z: z)
          }
          var funnel = FunnelLabel.within
          var plain = FunnelLabel.within
          if let ratio, t.expected > 0 {
            plain = labels.label(observed: t.observed, expected: t.expected)
            funnel = tau2 > 0 ? FunnelPlot.label(value: ratio, limits: FunnelPlot.ratioLimits(expected: t.expected, tau2: tau2)) : plain
          }
          emit(IndicatorResult(
            district: d, indicatorCode: code, totals: t, ratioInterval: interval, crudeInterval: crudeCI,
            smoothedRatio: prior?.smoothed(observed: t.observed, expected: t.expected) ?? .nan,
            shrinkageWeight: prior?.weight(observed: t.observed, expected: t.expected) ?? 0, funnel: funnel, funnelUnadjusted: plain,
            trend: trend))
        }
      }
    }
    let sumO = totals.reduce(0) { $0 + $1.observed }
    let sumE = totals.reduce(0) { $0 + $1.expected }
    let sumN = totals.reduce(0) { $0 + $1.denominator }
    var high = 0
    var low = 0
    for r in results {
      if r.funnel == .high95 || r.funnel == .high998 { high += 1 }
      if r.funnel == .low95 || r.funnel == .low998 { low += 1 }
    }
    let summary = IndicatorSummary(
      indicator: indicator, config: prepared.config, period: prepared.period, previousPeriod: previous == nil ? nil : prepared.previousPeriod,
      observed: sumO, expected: sumE, denominator: sumN, referenceRate: sumN > 0 ? sumO / sumN : 0,
      overdispersion: od, funnelAdjusted: tau2 > 0, excludedCells: totals.reduce(0) { $0 + $1.excludedCells },
      districtsHigh: high, districtsLow: low)
    return Output(summary: summary, results: results)
  }

  static func referenceRates(_ grid: CellGrid, indicator: IndicatorID, dataset: Dataset) -> [Double?] {
    if let table = dataset.externalRates?[indicator] {
      return IndirectStandardisation.externalRates(grid, bands: dataset.statistics.bands, table: table)
    }
    return IndirectStandardisation.internalRates(grid)
  }
}
