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
    let mapped = Dictionary(uniqueKeysWithValues: analysis.categorySummaries.map { ($0.category, $0.indicators) })
    let indicatorText = mapped.mapValues { ids in ids.isEmpty ? "all" : ids.map(\.rawValue).joined(separator: "+") }
    // Rows come category by category: the indicators' text is looked up once per category,
    // not hashed per row.
    var current: (category: CaseCategory, text: String)? = nil
    let districts = analysis.districts.districts
    analysis.categoryReach.forEachRow { row in
      if current?.category != row.category { current = (row.category, indicatorText[row.category] ?? "all") }
      csv.appendCell(row.category.rawValue)
      csv.appendCell(districts[row.district].code.rawValue)
      csv.appendCell(districts[row.district].name)
      csv.appendCell(current?.text ?? "all")
      csv.appendFixed(row.reach.observed, 0)
      csv.appendFixed(row.reach.expected, 6)
      csv.appendFixed(row.reach.missing, 6)
      csv.appendFixed(row.reach.ratio, 6)
      csv.appendFixed(row.reach.ratioInterval?.lower, 6)
      csv.appendFixed(row.reach.ratioInterval?.upper, 6)
      csv.endRow()
    }
    return csv
  }
}
