import Foundation
import Testing

@testable import Chiiki

/// The large CSV writers against the row code they replaced (kept here as references):
/// indicators.csv and reach_by_category.csv now append text cells rendered once
/// (`RenderedCells`), referral_outcomes.csv builds a district's cells once and only the figures
/// per row. Also `CategoryReachTable.forEachRow(in:)` against the reference `forEachRow`.
@Suite struct WriterRowsTests {
  /// Splits `0..<count` at random points (seeded).
  static func randomRanges(_ count: Int, seed: UInt64) -> [Range<Int>] {
    var rng = ResourceRandom(seed)
    var cuts = [0, count]
    for _ in 0..<Int(rng.next() % 8) { cuts.append(Int(rng.next() % UInt64(count + 1))) }
    cuts.sort()
    return zip(cuts, cuts.dropFirst()).map { $0..<$1 }
  }

  static func analysis() throws -> Analysis {
    try ResourceFixture.analyse(ReportRun.repositoryRoot + "/data").0
  }

  /// The analysis with awkward district texts (quotes, commas, formula leads, empty names, no
  /// area) and results with no expected count or non-finite values.
  static func awkward(_ analysis: Analysis) -> Analysis {
    var a = analysis
    var districts = a.districts.districts
    let names = ["a,b", "=1+1", "say \"hi\"", "-5", "東京", "", "line\nbreak", "+0.5"]
    for d in districts.indices {
      districts[d].name = names[d % names.count]
      districts[d].area = d % 3 == 0 ? nil : names[(d + 1) % names.count]
    }
    a.districts = DistrictTable(districts)
    for i in a.indicatorResults.indices {
      for d in a.indicatorResults[i].indices where d % 5 == i % 5 {
        a.indicatorResults[i][d].smoothedRatio = d % 2 == 0 ? .nan : -.infinity
      }
      for d in a.indicatorResults[i].indices where d % 7 == 0 { a.indicatorResults[i][d].expected = 0 }
    }
    return a
  }

  /// indicators.csv as it was rendered before its text cells were rendered once: every cell
  /// appended by value, row by row.
  static func indicatorsReference(_ analysis: Analysis) -> [UInt8] {
    var csv = CSVWriter(header: IndicatorsWriter.header)
    let summaries = analysis.indicatorSummaries
    for (d, district) in analysis.districts.districts.enumerated() {
      for (i, s) in summaries.enumerated() {
        let r = analysis.indicatorResults[i][d]
        let reported = r.expected > 0
        let change = r.change
        csv.appendCell(district.code.rawValue)
        csv.appendCell(s.indicator.rawValue)
        csv.appendFixed(r.observed, 0)
        csv.appendFixed(r.expected, 6)
        csv.appendFixed(r.ratio, 6)
        csv.appendFixed(r.ratioInterval?.lower, 6)
        csv.appendFixed(r.ratioInterval?.upper, 6)
        csv.appendFixed(r.crudeRate, 8)
        csv.appendFixed(r.crudeInterval?.lower, 8)
        csv.appendFixed(r.crudeInterval?.upper, 8)
        csv.appendFixed(reported ? r.smoothedRatio : nil, 6)
        csv.appendCell(reported ? r.funnel.rawValue : "")
        csv.appendCell(district.name)
        csv.appendCell(s.period.description)
        csv.appendFixed(r.denominator, 0)
        csv.appendFixed(r.shrinkageWeight, 6)
        csv.appendCell(reported ? r.funnelUnadjusted.rawValue : "")
        csv.appendInt(r.excludedCells)
        csv.appendCell(s.previousPeriod?.description ?? "")
        csv.appendFixed(r.previousRatio, 6)
        csv.appendFixed(change?.rateRatio, 6)
        csv.appendFixed(change?.interval.lower, 6)
        csv.appendFixed(change?.interval.upper, 6)
        csv.appendCell(change.map { $0.isSignificant ? "yes" : "no" } ?? "")
        csv.endRow()
      }
    }
    return csv.data
  }

  @Test func indicatorsMatchTheReferenceRows() throws {
    let a = try Self.analysis()
    #expect(a.districts.count > 10 && a.indicatorSummaries.count > 1)
    #expect(IndicatorsWriter.render(a).data == Self.indicatorsReference(a))
    let awkward = Self.awkward(a)
    #expect(IndicatorsWriter.render(awkward).data == Self.indicatorsReference(awkward))
  }

  /// reach_by_category.csv as it was rendered before: every text cell appended by value.
  static func categoryReachReference(_ analysis: Analysis) -> [UInt8] {
    var csv = CSVWriter(header: CategoryReachWriter.header)
    let mapped = Dictionary(uniqueKeysWithValues: analysis.categorySummaries.map { ($0.category, $0.indicators) })
    analysis.categoryReach.forEachRow { row in
      let district = analysis.districts.districts[row.district]
      csv.appendCell(row.category.rawValue)
      csv.appendCell(district.code.rawValue)
      csv.appendCell(district.name)
      csv.appendCell(mapped[row.category].map { $0.isEmpty ? "all" : $0.map(\.rawValue).joined(separator: "+") } ?? "all")
      csv.appendFixed(row.reach.observed, 0)
      csv.appendFixed(row.reach.expected, 6)
      csv.appendFixed(row.reach.missing, 6)
      csv.appendFixed(row.reach.ratio, 6)
      csv.appendFixed(row.reach.ratioInterval?.lower, 6)
      csv.appendFixed(row.reach.ratioInterval?.upper, 6)
      csv.endRow()
    }
    return csv.data
  }

  @Test func categoryReachMatchesTheReferenceRows() throws {
    let a = try Self.analysis()
    #expect(a.categoryReach.count > 10)
    #expect(CategoryReachWriter.render(a)?.data == Self.categoryReachReference(a))
    let awkward = Self.awkward(a)
    #expect(CategoryReachWriter.render(awkward)?.data == Self.categoryReachReference(awkward))
  }

  @Test func categoryReachRowsByRangeMatchForEachRow() throws {
    let table = try Self.analysis().categoryReach
    #expect(table.count > 0)
    var all: [CategoryReach] = []
    table.forEachRow { all.append($0) }
    for seed in UInt64(1)...20 {
      var pieces: [CategoryReach] = []
      for range in Self.randomRanges(table.count, seed: seed) { table.forEachRow(in: range) { pieces.append($0) } }
      #expect(pieces.count == all.count)
      #expect(zip(pieces, all).allSatisfy { "\($0)" == "\($1)" }, "seed \(seed)")
    }
  }

  /// The district rows rendered from their cells made once per district and their figures
  /// (`appendDistricts`) against the reference path of commit
  /// 6d47949: each row built whole (`outcomes[i]`) and appended with `append`.
  @Test func referralOutcomeDistrictRowsMatchWholeRows() throws {
    for a in [try Self.analysis(), Self.awkward(try Self.analysis())] {
      let rows = ReferralOutcomesWriter.Rows(a)
      let outcomes = a.resources.outcomes
      var reference = CSVWriter(header: ReferralOutcomesWriter.header)
      rows.appendHead(to: &reference)
      for i in rows.districtPositions { rows.append(outcomes[i], to: &reference) }
      #expect(rows.districtPositions.count > 10)
      #expect(ReferralOutcomesWriter.render(a).data == reference.data)
      // Figures without texts are the whole row's figures.
      for i in rows.districtPositions {
        var whole = outcomes[i]
        whole.key = ""
        whole.name = ""
        whole.area = nil
        whole.category = nil
        #expect(outcomes.source!.districtFigures(outcomes.rows[i - outcomes.fixed.count]) == whole)
      }
    }
  }
}
