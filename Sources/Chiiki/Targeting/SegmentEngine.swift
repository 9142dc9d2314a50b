/// District x sex x age-group segments on the common banding of statistics and consultations.
public enum SegmentEngine {
  public struct Input {
    var indicators: [IndicatorEngine.Output]
    var configs: [IndicatorConfig]
  }

  public static func run(
    outputs: [IndicatorEngine.Output], dataset: Dataset, banding: [AgeBand], configuration: Configuration, log: inout DiagnosticLog
  ) -> [SegmentPriority] {
    let n = dataset.districts.count
    let g = banding.count
    let units = n * 2 * g
    @inline(__always) func unit(_ d: Int, _ s: Int, _ k: Int) -> Int { (d * 2 + s) * g + k }
    let statBands = dataset.statistics.bands.bands
    let statToCommon = statBands.map { AgeBanding.container(of: $0, in: banding) }

    var observedByIndicator: [[Double]] = []
    var smoothedByIndicator: [[Double?]] = []
    var intervalsByIndicator: [[Interval?]] = []
    for output in outputs {
      var o = [Double](repeating: 0, count: units)
      var e = [Double](repeating: 0, count: units)
      let grid = output.grid
      for b in 0..<grid.bandCount {
        guard let k = statToCommon[b] else { continue }
        for sex in Sex.allCases {
          guard let rate = output.rates[b * 2 + sex.rawValue] else { continue }
          for d in 0..<n {
            let off = grid.offset(district: d, sex: sex, band: b)
            let x = grid.numerators[off]
            let y = grid.denominators[off]
            guard CellMark.isCount(x), CellMark.isCount(y) else { continue }
            o[unit(d, sex.rawValue, k)] += Double(x)
            e[unit(d, sex.rawValue, k)] += Double(y) * rate
          }
        }
      }
      let eb = EmpiricalBayes.poissonGamma(observed: o, expected: e)
      observedByIndicator.append(o)
      smoothedByIndicator.append((0..<units).map { e[$0] > 0 ? eb.smoothed[$0] : nil })
      intervalsByIndicator.append((0..<units).map { u in
        guard e[u] > 0 else { return nil }
        let ci = ConfidenceIntervals.exactPoisson(count: o[u], level: configuration.confidenceLevel)
        return Interval(lower: ci.lower / e[u], upper: ci.upper / e[u])
      })
    }
    let configs = outputs.map(\.summary.config)
    let need = NeedIndex.compute(
      zip(configs, smoothedByIndicator).map { NeedIndex.Column(config: $0, values: $1) }, units: units, method: configuration.composite)

    // Consultations of known sex and age, moved onto the common banding.
    var observed = [Double](repeating: 0, count: units)
    let caseToCommon = dataset.cases.bands.bands.map { AgeBanding.container(of: $0, in: banding) }
    for (cb, k) in caseToCommon.enumerated() {
      guard let k else { continue }
      for s in 0..<2 {
        for d in 0..<n { observed[unit(d, s, k)] += Double(dataset.cases.windowBySegment[(cb * 3 + s) * n + d]) }
      }
    }
    let knownTotal = observed.reduce(0, +)
    let shares = ReachEngine.needShares(observed: observedByIndicator, weights: configs.map(\.weight), units: units)
    let reach = ReachEngine.reach(observed: observed, shares: shares, total: knownTotal, level: configuration.confidenceLevel)
    let scores = (0..<units).map { PriorityRanking.score(needIndex: need[$0], reach: reach[$0]) }
    let order = PriorityRanking.order(scores: scores, needIndex: need, expected: reach.map(\.expected))

    var population: [Double?] = Array(repeating: nil, count: units)
    if let pop = dataset.population, let period = pop.latestPeriod(notAfter: dataset.runPeriod) ?? pop.grids.keys.min() {
      for d in 0..<n {
        for sex in Sex.allCases {
          for (k, band) in banding.enumerated() {
            population[unit(d, sex.rawValue, k)] = pop.population(period: period, district: d, sex: sex, band: band).map(Double.init)
          }
        }
      }
    }

    var segments: [SegmentPriority] = []
    segments.reserveCapacity(units)
    for (rank, u) in order.enumerated() {
      let d = u / (2 * g)
      let s = (u / g) % 2
      let k = u % g
      let ratios = configs.indices.compactMap { i -> (config: IndicatorConfig, smoothed: Double, interval: Interval?)? in
        guard let sm = smoothedByIndicator[i][u] else { return nil }
        return (configs[i], sm, intervalsByIndicator[i][u])
      }
      segments.append(SegmentPriority(
        district: d, sex: s == 0 ? .male : .female, band: banding[k], rank: rank + 1, score: scores[u],
        needIndex: need[u], reach: reach[u], population: population[u],
        drivers: PriorityRanking.drivers(indicatorRatios: ratios, reach: reach[u], lowData: false)))
    }
    return segments
  }
}
