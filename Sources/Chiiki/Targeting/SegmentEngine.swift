/// District x sex x age-group segments on the common banding of statistics and consultations.
///
/// A segment's expected consultations apply the contract's formula within its sex x age group:
/// E(d,s,a) = C(s,a) x sum_i w_i O(d,s,a,i)/O(all,s,a,i) / sum_i w_i, where C(s,a) is the
/// window's consultations of that group city-wide. Segments of one group add up to C(s,a), so a
/// segment is short of consultations when its group consults less here than elsewhere for the
/// same need — not because the centre's clients are younger than, say, the people certified for
/// long-term care. Need index and priority follow the district method.
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
    var rawByIndicator: [[Double?]] = []
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
      rawByIndicator.append((0..<units).map { e[$0] > 0 ? o[$0] / e[$0] : nil })
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
    // Expected consultations within each sex x age group: the group's city-wide consultations
    // spread over districts by the district's share of the group's need (the contract's formula
    // applied group by group), so segments are judged against the centre's own age profile.
    var expectedShares = [Double](repeating: 0, count: units)
    var groupTotals = [Double](repeating: 0, count: 2 * g)
    for s in 0..<2 {
      for k in 0..<g {
        let members = (0..<n).map { unit($0, s, k) }
        groupTotals[s * g + k] = members.reduce(0) { $0 + observed[$1] }
        let columns = observedByIndicator.map { column in members.map { column[$0] } }
        let groupShares = ReachEngine.needShares(observed: columns, weights: configs.map(\.weight), units: n)
        for (d, u) in members.enumerated() { expectedShares[u] = groupShares[d] }
      }
    }
    let reach = segmentReach(observed: observed, shares: expectedShares, groupTotals: groupTotals, groupOf: { u in ((u / g) % 2) * g + u % g }, level: configuration.confidenceLevel)
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
      let ratios = configs.indices.compactMap { i -> IndicatorEvidence? in
        guard let sm = smoothedByIndicator[i][u] else { return nil }
        return IndicatorEvidence(config: configs[i], smoothed: sm, ratio: rawByIndicator[i][u] ?? sm, interval: intervalsByIndicator[i][u])
      }
      segments.append(SegmentPriority(
        district: d, sex: s == 0 ? .male : .female, band: banding[k], rank: rank + 1, score: scores[u],
        needIndex: need[u], reach: reach[u], population: population[u],
        drivers: PriorityRanking.drivers(indicatorRatios: ratios, reach: reach[u], lowData: false)))
    }
    return segments
  }

  /// Reach of every segment when each sex x age group has its own consultation total.
  static func segmentReach(observed: [Double], shares: [Double], groupTotals: [Double], groupOf: (Int) -> Int, level: Double) -> [Reach] {
    let expected = observed.indices.map { shares[$0] * groupTotals[groupOf($0)] }
    let eb = EmpiricalBayes.poissonGamma(observed: observed, expected: expected)
    return observed.indices.map { u in
      var interval: Interval? = nil
      if expected[u] > 0 {
        let ci = ConfidenceIntervals.exactPoisson(count: observed[u], level: level)
        interval = Interval(lower: ci.lower / expected[u], upper: ci.upper / expected[u])
      }
      return Reach(observed: observed[u], expected: expected[u], ratioInterval: interval, reliability: expected[u] > 0 ? eb.shrinkageWeight[u] : 0)
    }
  }
}
