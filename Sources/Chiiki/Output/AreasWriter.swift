/// areas.csv: the outreach table rolled up by area (日常生活圏域), when districts have one.
public enum AreasWriter {
  public static func render(_ analysis: Analysis, sink: OutputSink? = nil) -> CSVWriter? {
    guard !analysis.areas.isEmpty else { return nil }
    let indicators = analysis.indicatorSummaries.map(\.indicator)
    var header = ["area", "districts", "need_index", "observed_consultations", "expected_consultations",
                  "missing_consultations", "consultation_ratio", "consultation_ratio_low", "consultation_ratio_high",
                  "households", "leaflets"]
    for i in indicators { header += ["\(i)_observed", "\(i)_expected", "\(i)_ratio", "\(i)_ratio_low", "\(i)_ratio_high"] }
    var csv = CSVWriter(header: header)
    csv.sink = sink
    let f = NumberFormat.fixed
    for a in analysis.areas {
      var row = [a.area, String(a.districts.count), f(a.needIndex, 6), f(a.reach.observed, 0), f(a.reach.expected, 6),
                 f(a.reach.missing, 6), f(a.reach.ratio, 6), f(a.reach.ratioInterval?.lower, 6),
                 f(a.reach.ratioInterval?.upper, 6), String(a.households), String(a.leaflets)]
      for i in indicators {
        let v = a.indicators[i]
        row += [f(v?.observed, 0), f(v?.expected, 6), f(v?.ratio, 6), f(v?.interval?.lower, 6), f(v?.interval?.upper, 6)]
      }
      csv.appendRow(row)
    }
    return csv
  }
}
