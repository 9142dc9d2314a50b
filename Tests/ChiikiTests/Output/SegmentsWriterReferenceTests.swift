import Foundation
import Testing

@testable import Chiiki

/// segments.csv against the row code it replaced (kept here as the reference), which built
/// the reasons cell with `Labels.reasons` per row; in both languages.
@Suite struct SegmentsWriterReferenceTests {
  static func reference(_ analysis: Analysis) -> [UInt8] {
    let labels = Labels(analysis.configuration.language)
    var csv = CSVWriter(header: [
      "rank", "district_code", "district_name", "sex", "age_group", "priority_score", "need_index",
      "observed_consultations", "expected_consultations", "missing_consultations", "consultation_ratio",
      "population", "reasons", "area", "consultation_ratio_low", "consultation_ratio_high", "reliability", "shrunk_missing",
    ])
    for s in analysis.segments.prefix(SegmentsWriter.maximumRows) {
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
      csv.appendCell(labels.reasons(s.drivers, configuration: analysis.configuration))
      csv.appendCell(district.area ?? "")
      csv.appendFixed(s.reach.ratioInterval?.lower, 6)
      csv.appendFixed(s.reach.ratioInterval?.upper, 6)
      csv.appendFixed(s.reach.reliability, 6)
      csv.appendFixed(s.reach.shrunkMissing, 6)
      csv.endRow()
    }
    return csv.data
  }

  @Test func matchesTheReferenceRows() throws {
    var a = try WriterRowsTests.analysis()
    #expect(a.segments.contains { !$0.drivers.isEmpty })
    for language in [ReportLanguage.ja, .en] {
      a.configuration.language = language
      #expect(SegmentsWriter.render(a).data == Self.reference(a), "\(language)")
    }
  }
}
