import Foundation
import Testing

@testable import Chiiki

/// The row-range renderers of the largest CSV files (each writer's `Rows`, which `render` uses
/// over the whole range) against one pass: the same bytes for any split into ranges, and
/// `CategoryReachTable.forEachRow(in:)` against the reference `forEachRow`.
@Suite struct BlockRenderingTests {
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

  @Test func referralOutcomesInBlocksMatchRender() throws {
    let a = try Self.analysis()
    let whole = ReferralOutcomesWriter.render(a).data
    let rows = ReferralOutcomesWriter.Rows(a)
    let positions = rows.districtPositions
    #expect(positions.count > 10)
    for seed in UInt64(1)...20 {
      var csv = CSVWriter(header: ReferralOutcomesWriter.header)
      rows.appendHead(to: &csv)
      var bytes = csv.data
      for r in Self.randomRanges(positions.count, seed: seed) {
        var block = CSVWriter(rows: [], capacity: 0)
        rows.appendDistricts((positions.lowerBound + r.lowerBound)..<(positions.lowerBound + r.upperBound), to: &block)
        bytes += block.data
      }
      #expect(bytes == whole, "seed \(seed)")
    }
  }

  /// The district rows rendered from their cells made once per district and their figures
  /// (`appendDistricts`) against the reference path of commit
  /// 6d47949: each row built whole (`outcomes[i]`) and appended with `append`.
  @Test func referralOutcomeDistrictRowsMatchWholeRows() throws {
    let a = try Self.analysis()
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

  @Test func reachByCategoryInBlocksMatchesRender() throws {
    let a = try Self.analysis()
    let whole = CategoryReachWriter.render(a)?.data ?? []
    let rows = CategoryReachWriter.Rows(a)
    for seed in UInt64(1)...20 {
      var bytes = CSVWriter(header: CategoryReachWriter.header).data
      for r in Self.randomRanges(a.categoryReach.count, seed: seed) {
        var block = CSVWriter(rows: [], capacity: 0)
        rows.append(r, to: &block)
        bytes += block.data
      }
      #expect(bytes == whole, "seed \(seed)")
    }
  }

  @Test func outreachTargetsAndIndicatorsInBlocksMatchRender() throws {
    let a = try Self.analysis()
    let outreach = OutreachTargetsWriter.Rows(a)
    let indicators = IndicatorsWriter.Rows(a)
    #expect(a.priorities.count > 10 && a.districts.count > 10)
    for seed in UInt64(1)...20 {
      var bytes = CSVWriter(header: OutreachTargetsWriter.header(a)).data
      for r in Self.randomRanges(a.priorities.count, seed: seed) {
        var block = CSVWriter(rows: [], capacity: 0)
        outreach.append(r, to: &block)
        bytes += block.data
      }
      #expect(bytes == OutreachTargetsWriter.render(a).data, "seed \(seed)")
      bytes = CSVWriter(header: IndicatorsWriter.header).data
      for r in Self.randomRanges(a.districts.count, seed: seed) {
        var block = CSVWriter(rows: [], capacity: 0)
        indicators.append(r, to: &block)
        bytes += block.data
      }
      #expect(bytes == IndicatorsWriter.render(a).data, "seed \(seed)")
    }
  }
}
