/// What every section of the meeting report shares: the analysis, the words of the language,
/// and one decision per printed count about what may be shown (see `Suppression`).
struct ReportContext {
  let analysis: Analysis
  let dataset: Dataset
  let labels: Labels
  let suppression: Suppression
  /// Window consultations per district (index = district), printed with their total C.
  let districtConsultations: Suppression.Group
  /// Window consultations per category (in `analysis.categorySummaries` order), with total C.
  let categoryConsultations: Suppression.Group
  /// Monthly city consultations (in `analysis.monthlyConsultations` order); months of the
  /// current window and of the window a year earlier are protected as groups with their totals.
  let monthlyStates: [Suppression.State]
  /// Consultations of the window a year earlier, when twelve earlier months are kept.
  let previousYearTotal: (value: Int, shown: Bool)?
  /// Whether the window total C may be printed (every group it totals is safe).
  let windowTotalShown: Bool
  /// Rank lookup: per district index, the position of its DistrictPriority in
  /// `analysis.priorities` (-1 for none; the last one should a district appear twice).
  let priorityPosition: [Int]
  /// Whether no district appears twice in `analysis.priorities`, so that
  /// `priorityPosition[priorities[i].district] == i` for every i (a ranking lists each district
  /// once; a hand-made analysis might not).
  let prioritiesListEachDistrictOnce: Bool
  /// Indicator summaries with their per-district results, in analysis order.
  let indicators: [(summary: IndicatorSummary, results: [IndicatorResult])]

  init(analysis: Analysis, dataset: Dataset) {
    self.analysis = analysis
    self.dataset = dataset
    labels = Labels(analysis.configuration.language)
    let s = Suppression(threshold: analysis.configuration.smallCellThreshold)
    suppression = s
    var byDistrict = [Int](repeating: 0, count: analysis.districts.count)
    var priorityPosition = [Int](repeating: -1, count: analysis.districts.count)
    var unique = true
    for (i, p) in analysis.priorities.enumerated() {
      byDistrict[p.district] = Int(p.reach.observed.rounded())
      if priorityPosition[p.district] >= 0 { unique = false }
      priorityPosition[p.district] = i
    }
    self.priorityPosition = priorityPosition
    prioritiesListEachDistrictOnce = unique
    indicators = Array(zip(analysis.indicatorSummaries, analysis.indicatorResults))
    districtConsultations = s.group(byDistrict)
    categoryConsultations = s.group(analysis.categorySummaries.map(\.consultations))

    // Months: the window (last `windowMonths`) and, if kept, the twelve before it.
    let months = analysis.monthlyConsultations.map(\.count)
    var states = months.map { s.state($0) }
    let window = analysis.configuration.windowMonths
    let windowStart = max(0, months.count - window)
    let current = s.group(Array(months[windowStart...]))
    windowTotalShown = current.totalShown && districtConsultations.totalShown && categoryConsultations.totalShown
    for (i, st) in current.states.enumerated() { states[windowStart + i] = st }
    var previous: (Int, Bool)? = nil
    if windowStart >= window {
      let start = windowStart - window
      let group = s.group(Array(months[start..<windowStart]))
      for (i, st) in group.states.enumerated() { states[start + i] = st }
      previous = (group.total, group.totalShown)
    }
    monthlyStates = states
    previousYearTotal = previous
  }

  var configuration: Configuration { analysis.configuration }

  func name(_ district: Int) -> String { analysis.districts.districts[district].name }

  /// State of a district's window consultations (primary, secondary or shown).
  func consultationState(_ district: Int) -> Suppression.State { districtConsultations.states[district] }

  /// The window consultations of a district as printed.
  func consultationText(_ district: Int) -> String {
    suppression.text(districtConsultations.counts[district], consultationState(district), labels: labels)
  }

  /// The window total C as printed (masked if it would reveal a suppressed district).
  var windowTotalText: String {
    windowTotalShown ? NumberFormat.grouped(analysis.windowConsultations) : labels.masked
  }

  /// An indicator count (persons) printed on its own.
  func personCount(_ value: Double) -> String { suppression.count(Int(value.rounded()), labels: labels) }

  /// True when an indicator's observed count of a district must not be shown or derived.
  func indicatorMasked(_ result: IndicatorResult) -> Bool { suppression.isSmall(result.observed) }

  /// The configured confidence level as text: 95.
  var levelText: String {
    let pct = configuration.confidenceLevel * 100
    return NumberFormat.fixed(pct, pct == pct.rounded() ? 0 : 1)
  }

  /// First and last month of the consultation window.
  var windowStart: Period { analysis.runPeriod.adding(months: -(configuration.windowMonths - 1)) }

  func ratio(_ value: Double?) -> String { value.map { NumberFormat.fixed($0, 2) } ?? labels.masked }

  func interval(_ interval: Interval?, places: Int = 2) -> String {
    guard let interval, interval.lower.isFinite, interval.upper.isFinite else { return labels.masked }
    return "\(NumberFormat.fixed(interval.lower, places))–\(NumberFormat.fixed(interval.upper, places))"
  }

  func percentInterval(_ interval: Interval?) -> String {
    guard let interval, interval.lower.isFinite, interval.upper.isFinite else { return labels.masked }
    return "\(NumberFormat.percent(interval.lower))–\(NumberFormat.percent(interval.upper))"
  }

  /// Reasons for a district's priority in words, with the consultation share masked when the
  /// district's count is suppressed and intervals masked where the indicator count is small.
  func reasons(_ drivers: [PriorityDriver], district: Int?, consultationState: Suppression.State) -> String {
    drivers.compactMap { driver -> String? in
      switch driver {
      case .need(let id, let ratio, let interval):
        let masked = district.flatMap { d in indicators.first { $0.summary.indicator == id }.map { indicatorMasked($0.results[d]) } } ?? false
        if masked { return labels.needReasonPlain(configuration.indicator(id)) }
        return labels.needReason(configuration.indicator(id), ratio: ratio, interval: interval, level: configuration.confidenceLevel)
      case .reach(let ratio):
        return consultationState == .shown ? labels.reachReason(ratio: ratio) : labels.reachReasonMasked
      case .lowData:
        return labels.lowDataReason
      }
    }.joined(separator: labels.listSeparator)
  }
}
