/// Turns a Dataset into an Analysis: pure, deterministic, no I/O and no clock.
public enum Analyzer {
  public static func analyze(_ dataset: Dataset, configuration: Configuration) throws(ChiikiError) -> Analysis {
    var copy = dataset
    return try analyze(&copy, configuration: configuration, releasingGrids: false)
  }

  /// Same result; with `releasingGrids` the statistics grids and population (the largest part
  /// of a dataset) are freed from `dataset` as soon as segments no longer need them, so that
  /// the rest of the analysis and the rendering run in less memory.
  public static func analyze(_ dataset: inout Dataset, configuration: Configuration, releasingGrids: Bool) throws(ChiikiError) -> Analysis {
    var log = dataset.diagnostics
    let districts = dataset.districts
    let n = districts.count
    let level = configuration.confidenceLevel

    let indicatorIDs = dataset.statistics.indicators
    // The previous period feeds only the trend tests: its per-district totals first, indicator
    // by indicator (each on all cores), and (when releasing) each indicator's earlier grids are
    // freed as soon as its totals are taken, so that few of them are resident at once.
    let previous = PhaseTimings.measure("  previous periods") {
      var previous: [[IndirectStandardisation.Totals]?] = []
      for id in indicatorIDs {
        previous.append(IndicatorEngine.previousTotals(indicator: id, dataset: dataset))
        if releasingGrids {
          let current = dataset.statistics.periods(of: id, notAfter: dataset.runPeriod).current
          dataset.statistics.releaseCells { indicator, period in indicator == id && period != current }
        }
      }
      return previous
    }
    // Each indicator's reference rates and per-district totals: all that segments and the
    // results need of the grids.
    var prepared = PhaseTimings.measure("  indicator totals") { [dataset] in
      ParallelMap.map(indicatorIDs.count) {
        IndicatorEngine.prepare(indicator: indicatorIDs[$0], dataset: dataset, configuration: configuration)
      }
    }
    // The previous totals of the indicators kept (those with a current period), in their order.
    let previousOf: [[IndirectStandardisation.Totals]?] = zip(prepared, previous).filter { $0.0 != nil }.map(\.1)
    var ready = prepared.compactMap { $0 }
    prepared = []
    for p in ready where p.totals.reduce(0, { $0 + $1.observed }) == 0 {
      log.add(Diagnostic(.warning, file: "statistics.csv", "\(p.indicator): no cases anywhere in \(p.period); it adds nothing to need"))
    }

    // Segments on the common banding, before the per-district results are built, so that the
    // grids are freed first.
    // (Every band of statistics.csv, as every grid counts them all.)
    let statBandsUsed = ready.flatMap { p in (0..<p.grid.bandCount).map { dataset.statistics.bands.bands[$0] } }
    var segments: [SegmentPriority] = []
    var segmentTotal = 0
    var banding: [AgeBand] = []
    if !dataset.cases.bands.bands.isEmpty {
      guard let common = AgeBanding.commonBanding(Array(Set(statBandsUsed)), dataset.cases.bands.bands) else {
        log.add(Diagnostic(.error, file: "cases.csv",
                           "the age bands of cases.csv (\(dataset.cases.bands.bands.sorted().map(\.description).joined(separator: ", "))) and statistics.csv (\(Set(statBandsUsed).sorted().map(\.description).joined(separator: ", "))) have no useful common banding; use bands that nest (e.g. 10-year bands over 5-year bands)"))
        throw .invalidInput(log)
      }
      banding = common
      let inputs = ready.map { SegmentEngine.Input(config: $0.config, rates: $0.rates, grid: $0.grid) }
      let result = PhaseTimings.measure("  segments") { SegmentEngine.run(inputs: inputs, dataset: dataset, banding: common, configuration: configuration, limit: SegmentsWriter.maximumRows) }
      segments = result.segments
      segmentTotal = result.total
    }

    if releasingGrids {
      // Only the totals and segments read cells; everything below works from per-district
      // totals and results, so the results, reach, ranks, priorities and category reach never
      // share memory with the grids.
      dataset.statistics.releaseCells { _, _ in true }
      dataset.population = nil
      dataset.cases.releaseSegmentColumns()
      for i in ready.indices { ready[i].grid = CellGrid(districtCount: 0, bandCount: ready[i].grid.bandCount) }
    }
    let finishing = ready
    ready = []
    let outputs = PhaseTimings.measure("  indicators") {
      IndicatorEngine.finishAll(finishing, configuration: configuration, previous: previousOf)
    }
    let configs = outputs.map(\.summary.config)

    // Need index per district from smoothed ratios.
    // (One indicator at a time through one NaN-coded column, as `NeedIndex.compute` takes them.)
    let need = {
      var accumulator = NeedIndex.Accumulator(units: n, method: configuration.composite)
      var column = [Double](repeating: .nan, count: n)
      for o in outputs {
        o.results.withUnsafeBufferPointer { results in
          column.withUnsafeMutableBufferPointer { column in
            for d in 0..<n { column[d] = results[d].expected > 0 ? results[d].smoothedRatio : .nan }
          }
        }
        accumulator.add(config: o.summary.config, values: column)
      }
      return accumulator.finish()
    }()

    // Reach over the window and the windows one, two and twelve months earlier, each worked
    // out as one job (of the earlier ones only ranks, shortfalls and under-reach flags are
    // kept; the two-months window is not ranked, only its under-reach flags are read).
    let weights = configs.map(\.weight)
    let shares = ReachEngine.needShares(indicators: outputs.count, weights: weights, units: n) { outputs[$0].results[$1].observed }
    // (The jobs see the cases only, not the dataset, whose grids must be freeable below.)
    var cases = dataset.cases
    let windows = PhaseTimings.measure("  reach and ranks") {
      ReachWindows.run(cases: cases, shares: shares, need: need, level: level, specs: [
        ReachWindows.Spec(monthsBack: 1, ranked: true, underFlags: true),
        ReachWindows.Spec(monthsBack: 2, ranked: false, underFlags: true),
        // A year ago only ranks and shortfalls are reported: no intervals needed.
        ReachWindows.Spec(monthsBack: 12, ranked: true, underFlags: false),
      ])
    }
    let monthly = (0..<cases.monthsKept).map { m in
      (period: cases.firstKeptMonth.adding(months: m), count: (0..<n).reduce(0) { $0 + Int(cases.monthly[m * n + $1]) })
    }
    if releasingGrids {
      // The month columns (~13 MB at 220,000 districts; the segment columns went above) have no
      // reader after the windows and the monthly series: freed here, so that they are not
      // resident beside the priorities and the resource figures (the window counts per
      // category stay).
      dataset.cases = dataset.cases.keepingWindowCounts()
      cases = dataset.cases
    }
    let reach = windows.reach
    let now = windows.ranked
    let (lastMonth, twoMonths, lastYear) = (windows.earlier[0], windows.earlier[1], windows.earlier[2])
    // Category reach before the priorities, so that its transients and the priorities are
    // never resident together.
    let (categorySummaries, categoryReach) = PhaseTimings.measure("  category reach") { CategoryReachEngine.run(
      outputs: outputs, dataset: dataset, configuration: configuration) }
    let monthsOfData = dataset.cases.monthsKept
    let hasLastYear = monthsOfData >= dataset.cases.windowMonths + 12

    // Leaflets.
    let budget = configuration.leafletBudget
      ?? LeafletPlanner.defaultBudget(order: now.order, districts: districts, count: configuration.leafletDefaultDistricts, perHousehold: configuration.leafletsPerHousehold)
    let (plan, leaflets) = LeafletPlanner.plan(
      order: now.order, scores: now.scores, shrunkMissing: reach.map { $0.shrunkMissing }, districts: districts,
      budget: budget, perHousehold: configuration.leafletsPerHousehold)

    let expectedSum = (0..<n).map { d in outputs.reduce(0) { $0 + $1.results[d].expected } }
    // Districts are independent: chunks of districts on all cores, each district's row written
    // in its rank's place (reading every per-district column in memory order). (The jobs see
    // each indicator's config and results, not the dataset.)
    let evidence = outputs.map {
      (indicator: $0.summary.config.id, code: IndicatorCodes.shared.code($0.summary.config.id), higherIsWorse: $0.summary.config.direction == .higherIsWorse,
       weight: $0.summary.config.weight, results: $0.results)
    }
    let chunkSize = max(8192, (n + 7) / 8)
    let priorities = PhaseTimings.measure("  priorities") {
      ParallelMap.scatter(count: n, chunkSize: chunkSize) { (range, emit: (Int, DistrictPriority) -> Void) in
        var ratios: [IndicatorEvidence] = []
        ratios.reserveCapacity(evidence.count)
        for d in range {
          let i = now.rankOf[d] - 1
          let lowData = expectedSum[d] < configuration.minimumExpected
          ratios.removeAll(keepingCapacity: true)
          for o in evidence {
            let r = o.results[d]
            guard let ratio = r.ratio else { continue }
            ratios.append(IndicatorEvidence(
              indicator: o.indicator, code: o.code, higherIsWorse: o.higherIsWorse, weight: o.weight, smoothed: r.smoothedRatio, ratio: ratio,
              interval: r.ratioInterval))
          }
          let under = (reach[d].ratioInterval?.upper ?? 1) < 1 && lastMonth.under[d] && twoMonths.under[d]
          emit(i, DistrictPriority(
            district: d, rank: i + 1, score: now.scores[d], needIndex: need[d], reach: reach[d], leaflets: leaflets[d],
            drivers: PriorityRanking.driverSet(indicatorRatios: ratios, reach: reach[d], lowData: lowData), lowData: lowData,
            previousMonth: (Int(lastMonth.rankOf[d]), lastMonth.missing[d]),
            previousYear: hasLastYear ? (Int(lastYear.rankOf[d]), lastYear.missing[d]) : nil,
            underReachedThreeMonths: under))
        }
      }
    }

    let areas = AreaRollup.run(outputs: outputs, dataset: dataset, reach: reach, leaflets: leaflets, configuration: configuration)

    let monthlyByCategory = (0..<cases.monthsKept).map { m in
      (period: cases.firstKeptMonth.adding(months: m),
       counts: Dictionary(uniqueKeysWithValues: cases.categories.enumerated().map { ($1, Int(cases.cityMonthlyByCategory[m][$0])) }))
    }
    return Analysis(
      runPeriod: dataset.runPeriod, configuration: configuration, districts: districts,
      indicatorSummaries: outputs.map(\.summary), indicatorResults: outputs.map(\.results),
      priorities: priorities, segments: segments, segmentCount: segmentTotal, segmentBanding: banding, leafletPlan: plan,
      categorySummaries: categorySummaries, categoryReach: categoryReach, areas: areas,
      windowConsultations: Int(reach.reduce(0) { $0 + $1.observed }),
      monthlyConsultations: monthly, monthlyByCategory: monthlyByCategory, diagnostics: log)
  }
}
