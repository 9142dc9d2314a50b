/// outreach_targets.csv: districts ranked for outreach, with the contract's columns first.
public enum OutreachTargetsWriter {
  static func header(_ analysis: Analysis) -> [String] {
    [
      "rank", "district_code", "district_name", "priority_score", "need_index", "observed_consultations",
      "expected_consultations", "missing_consultations", "consultation_ratio", "households", "leaflets", "reasons",
      "area", "consultation_ratio_low", "consultation_ratio_high", "reliability", "shrunk_missing", "low_data",
      "rank_previous_month", "missing_previous_month", "rank_previous_year", "missing_previous_year",
      "under_reached_3_months",
    ] + analysis.indicatorSummaries.map { "\($0.indicator)_smoothed_ratio" }
  }

  public static func render(_ analysis: Analysis, sink: OutputSink? = nil) -> CSVWriter {
    var csv = CSVWriter(header: header(analysis))
    csv.sink = sink
    Rows(analysis).append(0..<analysis.priorities.count, to: &csv)
    return csv
  }

  /// The rows at a range of positions in `analysis.priorities`, so that the file can be
  /// rendered by row range: consecutive ranges give the bytes of one pass.
  struct Rows: Sendable {
    let analysis: Analysis
    let labels: Labels
    /// The reasons cell's words, made once (`Labels.reasons` without its strings).
    let reasons: ReasonsText
    /// The `*_smoothed_ratio` cells' values by district, the district's indicators side by
    /// side (`smoothed[d * indicatorCount + i]`; NaN where the cell is empty, which
    /// `appendFixed` writes as it writes nil). Rows come in rank order, so reading the results
    /// themselves touched one scattered `IndicatorResult` per indicator and row: gathered here
    /// in one sequential pass, a row reads one cache line.
    let smoothed: [Double]
    let indicatorCount: Int
    /// Per district d, entry 2d: its code and name cells, entry 2d + 1: its area cell, rendered
    /// once in district order (rows come in rank order: reading each row's `District` and its
    /// strings was a cache miss and several retains per row).
    let districtCells: RenderedCells
    /// Per district, its households (nil: the cell is empty).
    let households: [Int?]

    init(_ analysis: Analysis) {
      self.analysis = analysis
      labels = Labels(analysis.configuration.language)
      reasons = ReasonsText(labels, configuration: analysis.configuration)
      smoothed = Rows.smoothedTable(analysis)
      indicatorCount = analysis.indicatorResults.count
      var cells = RenderedCells(entries: 2 * analysis.districts.count, bytesEach: 24)
      for district in analysis.districts.districts {
        cells.add(district.code.rawValue, district.name)
        cells.add(district.area ?? "")
      }
      districtCells = cells
      households = analysis.districts.districts.map(\.households)
    }

    /// See `smoothed`.
    static func smoothedTable(_ analysis: Analysis) -> [Double] {
      let k = analysis.indicatorResults.count
      let n = analysis.indicatorResults.map(\.count).max() ?? 0
      var table = [Double](repeating: .nan, count: n * k)
      for (i, results) in analysis.indicatorResults.enumerated() {
        for (d, r) in results.enumerated() where r.expected > 0 { table[d * k + i] = r.smoothedRatio }
      }
      return table
    }

    func append(_ positions: Range<Int>, to csv: inout CSVWriter) {
      var reasonBytes: [UInt8] = []
      reasonBytes.reserveCapacity(512)
      for k in positions {
        let p = analysis.priorities[k]
        csv.appendInt(p.rank)
        districtCells.append(2 * p.district, to: &csv)
        csv.appendFixed(p.score, 6)
        csv.appendFixed(p.needIndex, 6)
        csv.appendFixed(p.reach.observed, 0)
        csv.appendFixed(p.reach.expected, 6)
        csv.appendFixed(p.reach.missing, 6)
        csv.appendFixed(p.reach.ratio, 6)
        if let households = households[p.district] { csv.appendInt(households) } else { csv.appendCell("") }
        csv.appendInt(p.leaflets)
        reasonBytes.removeAll(keepingCapacity: true)
        reasons.append(p.drivers, to: &reasonBytes)
        reasonBytes.withUnsafeBufferPointer { csv.appendCell(utf8: $0) }
        districtCells.append(2 * p.district + 1, to: &csv)
        csv.appendFixed(p.reach.ratioInterval?.lower, 6)
        csv.appendFixed(p.reach.ratioInterval?.upper, 6)
        csv.appendFixed(p.reach.reliability, 6)
        csv.appendFixed(p.reach.shrunkMissing, 6)
        csv.appendCell(p.lowData ? "yes" : "no")
        if let previous = p.previousMonth { csv.appendInt(previous.rank) } else { csv.appendCell("") }
        csv.appendFixed(p.previousMonth?.missing, 6)
        if let previous = p.previousYear { csv.appendInt(previous.rank) } else { csv.appendCell("") }
        csv.appendFixed(p.previousYear?.missing, 6)
        csv.appendCell(p.underReachedThreeMonths ? "yes" : "no")
        let first = p.district * indicatorCount
        for i in 0..<indicatorCount { csv.appendFixed(smoothed[first + i], 6) }
        csv.endRow()
      }
    }
  }
}
