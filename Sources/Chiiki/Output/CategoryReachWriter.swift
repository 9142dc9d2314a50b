/// reach_by_category.csv: per consultation category (主訴) and district, consultations against the
/// need of the indicators the category answers (configuration `categories` of each indicator).
public enum CategoryReachWriter {
  public static func render(_ analysis: Analysis, sink: OutputSink? = nil) -> CSVWriter? {
    guard !analysis.categoryReach.isEmpty else { return nil }
    var csv = CSVWriter(header: [
      "category", "district_code", "district_name", "indicators", "observed_consultations", "expected_consultations",
      "missing_consultations", "consultation_ratio", "consultation_ratio_low", "consultation_ratio_high",
    ])
    csv.sink = sink
    let f = NumberFormat.fixed
    let mapped = Dictionary(uniqueKeysWithValues: analysis.categorySummaries.map { ($0.category, $0.indicators) })
    analysis.categoryReach.forEachRow { row in
      let d = analysis.districts.districts[row.district]
      let ids = (mapped[row.category] ?? []).map(\.rawValue)
      csv.appendRow([
        row.category.rawValue, d.code.rawValue, d.name, ids.isEmpty ? "all" : ids.joined(separator: "+"),
        f(row.reach.observed, 0), f(row.reach.expected, 6), f(row.reach.missing, 6), f(row.reach.ratio, 6),
        f(row.reach.ratioInterval?.lower, 6), f(row.reach.ratioInterval?.upper, 6),
      ])
    }
    return csv
  }
}
