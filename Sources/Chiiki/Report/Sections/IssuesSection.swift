/// Regional issues: need significantly above reference, consultations short of need, what
/// changed since last month and last year, categories, monthly consultations.
enum IssuesSection {
  /// Rows of a district table in a printed report; longer lists point to the CSV files.
  static let maxTableRows = 60

  static func build(_ c: ReportContext) -> IssuesModel {
    let a = c.analysis
    let l = c.labels
    let issues = c.indicators.map { indicatorIssue($0.summary, $0.results, c) }

    // Heat table: districts in priority order x indicators, smoothed ratio and funnel symbol.
    let heatRows = a.priorities.prefix(maxTableRows).map { p in
      HeatRow(name: c.name(p.district), cells: c.indicators.map { ind in
        let r = ind.results[p.district]
        let value = r.expected > 0 && !c.indicatorMasked(r) ? NumberFormat.fixed(r.smoothedRatio, 2) : l.masked
        return HeatCell(text: "\(value) \(l.funnelSymbol(r.funnel))", cls: heatClass(r.funnel))
      })
    }

    // Significantly under-reached districts (upper limit of the consultation ratio below 1).
    // (Only the first rows are taken: a filtered copy of every priority was a transient of
    // ~9 MB at 220,000 districts, in the write.)
    let under = Array(a.priorities.lazy.filter { ($0.reach.ratioInterval?.upper ?? 1) < 1 }.prefix(maxTableRows)).map { p in
      let state = c.consultationState(p.district)
      return UnderRow(
        name: c.name(p.district), observed: c.consultationText(p.district),
        expected: NumberFormat.fixed(p.reach.expected, 1),
        ratio: c.suppression.derived(NumberFormat.percent(p.reach.ratio), states: [state], labels: l),
        interval: c.suppression.derived(c.percentInterval(p.reach.ratioInterval), states: [state], labels: l),
        persistent: p.underReachedThreeMonths ? l.persistentMark : "")
    }

    let categories = a.categorySummaries.enumerated().map { i, s in
      CategoryRow(
        name: s.category.rawValue,
        consultations: c.suppression.text(s.consultations, c.categoryConsultations.states[i], labels: l),
        dissimilarity: NumberFormat.fixed(s.dissimilarity, 2),
        underReached: s.underReachedDistricts.prefix(10).map(c.name).joined(separator: l.nameSeparator)
          + (s.underReachedDistricts.count > 10 ? l.andMore(s.underReachedDistricts.count - 10) : ""))
    }
    let months = a.monthlyConsultations.enumerated().map { i, m in
      MonthRow(period: l.shortPeriod(m.period), count: c.suppression.text(m.count, c.monthlyStates[i], labels: l))
    }
    return IssuesModel(
      indicators: issues,
      heatHeaders: c.indicators.map { Line(text: l.indicator($0.summary.config)) },
      heatRows: heatRows,
      heatLegend: l.heatLegend + (a.priorities.count > maxTableRows ? l.tableTruncated(shown: maxTableRows, total: a.priorities.count, file: "indicators.csv") : ""),
      hasUnder: !under.isEmpty, under: under, noneUnder: l.noneUnderReached,
      changes: changes(c).map { Line(text: $0) },
      hasCategories: !categories.isEmpty, categories: categories, months: months)
  }

  static func heatClass(_ f: FunnelLabel) -> String {
    switch f {
    case .high998: "h2"
    case .high95: "h1"
    case .within: "n"
    case .low95: "l1"
    case .low998: "l2"
    }
  }

  static func isHigh(_ f: FunnelLabel) -> Bool { f == .high95 || f == .high998 }

  static func indicatorIssue(_ s: IndicatorSummary, _ results: [IndicatorResult], _ c: ReportContext) -> IndicatorIssue {
    let l = c.labels
    // Positions, not copies: filtering and sorting the results themselves copied every one
    // (retaining its trend) and moved the large values about; the sort is the same stable
    // sort with the same comparisons, so the order is the one sorting the results gave.
    let high = results.indices.filter { isHigh(results[$0].funnel) }.sorted { i, j in
      let a = results[i].ratio ?? 0, b = results[j].ratio ?? 0
      return a != b ? a > b : results[i].district < results[j].district
    }
    let rows = high.prefix(maxTableRows).map { results[$0] }.map { r in
      let masked = c.indicatorMasked(r)
      return IndicatorDistrictRow(
        name: c.name(r.district), observed: c.personCount(r.observed), expected: NumberFormat.fixed(r.expected, 1),
        ratio: masked ? l.masked : c.ratio(r.ratio), interval: masked ? l.masked : c.interval(r.ratioInterval),
        smoothed: masked ? l.masked : NumberFormat.fixed(r.smoothedRatio, 2), funnel: l.funnel(r.funnel))
    }
    return IndicatorIssue(
      label: l.indicator(s.config),
      facts: l.indicatorFacts(period: l.period(s.period), referenceRate: s.referenceRate, high: s.districtsHigh, low: s.districtsLow, adjusted: s.funnelAdjusted, phi: s.overdispersion.phi, excluded: s.excludedCells),
      hasHigh: !rows.isEmpty, high: rows, noneHigh: l.noneHigh)
  }

  /// What changed: ranks since last month and last year, newly persistent under-reach, and
  /// indicators whose ratio changed significantly since the previous period.
  static func changes(_ c: ReportContext) -> [String] {
    let a = c.analysis
    let l = c.labels
    var out: [String] = []
    let top = a.priorities.prefix(10)
    let newTop = top.filter { ($0.previousMonth?.rank ?? 0) > 10 }.map { c.name($0.district) }
    if !newTop.isEmpty { out.append(l.newInTopTen(newTop)) }
    let leftTop = a.priorities.filter { $0.rank > 10 && ($0.previousMonth?.rank ?? 99) <= 10 }.map { c.name($0.district) }
    if !leftTop.isEmpty { out.append(l.leftTopTen(leftTop)) }
    if a.priorities.contains(where: { $0.previousYear != nil }) {
      let risen = a.priorities.filter { p in (p.previousYear.map { $0.rank - p.rank } ?? 0) >= 10 && p.rank <= 10 }.map { c.name($0.district) }
      out.append(risen.isEmpty ? l.noYearRise : l.yearRise(risen))
    } else {
      out.append(l.noPreviousYear)
    }
    if let previous = c.previousYearTotal {
      out.append(l.consultationsVersusLastYear(now: c.windowTotalText, before: previous.shown ? NumberFormat.grouped(previous.value) : l.masked))
    }
    for (s, results) in c.indicators {
      guard let previous = s.previousPeriod else { continue }
      // By position: filtering the results copied every one (its trend retained).
      let significant = results.indices.filter { (results[$0].change?.isSignificant ?? false) && !c.indicatorMasked(results[$0]) }
      for r in significant.map({ results[$0] }) {
        guard let change = r.change else { continue }
        out.append(l.indicatorChange(l.indicator(s.config), district: c.name(r.district), from: l.period(previous), to: l.period(s.period),
                                     rateRatio: change.rateRatio, interval: c.interval(change.interval)))
      }
    }
    return out
  }
}
