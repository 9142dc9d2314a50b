/// Per consultation category (主訴): does it reach the need it answers? Category k's window
/// consultations C_k are spread by the need shares of the indicators mapped to k in the
/// configuration (all indicators if none is), giving expected counts per district.
public enum CategoryReachEngine {
  public static func run(outputs: [IndicatorEngine.Output], dataset: Dataset, configuration: Configuration) -> ([CategorySummary], CategoryReachTable) {
    let n = dataset.districts.count
    let cases = dataset.cases
    var summaries: [CategorySummary] = []
    var columns: [CategoryReachTable.Column] = []
    var sharesCache: [[IndicatorID]: [Double]] = [:]
    let sortedCategories = cases.categories.enumerated().sorted { $0.element < $1.element }
    for (c, category) in sortedCategories {
      let mapped = outputs.filter { $0.summary.config.categories.contains(category) }
      let used = mapped.isEmpty ? outputs : mapped
      let usedIDs = used.map(\.summary.indicator)
      let shares = sharesCache[usedIDs] ?? ReachEngine.needShares(observed: used.map { $0.results.map(\.observed) }, weights: used.map(\.summary.config.weight), units: n)
      sharesCache[usedIDs] = shares
      let observed = (0..<n).map { Double(cases.windowConsultations[c * n + $0]) }
      let total = observed.reduce(0, +)
      let reach = ReachEngine.reach(observed: observed, shares: shares, total: total, level: configuration.confidenceLevel)
      var dissimilarity = 0.0
      if total > 0 {
        for d in 0..<n { dissimilarity += abs(observed[d] / total - shares[d]) }
        dissimilarity /= 2
      }
      let under = (0..<n).filter { (reach[$0].ratioInterval?.upper ?? 1) < 1 }
        .sorted { reach[$0].missing != reach[$1].missing ? reach[$0].missing > reach[$1].missing : $0 < $1 }
      summaries.append(CategorySummary(
        category: category, consultations: Int(total), indicators: mapped.map(\.summary.indicator),
        dissimilarity: dissimilarity, underReachedDistricts: under))
      columns.append(CategoryReachTable.Column(category: category, slot: c, expected: reach.map(\.expected), reliability: reach.map(\.reliability)))
    }
    return (summaries, CategoryReachTable(columns: columns, observed: cases.windowConsultations, districtCount: n, level: configuration.confidenceLevel))
  }
}
