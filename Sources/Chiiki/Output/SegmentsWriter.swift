/// segments.csv: district x sex x age groups ranked for targeting.
public enum SegmentsWriter {
  /// Segments beyond this many are left out (national runs); the manifest says so.
  public static let maximumRows = 50_000

  public static func render(_ analysis: Analysis, sink: OutputSink? = nil) -> CSVWriter {
    let labels = Labels(analysis.configuration.language)
    var csv = CSVWriter(header: [
      "rank", "district_code", "district_name", "sex", "age_group", "priority_score", "need_index",
      "observed_consultations", "expected_consultations", "missing_consultations", "consultation_ratio",
      "population", "reasons", "area", "consultation_ratio_low", "consultation_ratio_high", "reliability", "shrunk_missing",
    ])
    csv.sink = sink
    let f = NumberFormat.fixed
    for s in analysis.segments.prefix(maximumRows) {
      let district = analysis.districts.districts[s.district]
      csv.appendRow([
        String(s.rank), district.code.rawValue, district.name, s.sex.code, s.band.description, f(s.score, 6),
        f(s.needIndex, 6), f(s.reach.observed, 0), f(s.reach.expected, 6), f(s.reach.missing, 6), f(s.reach.ratio, 6),
        f(s.population, 0), labels.reasons(s.drivers, configuration: analysis.configuration), district.area ?? "",
        f(s.reach.ratioInterval?.lower, 6), f(s.reach.ratioInterval?.upper, 6), f(s.reach.reliability, 6),
        f(s.reach.shrunkMissing, 6),
      ])
    }
    return csv
  }
}
