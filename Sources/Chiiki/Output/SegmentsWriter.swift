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
    // The reasons cell as bytes (`ReasonsText`, the bytes of `Labels.reasons`): building its
    // strings per row was half of this file's time.
    let reasons = ReasonsText(labels, configuration: analysis.configuration)
    var reasonBytes = ByteText(capacity: 512)
    for s in analysis.segments.prefix(maximumRows) {
      let district = analysis.districts.districts[s.district]
      csv.appendInt(s.rank)
      csv.appendCell(district.code.rawValue)
      csv.appendCell(district.name)
      csv.appendCell(s.sex.code)
      csv.appendCell(s.band.description)
      csv.appendFixed(s.score, 6)
      csv.appendFixed(s.needIndex, 6)
      csv.appendFixed(s.reach.observed, 0)
      csv.appendFixed(s.reach.expected, 6)
      csv.appendFixed(s.reach.missing, 6)
      csv.appendFixed(s.reach.ratio, 6)
      csv.appendFixed(s.population, 0)
      reasonBytes.removeAll()
      reasons.append(s.drivers, to: &reasonBytes)
      reasonBytes.withUnsafeBufferPointer { csv.appendCell(utf8: $0) }
      csv.appendCell(district.area ?? "")
      csv.appendFixed(s.reach.ratioInterval?.lower, 6)
      csv.appendFixed(s.reach.ratioInterval?.upper, 6)
      csv.appendFixed(s.reach.reliability, 6)
      csv.appendFixed(s.reach.shrunkMissing, 6)
      csv.endRow()
    }
    return csv
  }
}
