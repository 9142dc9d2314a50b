/// indicators.csv: one row per district x indicator (districts by code, indicators by id).
public enum IndicatorsWriter {
  static let header = [
    "district_code", "indicator", "observed", "expected", "ratio", "ratio_low", "ratio_high", "crude_rate",
    "crude_low", "crude_high", "smoothed_ratio", "funnel", "district_name", "period", "denominator",
    "shrinkage_weight", "funnel_unadjusted", "excluded_cells", "previous_period", "previous_ratio",
    "change_ratio", "change_low", "change_high", "change_significant",
  ]

  /// The text cells that repeat, rendered once (`RenderedCells`) instead of checked for
  /// quoting and neutralising on every row: per indicator its id, period and previous period;
  /// the funnel labels; the change's yes/no. A district's code and name are rendered once for
  /// its indicators' rows.
  public static func render(_ analysis: Analysis, sink: OutputSink? = nil) -> CSVWriter {
    var csv = CSVWriter(header: header)
    csv.sink = sink
    let summaries = analysis.indicatorSummaries
    // Entries 3i, 3i + 1, 3i + 2: indicator i's id, period and previous period.
    var indicatorCells = RenderedCells()
    for s in summaries {
      indicatorCells.add(s.indicator.rawValue)
      indicatorCells.add(s.period.description)
      indicatorCells.add(s.previousPeriod?.description ?? "")
    }
    // Entry `label.slot`: the label; then "yes" and "no".
    var words = RenderedCells()
    for label in FunnelLabel.allCases { words.add(label.rawValue) }
    let yes = words.count, no = yes + 1
    words.add("yes")
    words.add("no")
    // Entries 0 and 1: the code and the name of the current district.
    var districtCells = RenderedCells()
    for (d, district) in analysis.districts.districts.enumerated() {
      districtCells.removeAll()
      districtCells.add(district.code.rawValue)
      districtCells.add(district.name)
      for i in summaries.indices {
        let r = analysis.indicatorResults[i][d]
        let reported = r.expected > 0
        // Worked out from the trend store on each read: once per row.
        let change = r.change
        districtCells.append(0, to: &csv)
        indicatorCells.append(3 * i, to: &csv)
        csv.appendFixed(r.observed, 0)
        csv.appendFixed(r.expected, 6)
        csv.appendFixed(r.ratio, 6)
        csv.appendFixed(r.ratioInterval?.lower, 6)
        csv.appendFixed(r.ratioInterval?.upper, 6)
        csv.appendFixed(r.crudeRate, 8)
        csv.appendFixed(r.crudeInterval?.lower, 8)
        csv.appendFixed(r.crudeInterval?.upper, 8)
        csv.appendFixed(reported ? r.smoothedRatio : nil, 6)
        if reported { words.append(r.funnel.slot, to: &csv) } else { csv.separate() }
        districtCells.append(1, to: &csv)
        indicatorCells.append(3 * i + 1, to: &csv)
        csv.appendFixed(r.denominator, 0)
        csv.appendFixed(r.shrinkageWeight, 6)
        if reported { words.append(r.funnelUnadjusted.slot, to: &csv) } else { csv.separate() }
        csv.appendInt(r.excludedCells)
        indicatorCells.append(3 * i + 2, to: &csv)
        csv.appendFixed(r.previousRatio, 6)
        csv.appendFixed(change?.rateRatio, 6)
        csv.appendFixed(change?.interval.lower, 6)
        csv.appendFixed(change?.interval.upper, 6)
        if let change { words.append(change.isSignificant ? yes : no, to: &csv) } else { csv.separate() }
        csv.endRow()
      }
    }
    return csv
  }
}
