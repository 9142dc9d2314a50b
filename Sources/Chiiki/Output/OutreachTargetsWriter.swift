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
    let labels = Labels(analysis.configuration.language)
    // The reasons cell's words, made once (`Labels.reasons` without its strings).
    let reasons = ReasonsText(labels, configuration: analysis.configuration)
    let indicatorCount = analysis.indicatorResults.count
    let districtCells = districtCells(analysis)
    var reasonBytes: [UInt8] = []
    reasonBytes.reserveCapacity(512)
    for p in analysis.priorities {
      csv.appendInt(p.rank)
      districtCells.append(4 * p.district, to: &csv)
      csv.appendFixed(p.score, 6)
      csv.appendFixed(p.needIndex, 6)
      csv.appendFixed(p.reach.observed, 0)
      csv.appendFixed(p.reach.expected, 6)
      csv.appendFixed(p.reach.missing, 6)
      csv.appendFixed(p.reach.ratio, 6)
      districtCells.append(4 * p.district + 1, to: &csv)
      csv.appendInt(p.leaflets)
      reasonBytes.removeAll(keepingCapacity: true)
      reasons.append(p.driverSet, to: &reasonBytes)
      reasonBytes.withUnsafeBufferPointer { csv.appendCell(utf8: $0) }
      districtCells.append(4 * p.district + 2, to: &csv)
      csv.appendFixed(p.reach.ratioInterval?.lower, 6)
      csv.appendFixed(p.reach.ratioInterval?.upper, 6)
      csv.appendFixed(p.reach.reliability, 6)
      csv.appendFixed(p.reach.shrunkMissing, 6)
      csv.appendCell(p.lowData ? "yes" : "no")
      if let previous = p.previousMonth { csv.appendInt(previous.rank) } else { csv.separate() }
      csv.appendFixed(p.previousMonth?.missing, 6)
      if let previous = p.previousYear { csv.appendInt(previous.rank) } else { csv.separate() }
      csv.appendFixed(p.previousYear?.missing, 6)
      csv.appendCell(p.underReachedThreeMonths ? "yes" : "no")
      if indicatorCount > 0 { districtCells.append(4 * p.district + 3, to: &csv) }
      csv.endRow()
    }
    return csv
  }

  /// What a row takes from its district, rendered once per district in district order, the
  /// district's entries side by side: entry 4d, its code and name cells; 4d + 1, its
  /// households cell; 4d + 2, its area cell; 4d + 3, its `*_smoothed_ratio` cells (empty
  /// where the indicator has no expected count). Rows come in rank order: reading each
  /// row's `District` (its strings retained) and every indicator's `IndicatorResult` was a
  /// cache miss each; one district's entries share one or two cache lines.
  static func districtCells(_ analysis: Analysis) -> RenderedCells {
    let results = analysis.indicatorResults
    var cells = RenderedCells(entries: 4 * analysis.districts.count, bytesEach: (32 + 9 * results.count) / 4)
    for (d, district) in analysis.districts.districts.enumerated() {
      cells.add(district.code.rawValue, district.name)
      cells.add { csv in if let households = district.households { csv.appendInt(households) } else { csv.appendCell("") } }
      cells.add(district.area ?? "")
      cells.add { csv in
        for i in results.indices {
          let r: IndicatorResult? = d < results[i].count ? results[i][d] : nil
          csv.appendFixed(r.flatMap { $0.expected > 0 ? $0.smoothedRatio : nil }, 6)
        }
      }
    }
    return cells
  }
}
