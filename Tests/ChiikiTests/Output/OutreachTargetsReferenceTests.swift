import Foundation
import Testing

@testable import Chiiki

/// outreach_targets.csv against the row code it replaced (kept here as the reference): each
/// row read its `District` and every indicator's result in rank order; the writer now reads
/// pre-rendered district cells and a district-major table of smoothed ratios.
@Suite struct OutreachTargetsReferenceTests {
  static func reference(_ analysis: Analysis) -> [UInt8] {
    var csv = CSVWriter(header: OutreachTargetsWriter.header(analysis))
    let labels = Labels(analysis.configuration.language)
    let reasons = ReasonsText(labels, configuration: analysis.configuration)
    var reasonBytes = ByteText(capacity: 512)
    for p in analysis.priorities {
      let district = analysis.districts.districts[p.district]
      csv.appendInt(p.rank)
      csv.appendCell(district.code.rawValue)
      csv.appendCell(district.name)
      csv.appendFixed(p.score, 6)
      csv.appendFixed(p.needIndex, 6)
      csv.appendFixed(p.reach.observed, 0)
      csv.appendFixed(p.reach.expected, 6)
      csv.appendFixed(p.reach.missing, 6)
      csv.appendFixed(p.reach.ratio, 6)
      if let households = district.households { csv.appendInt(households) } else { csv.appendCell("") }
      csv.appendInt(p.leaflets)
      reasonBytes.removeAll()
      reasons.append(p.drivers, to: &reasonBytes)
      reasonBytes.withUnsafeBufferPointer { csv.appendCell(utf8: $0) }
      csv.appendCell(district.area ?? "")
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
      for results in analysis.indicatorResults {
        let r = results[p.district]
        csv.appendFixed(r.expected > 0 ? r.smoothedRatio : nil, 6)
      }
      csv.endRow()
    }
    return csv.data
  }

  @Test func matchesTheReferenceRows() throws {
    var a = try WriterRowsTests.analysis()
    #expect(a.priorities.count > 10)
    #expect(OutreachTargetsWriter.render(a).data == Self.reference(a))
    // Awkward district texts (quotes, commas, formula leads, no area, no households) and
    // results with no expected count or a non-finite smoothed ratio.
    var districts = a.districts.districts
    let names = ["a,b", "=1+1", "say \"hi\"", "-5", "東京", ""]
    for d in districts.indices {
      districts[d].name = names[d % names.count]
      districts[d].area = d % 3 == 0 ? nil : names[(d + 1) % names.count]
      districts[d].households = d % 4 == 0 ? nil : d * 7
    }
    a.districts = DistrictTable(districts)
    for i in a.indicatorResults.indices {
      for d in a.indicatorResults[i].indices where d % 5 == i % 5 {
        a.indicatorResults[i][d].smoothedRatio = d % 2 == 0 ? .nan : -.infinity
      }
      for d in a.indicatorResults[i].indices where d % 7 == 0 { a.indicatorResults[i][d].expected = 0 }
    }
    #expect(OutreachTargetsWriter.render(a).data == Self.reference(a))
  }
}
