/// reach_by_category.csv: per consultation category (主訴) and district, consultations against the
/// need of the indicators the category answers (configuration `categories` of each indicator).
public enum CategoryReachWriter {
  static let header = [
    "category", "district_code", "district_name", "indicators", "observed_consultations", "expected_consultations",
    "missing_consultations", "consultation_ratio", "consultation_ratio_low", "consultation_ratio_high",
  ]

  public static func render(_ analysis: Analysis, sink: OutputSink? = nil) -> CSVWriter? {
    guard !analysis.categoryReach.isEmpty else { return nil }
    var csv = CSVWriter(header: header)
    csv.sink = sink
    Rows(analysis).append(0..<analysis.categoryReach.count, to: &csv)
    return csv
  }

  /// The data rows by position, so that the file can be rendered by row range:
  /// `append` over consecutive ranges of `0..<categoryReach.count` gives the same bytes as one
  /// pass.
  struct Rows: Sendable {
    let analysis: Analysis
    let indicatorText: [CaseCategory: String]

    init(_ analysis: Analysis) {
      self.analysis = analysis
      let mapped = Dictionary(uniqueKeysWithValues: analysis.categorySummaries.map { ($0.category, $0.indicators) })
      indicatorText = mapped.mapValues { ids in ids.isEmpty ? "all" : ids.map(\.rawValue).joined(separator: "+") }
    }

    func append(_ positions: Range<Int>, to csv: inout CSVWriter) {
      // Rows come category by category: the indicators' text is looked up once per category,
      // not hashed per row.
      var current: (category: CaseCategory, text: String)? = nil
      let districts = analysis.districts.districts
      analysis.categoryReach.forEachRow(in: positions) { row in
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
    }
  }
}
