/// Per consultation category (主訴): does it reach the need it answers? Category k's window
/// consultations C_k are spread by the need shares of the indicators mapped to k in the
/// configuration (all indicators if none is), giving expected counts per district.
public enum CategoryReachEngine {
  public static func run(outputs: [IndicatorEngine.Output], dataset: Dataset, configuration: Configuration) -> ([CategorySummary], CategoryReachTable) {
    let n = dataset.districts.count
    let cases = dataset.cases
    let sortedCategories = cases.categories.enumerated().sorted { $0.element < $1.element }
    // The indicators each category answers, and the need shares of each distinct set (worked
    // out once per set); then the categories are independent: one job each, on all cores.
    let mappedOf = sortedCategories.map { (_, category) in outputs.indices.filter { outputs[$0].summary.config.categories.contains(category) } }
    let usedOf = mappedOf.map { $0.isEmpty ? Array(outputs.indices) : $0 }
    let sets = usedOf.reduce(into: [[Int]]()) { sets, used in if !sets.contains(used) { sets.append(used) } }
    let setShares = ParallelMap.map(sets.count) { k in
      ReachEngine.needShares(observed: sets[k].map { outputs[$0].results.map(\.observed) }, weights: sets[k].map { outputs[$0].summary.config.weight }, units: n)
    }
    let level = configuration.confidenceLevel
    let parts = ParallelMap.map(sortedCategories.count) { k -> (CategorySummary, CategoryReachTable.Column) in
      let (c, category) = sortedCategories[k]
      let shares = setShares[sets.firstIndex(of: usedOf[k]) ?? 0]
      let observed = (0..<n).map { Double(cases.windowConsultations[c * n + $0]) }
      let total = observed.reduce(0, +)
      let reach = ReachEngine.reach(observed: observed, shares: shares, total: total, level: level)
      var dissimilarity = 0.0
      if total > 0 {
        for d in 0..<n { dissimilarity += abs(observed[d] / total - shares[d]) }
        dissimilarity /= 2
      }
      let under = (0..<n).filter { (reach[$0].ratioInterval?.upper ?? 1) < 1 }
        .sorted { reach[$0].missing != reach[$1].missing ? reach[$0].missing > reach[$1].missing : $0 < $1 }
      return (
        CategorySummary(
          category: category, consultations: Int(total), indicators: mappedOf[k].map { outputs[$0].summary.indicator },
          dissimilarity: dissimilarity, underReachedDistricts: under),
        CategoryReachTable.Column(category: category, slot: c, expected: reach.map(\.expected), reliability: reach.map(\.reliability)))
    }
    let summaries = parts.map(\.0)
    let columns = parts.map(\.1)
    return (summaries, CategoryReachTable(columns: columns, observed: cases.windowConsultations, districtCount: n, level: configuration.confidenceLevel))
  }
}
