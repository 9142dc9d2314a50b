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
      ReachEngine.needShares(indicators: sets[k].count, weights: sets[k].map { outputs[$0].summary.config.weight }, units: n) {
        outputs[sets[k][$0]].results[$1].observed
      }
    }
    let level = configuration.confidenceLevel
    let window = cases.windowConsultations
    let parts = ParallelMap.map(sortedCategories.count) { k -> (CategorySummary, CategoryReachTable.Column) in
      let (c, category) = sortedCategories[k]
      let sharesIndex = sets.firstIndex(of: usedOf[k]) ?? 0
      let shares = setShares[sharesIndex]
      // Each district's O (its window count) and E (share x total) are worked out where read,
      // not kept in two arrays per category (fresh pages each, at national scale).
      let start = c * n
      @inline(__always) func observed(_ d: Int) -> Double { Double(window[start + d]) }
      let total = (0..<n).reduce(0.0) { $0 + observed($1) }
      @inline(__always) func expected(_ d: Int) -> Double { shares[d] * total }
      // Expected counts and the prior of the reliability weights (the table works each row
      // out from them), and the exact interval's upper limit only where it decides
      // under-reach: no `Reach` per district.
      let prior = EmpiricalBayes.poissonGammaPrior(count: n) { (observed($0), expected($0)) }
      var dissimilarity = 0.0
      if total > 0 {
        for d in 0..<n { dissimilarity += abs(observed(d) / total - shares[d]) }
        dissimilarity /= 2
      }
      var intervals = ExactPoissonIntervals(level: level)
      let under = (0..<n).filter {
        (ReachEngine.ratioInterval(observed: observed($0), expected: expected($0), intervals: &intervals)?.upper ?? 1) < 1
      }
        .sorted {
          let (a, b) = (expected($0) - observed($0), expected($1) - observed($1))
          return a != b ? a > b : $0 < $1
        }
      return (
        CategorySummary(
          category: category, consultations: Int(total), indicators: mappedOf[k].map { outputs[$0].summary.indicator },
          dissimilarity: dissimilarity, underReachedDistricts: under),
        CategoryReachTable.Column(category: category, slot: c, sharesIndex: sharesIndex, total: total, prior: prior))
    }
    let summaries = parts.map(\.0)
    let columns = parts.map(\.1)
    return (summaries, CategoryReachTable(
      columns: columns, shares: setShares, observed: cases.windowConsultations, districtCount: n, level: configuration.confidenceLevel))
  }
}
