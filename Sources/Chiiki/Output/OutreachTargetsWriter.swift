/// outreach_targets.csv: districts ranked for outreach, with the contract's columns first.
public enum OutreachTargetsWriter {
  public static func render(_ analysis: Analysis, sink: OutputSink? = nil) -> CSVWriter {
    let labels = Labels(analysis.configuration.language)
    let indicators = analysis.indicatorSummaries.map(\.indicator)
    var csv = CSVWriter(header: [
      "rank", "district_code", "district_name", "priority_score", "need_index", "observed_consultations",
      "expected_consultations", "missing_consultations", "consultation_ratio", "households", "leaflets", "reasons",
      "area", "consultation_ratio_low", "consultation_ratio_high", "reliability", "shrunk_missing", "low_data",
      "rank_previous_month", "missing_previous_month", "rank_previous_year", "missing_previous_year",
      "under_reached_3_months",
    ] + indicators.map { "\($0)_smoothed_ratio" })
    csv.sink = sink
    let f = NumberFormat.fixed
    for p in analysis.priorities {
      let district = analysis.districts.districts[p.district]
      var row = [
        String(p.rank), district.code.rawValue, district.name, f(p.score, 6), f(p.needIndex, 6),
        f(p.reach.observed, 0), f(p.reach.expected, 6), f(p.reach.missing, 6), f(p.reach.ratio, 6),
        district.households.map(String.init) ?? "", String(p.leaflets),
        labels.reasons(p.drivers, configuration: analysis.configuration),
        district.area ?? "", f(p.reach.ratioInterval?.lower, 6), f(p.reach.ratioInterval?.upper, 6),
        f(p.reach.reliability, 6), f(p.reach.shrunkMissing, 6), p.lowData ? "yes" : "no",
        p.previousMonth.map { String($0.rank) } ?? "", f(p.previousMonth?.missing, 6),
        p.previousYear.map { String($0.rank) } ?? "", f(p.previousYear?.missing, 6),
        p.underReachedThreeMonths ? "yes" : "no",
      ]
      for results in analysis.indicatorResults {
        let r = results[p.district]
        row.append(r.expected > 0 ? f(r.smoothedRatio, 6) : "")
      }
      csv.appendRow(row)
    }
    return csv
  }
}
