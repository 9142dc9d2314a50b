/// indicators.csv: one row per district x indicator (districts by code, indicators by id).
public enum IndicatorsWriter {
  public static func render(_ analysis: Analysis, sink: OutputSink? = nil) -> CSVWriter {
    var csv = CSVWriter(header: [
      "district_code", "indicator", "observed", "expected", "ratio", "ratio_low", "ratio_high", "crude_rate",
      "crude_low", "crude_high", "smoothed_ratio", "funnel", "district_name", "period", "denominator",
      "shrinkage_weight", "funnel_unadjusted", "excluded_cells", "previous_period", "previous_ratio",
      "change_ratio", "change_low", "change_high", "change_significant",
    ])
    csv.sink = sink
    // The same for every district: made once.
    let ids = analysis.indicatorSummaries.map(\.indicator.rawValue)
    let periods = analysis.indicatorSummaries.map(\.period.description)
    let previous = analysis.indicatorSummaries.map { $0.previousPeriod?.description ?? "" }
    for d in 0..<analysis.districts.count {
      let district = analysis.districts.districts[d]
      for i in analysis.indicatorSummaries.indices {
        let r = analysis.indicatorResults[i][d]
        let reported = r.expected > 0
        csv.appendCell(district.code.rawValue)
        csv.appendCell(ids[i])
        csv.appendFixed(r.observed, 0)
        csv.appendFixed(r.expected, 6)
        csv.appendFixed(r.ratio, 6)
        csv.appendFixed(r.ratioInterval?.lower, 6)
        csv.appendFixed(r.ratioInterval?.upper, 6)
        csv.appendFixed(r.crudeRate, 8)
        csv.appendFixed(r.crudeInterval?.lower, 8)
        csv.appendFixed(r.crudeInterval?.upper, 8)
        csv.appendFixed(reported ? r.smoothedRatio : nil, 6)
        csv.appendCell(reported ? r.funnel.rawValue : "")
        csv.appendCell(district.name)
        csv.appendCell(periods[i])
        csv.appendFixed(r.denominator, 0)
        csv.appendFixed(r.shrinkageWeight, 6)
        csv.appendCell(reported ? r.funnelUnadjusted.rawValue : "")
        csv.appendInt(r.excludedCells)
        csv.appendCell(previous[i])
        csv.appendFixed(r.previousRatio, 6)
        csv.appendFixed(r.change?.rateRatio, 6)
        csv.appendFixed(r.change?.interval.lower, 6)
        csv.appendFixed(r.change?.interval.upper, 6)
        csv.appendCell(r.change.map { $0.isSignificant ? "yes" : "no" } ?? "")
        csv.endRow()
      }
    }
    return csv
  }
}
