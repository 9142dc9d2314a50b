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
    for a in analysis.areas {
      csv.appendCell(a.area)
      csv.appendInt(a.districts.count)
      csv.appendFixed(a.needIndex, 6)
      csv.appendFixed(a.reach.observed, 0)
      csv.appendFixed(a.reach.expected, 6)
      csv.appendFixed(a.reach.missing, 6)
      csv.appendFixed(a.reach.ratio, 6)
      csv.appendFixed(a.reach.ratioInterval?.lower, 6)
      csv.appendFixed(a.reach.ratioInterval?.upper, 6)
      csv.appendInt(a.households)
      csv.appendInt(a.leaflets)
      for i in indicators {
        let v = a.indicators[i]
        csv.appendFixed(v?.observed, 0)
        csv.appendFixed(v?.expected, 6)
        csv.appendFixed(v?.ratio, 6)
        csv.appendFixed(v?.interval?.lower, 6)
        csv.appendFixed(v?.interval?.upper, 6)
      }
      csv.endRow()
    }
    return csv
  }
}
