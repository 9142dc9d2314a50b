/// indicators.csv: one row per district x indicator (districts by code, indicators by id).
public enum IndicatorsWriter {
  static let header = [
    "district_code", "indicator", "observed", "expected", "ratio", "ratio_low", "ratio_high", "crude_rate",
    "crude_low", "crude_high", "smoothed_ratio", "funnel", "district_name", "period", "denominator",
    "shrinkage_weight", "funnel_unadjusted", "excluded_cells", "previous_period", "previous_ratio",
    "change_ratio", "change_low", "change_high", "change_significant",
  ]

  public static func render(_ analysis: Analysis, sink: OutputSink? = nil) -> CSVWriter {
    var csv = CSVWriter(header: header)
    csv.sink = sink
    Rows(analysis).append(0..<analysis.districts.count, to: &csv)
    return csv
  }

  /// The rows of a range of districts (a district's rows are its indicators), so that the file
  /// can be rendered by row range: consecutive ranges give the bytes of one pass.
  struct Rows: Sendable {
    let analysis: Analysis
    // The same for every district: made once.
    let ids: [String]
    let periods: [String]
    let previous: [String]

    init(_ analysis: Analysis) {
      self.analysis = analysis
      ids = analysis.indicatorSummaries.map(\.indicator.rawValue)
      periods = analysis.indicatorSummaries.map(\.period.description)
      previous = analysis.indicatorSummaries.map { $0.previousPeriod?.description ?? "" }
    }

    func append(_ districts: Range<Int>, to csv: inout CSVWriter) {
      for d in districts {
        let district = analysis.districts.districts[d]
        for i in analysis.indicatorSummaries.indices {
          let r = analysis.indicatorResults[i][d]
          let reported = r.expected > 0
          // Worked out from the trend store on each read: once per row.
          let change = r.change
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
          csv.appendFixed(change?.rateRatio, 6)
          csv.appendFixed(change?.interval.lower, 6)
          csv.appendFixed(change?.interval.upper, 6)
          csv.appendCell(change.map { $0.isSignificant ? "yes" : "no" } ?? "")
          csv.endRow()
        }
      }
    }
  }
}
