/// The one-page summary: this month's top findings in three to five sentences, with numbers
/// and intervals, and the key figures.
enum SummarySection {
  /// How many elements pass `include` (`filter(include).count` without the filtered copy: a
  /// national run filtered ~220,000 priorities or results that way, copies included).
  static func count<T>(_ elements: [T], where include: (T) -> Bool) -> Int {
    var n = 0
    for i in elements.indices where include(elements[i]) { n += 1 }
    return n
  }

  static func build(_ c: ReportContext, proposals: Int) -> (lines: [Line], figures: [KeyValue]) {
    let a = c.analysis
    let l = c.labels
    var lines: [String] = []
    let window = l.window(c.windowStart, a.runPeriod)
    lines.append(l.summaryConsultations(window: window, total: c.windowTotalText,
                                        previous: c.previousYearTotal.map { $0.shown ? NumberFormat.grouped($0.value) : l.masked }))

    // Need: districts significantly above reference per indicator, and the strongest finding.
    let counts = c.indicators.map { (l.indicator($0.summary.config), SummarySection.count($0.results) { IssuesSection.isHigh($0.funnel) }) }
    var strongest: (label: String, result: IndicatorResult)? = nil
    // By position: iterating the results copied every one (its trend retained and released).
    for (s, results) in c.indicators {
      for k in results.indices where IssuesSection.isHigh(results[k].funnel) && !c.indicatorMasked(results[k]) {
        let lower = results[k].ratioInterval?.lower ?? 0
        if strongest == nil || lower > (strongest!.result.ratioInterval?.lower ?? 0) { strongest = (l.indicator(s.config), results[k]) }
      }
    }
    lines.append(l.summaryNeed(counts: counts, strongest: strongest.map { s in
      (name: c.name(s.result.district), indicator: s.label, ratio: c.ratio(s.result.ratio), interval: c.interval(s.result.ratioInterval, places: 2))
    }, level: c.levelText))

    // Reach: the top-ranked district and how many are significantly under-reached.
    let under = SummarySection.count(a.priorities) { ($0.reach.ratioInterval?.upper ?? 1) < 1 }
    if let top = a.priorities.first {
      let state = c.consultationState(top.district)
      let share = state == .shown ? (ratio: NumberFormat.percent(top.reach.ratio), interval: c.percentInterval(top.reach.ratioInterval)) : nil
      lines.append(l.summaryReach(name: c.name(top.district), observed: c.consultationText(top.district),
                                  expected: NumberFormat.fixed(top.reach.expected, 1), needIndex: NumberFormat.fixed(top.needIndex, 2),
                                  share: share, level: c.levelText, underReached: under))
    }
    // The names straight from the priorities (filtering them copied every persistent one, a
    // few megabytes of fresh pages nationally, only to take its district).
    var persistent: [String] = []
    for k in a.priorities.indices where a.priorities[k].underReachedThreeMonths { persistent.append(c.name(a.priorities[k].district)) }
    if !persistent.isEmpty { lines.append(l.summaryPersistent(persistent)) }
    let covered = SummarySection.count(a.priorities) { $0.leaflets > 0 }
    lines.append(l.summaryPlan(leaflets: NumberFormat.grouped(a.leafletPlan.allocated), districts: covered, proposals: proposals))

    let figures = [
      KeyValue(key: l.factRunPeriod, value: l.periodWithWareki(a.runPeriod)),
      KeyValue(key: l.factWindow, value: window),
      KeyValue(key: l.figureConsultations, value: c.windowTotalText),
      KeyValue(key: l.figureDistricts, value: String(a.districts.count)),
      KeyValue(key: l.figureUnderReached, value: String(under)),
      KeyValue(key: l.figureLeaflets, value: "\(NumberFormat.grouped(a.leafletPlan.allocated)) / \(NumberFormat.grouped(a.leafletPlan.budget))"),
      KeyValue(key: l.figureProposals, value: String(proposals)),
    ]
    return (lines.map { Line(text: $0) }, figures)
  }
}
