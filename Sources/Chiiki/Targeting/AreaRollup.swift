/// Roll-up of districts into their areas (日常生活圏域): summed O and E per indicator with exact
/// intervals, need index as the geometric mean of area ratios, summed reach and leaflets.
public enum AreaRollup {
  public static func run(outputs: [IndicatorEngine.Output], dataset: Dataset, reach: [Reach], leaflets: [Int], configuration: Configuration) -> [AreaResult] {
    let table = dataset.districts
    guard !table.areas.isEmpty else { return [] }
    var results: [AreaResult] = []
    for (a, name) in table.areas.enumerated() {
      let members = (0..<table.count).filter { table.areaIndex[$0] == a }
      var indicators: [IndicatorID: (observed: Double, expected: Double, ratio: Double?, interval: Interval?)] = [:]
      var columns: [NeedIndex.Column] = []
      for o in outputs {
        let obs = members.reduce(0) { $0 + o.results[$1].observed }
        let exp = members.reduce(0) { $0 + o.results[$1].expected }
        var interval: Interval? = nil
        if exp > 0 {
          let ci = ConfidenceIntervals.exactPoisson(count: obs, level: configuration.confidenceLevel)
          interval = Interval(lower: ci.lower / exp, upper: ci.upper / exp)
        }
        indicators[o.summary.indicator] = (obs, exp, exp > 0 ? obs / exp : nil, interval)
        columns.append(NeedIndex.Column(config: o.summary.config, values: [exp > 0 ? obs / exp : nil]))
      }
      let observed = members.reduce(0) { $0 + reach[$1].observed }
      let expected = members.reduce(0) { $0 + reach[$1].expected }
      var interval: Interval? = nil
      if expected > 0 {
        let ci = ConfidenceIntervals.exactPoisson(count: observed, level: configuration.confidenceLevel)
        interval = Interval(lower: ci.lower / expected, upper: ci.upper / expected)
      }
      results.append(AreaResult(
        area: name, districts: members, indicators: indicators,
        needIndex: NeedIndex.compute(columns, units: 1, method: .geometricMean)[0],
        reach: Reach(observed: observed, expected: expected, ratioInterval: interval, reliability: 1),
        households: members.reduce(0) { $0 + (table.districts[$1].households ?? 0) },
        leaflets: members.reduce(0) { $0 + leaflets[$1] }))
    }
    return results
  }
}
