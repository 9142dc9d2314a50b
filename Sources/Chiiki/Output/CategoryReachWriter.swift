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
    Rows(analysis).append(to: &csv)
    return csv
  }

  /// The data rows, with what they repeat rendered once.
  struct Rows: Sendable {
    let analysis: Analysis
    let indicatorText: [CaseCategory: String]
    /// Each district's code and name cells, rendered once for all its categories' rows.
    let districtCells: RenderedCells

    init(_ analysis: Analysis) {
      self.analysis = analysis
      var cells = RenderedCells(entries: analysis.districts.count, bytesEach: 32)
      for district in analysis.districts.districts { cells.add(district.code.rawValue, district.name) }
      districtCells = cells
      let mapped = Dictionary(uniqueKeysWithValues: analysis.categorySummaries.map { ($0.category, $0.indicators) })
      indicatorText = mapped.mapValues { ids in ids.isEmpty ? "all" : ids.map(\.rawValue).joined(separator: "+") }
    }

    func append(to csv: inout CSVWriter) {
      // Rows come category by category: the category's cells (its name, the indicators' text)
      // are rendered once per category, not looked up and escaped per row.
      var current: CaseCategory? = nil
      var categoryCells = RenderedCells()
      // (Over the whole range through `forEachRow(in:)`: the closure is then inlined into the
      // loop, its variables not captured in a box.)
      analysis.categoryReach.forEachRow(in: 0..<analysis.categoryReach.count) { row in
        if current != row.category {
          current = row.category
          categoryCells.removeAll()
          categoryCells.add(row.category.rawValue)
          categoryCells.add(indicatorText[row.category] ?? "all")
        }
        // The row in one reserved room (`CSVRowRoom`): the cells' bytes as `appendCell`,
        // `appendFixed` and `endRow` give them.
        let reach = row.reach
        let category = categoryCells.entry(0)
        let district = districtCells.entry(row.district)
        let indicators = categoryCells.entry(1)
        var room = csv.rowRoom(category.count + district.count + indicators.count + 2 + CSVRowRoom.fixedBytes(0) + 5 * CSVRowRoom.fixedBytes(6) + 2)
        room.put(category)
        room.putCell(district)
        room.putCell(indicators)
        room.fixed0(reach.observed)
        room.fixed6(reach.expected)
        room.fixed6(reach.missing)
        room.fixed6(reach.ratio)
        room.fixed6(reach.ratioInterval?.lower)
        room.fixed6(reach.ratioInterval?.upper)
        room.endRow()
        csv.commitRow(room)
      }
    }
  }
}
