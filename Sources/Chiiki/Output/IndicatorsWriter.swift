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
    let f = NumberFormat.fixed
    for d in 0..<analysis.districts.count {
      let district = analysis.districts.districts[d]
      for (i, summary) in analysis.indicatorSummaries.enumerated() {
        let r = analysis.indicatorResults[i][d]
        csv.appendRow([
          district.code.rawValue, summary.indicator.rawValue, f(r.observed, 0), f(r.expected, 6), f(r.ratio, 6),
          f(r.ratioInterval?.lower, 6), f(r.ratioInterval?.upper, 6), f(r.crudeRate, 8), f(r.crudeInterval?.lower, 8),
          f(r.crudeInterval?.upper, 8), r.expected > 0 ? f(r.smoothedRatio, 6) : "", r.expected > 0 ? r.funnel.rawValue : "",
          district.name, summary.period.description, f(r.denominator, 0), f(r.shrinkageWeight, 6),
          r.expected > 0 ? r.funnelUnadjusted.rawValue : "", String(r.excludedCells),
          summary.previousPeriod?.description ?? "", f(r.previousRatio, 6), f(r.change?.rateRatio, 6),
          f(r.change?.interval.lower, 6), f(r.change?.interval.upper, 6),
          r.change.map { $0.isSignificant ? "yes" : "no" } ?? "",
        ])
      }
    }
    return csv
  }
}
