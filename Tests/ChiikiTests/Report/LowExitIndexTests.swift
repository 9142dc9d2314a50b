import Foundation
import Testing

@testable import Chiiki

/// Report lookups against the paths they replace (commit 6d47949): the low-exit names of a
/// district by its code alone (`Index.lowExitNameOfDistrict`) and of an area against the rows
/// keyed "district|code" / "area|name" (`referenceLowExit`, the table the index kept before),
/// and the centre-level outcome rows against a scan of every row.
@Suite struct LowExitIndexTests {
  /// The low-exit outcome rows over all categories keyed "level|key", the first per key (what
  /// `Index.lowExit` held before it was reduced to the names the check reads).
  static func referenceLowExit(_ c: ReportContext) -> [String: ReferralOutcome] {
    var lowExit: [String: ReferralOutcome] = [:]
    let outcomes = c.analysis.resources.outcomes
    for o in outcomes where o.category == nil && (o.exitFlag == .low95 || o.exitFlag == .low998) {
      let key = (o.level == .district ? "district|" : o.level == .area ? "area|" : "centre|") + o.key
      if lowExit[key] == nil { lowExit[key] = o }
    }
    return lowExit
  }

  @Test func lookupByCodeMatchesPrefixedKey() throws {
    let (analysis, dataset) = try ResourceFixture.analyse(ReportRun.repositoryRoot + "/data")
    let c = ReportContext(analysis: analysis, dataset: dataset)
    let index = ProposalEngine.Index(c)
    let lowExit = Self.referenceLowExit(c)
    for district in analysis.districts.districts {
      let code = district.code.rawValue
      #expect(index.lowExitNameOfDistrict[code] == lowExit["district|" + code]?.name, "\(code)")
    }
    #expect(index.lowExitNameOfDistrict.count == lowExit.keys.filter { $0.hasPrefix("district|") }.count)
    #expect(index.lowExitNameOfArea == [nil] + analysis.districts.areas.map { lowExit["area|" + $0]?.name })
    // The low_exit_rate check against the lookup it replaced (area row, else the district's
    // row by code), for every district.
    let prepared = index.prepare(.lowExitRate, c)
    var cited = 0
    for (d, district) in analysis.districts.districts.enumerated() {
      let reference = index.lowExitNameOfArea[index.areaSlot(d)] ?? lowExit["district|" + district.code.rawValue]?.name
      let got = ProposalEngine.check(prepared, district: d, c, index, describe: true)
      #expect(got == reference.map { c.labels.evidenceLowExit($0) }, "\(district.code)")
      if got != nil { cited += 1 }
    }
    #expect(cited > 0)
    // The per-district flags, where worked out, say exactly which districts have a key.
    #expect(index.lowExitNameOfDistrict.isEmpty || index.lowExitDistrictFlags != nil)
    if let flags = index.lowExitDistrictFlags {
      for (d, district) in analysis.districts.districts.enumerated() {
        #expect(flags[d] == (index.lowExitNameOfDistrict[district.code.rawValue] != nil))
      }
    }
  }

  /// Flags only for codes that are ASCII and distinct (else a code could equal another's key
  /// by canonical equivalence, e.g. the Kelvin sign and K, or name two districts).
  @Test func codesAreDistinctASCIIOnlyWhenTheyAre() {
    func table(_ codes: [String]) -> DistrictTable { DistrictTable(codes.map { District(code: DistrictCode($0), name: $0) }) }
    #expect(ProposalEngine.Index.codesAreDistinctASCII(table(["001", "002", "K1"])))
    #expect(!ProposalEngine.Index.codesAreDistinctASCII(table(["001", "\u{212A}1"])))
    #expect(!ProposalEngine.Index.codesAreDistinctASCII(table(["001", "001", "002"])))
    #expect(ProposalEngine.Index.codesAreDistinctASCII(table([])))
  }

  /// The check with the priority position given by the walk (what `evaluate` passes) against
  /// the check that looks it up in `priorityPosition`, for every built-in rule's conditions
  /// and every district, with and without evidence; and the low-exit names per area against
  /// the rows they come from.
  @Test func checkWithKnownPositionMatchesTheLookup() throws {
    let (analysis, dataset) = try ResourceFixture.analyse(ReportRun.repositoryRoot + "/data")
    let c = ReportContext(analysis: analysis, dataset: dataset)
    #expect(c.prioritiesListEachDistrictOnce)
    let index = ProposalEngine.Index(c)
    let rules = MeetingReport.builtInRules()
    #expect(!rules.isEmpty)
    var held = 0
    for rule in rules {
      for condition in rule.conditions.map({ index.prepare($0, c) }) {
        for (i, p) in analysis.priorities.enumerated() {
          #expect(c.priorityPosition[p.district] == i)
          for describe in [false, true] {
            let known = ProposalEngine.check(condition, district: p.district, c, index, describe: describe, position: i)
            let looked = ProposalEngine.check(condition, district: p.district, c, index, describe: describe)
            #expect(known == looked)
            if known != nil { held += 1 }
          }
        }
      }
    }
    #expect(held > 0)
  }

  /// `positions(where:)` (tags from the stored flags) against the tags of the built rows.
  @Test func positionsMatchTheBuiltRows() throws {
    let outcomes = try ResourceFixture.analyse(ReportRun.repositoryRoot + "/data").0.resources.outcomes
    let tags = outcomes.map { ReferralOutcomeTable.RowTag(level: $0.level, allCategories: $0.category == nil, exitFlag: $0.exitFlag) }
    let filters: [(ReferralOutcomeTable.RowTag) -> Bool] = [
      { $0.allCategories && ($0.exitFlag == .low95 || $0.exitFlag == .low998) },
      { $0.level != .centre && $0.exitFlag != nil },
      { $0.exitFlag == nil },
      { _ in true },
    ]
    for include in filters {
      #expect(outcomes.positions(where: include) == tags.indices.filter { include(tags[$0]) })
    }
    #expect(tags.contains { $0.exitFlag != nil })
  }

  /// The "kind|area" keys (made once per kind and area, kinds compared as bytes first)
  /// against one key per resource, the reference, with canonically equal spellings of a kind
  /// (NFC and NFD) in the same and in different areas.
  @Test func kindAreaKeysMatchOnePerResource() throws {
    var (analysis, dataset) = try ResourceFixture.analyse(ReportRun.repositoryRoot + "/data")
    let districts = analysis.districts
    var rng = OutputTestRandom(seed: 17)
    let kinds = ["ガ", "カ\u{3099}", "就労", "相談", "", "a|b"]
    for round in 0..<4 {
      if round > 0 {
        dataset.resources = (0..<300).map { i in
          Resource(id: "R\(i)", name: "n", kind: kinds[Int(rng.next() % UInt64(kinds.count))], district: Int(rng.next() % UInt64(districts.count)),
                   capacity: nil, target: "", address: "", contact: "", hours: "", url: "", isPublic: true)
        }
      }
      let index = ProposalEngine.Index(ReportContext(analysis: analysis, dataset: dataset))
      let reference = Set((dataset.resources ?? []).map { $0.kind + "|" + (districts.districts[$0.district].area ?? "") })
      #expect(index.resourceKindAreas == reference, "round \(round)")
      #expect(!reference.isEmpty)
    }
  }

  /// A ranking that lists a district twice (hand-made) is not taken as exact.
  @Test func duplicatedPriorityIsNotExact() throws {
    var (analysis, dataset) = try ResourceFixture.analyse(ReportRun.repositoryRoot + "/data")
    analysis.priorities.append(analysis.priorities[0])
    #expect(!ReportContext(analysis: analysis, dataset: dataset).prioritiesListEachDistrictOnce)
  }

  /// The centre-level rows the resources section reads (`centreLevelRows`) against the
  /// reference scan of commit 6d47949, `positions { $0.level == .centre }` read out.
  @Test func centreLevelRowsMatchTheScan() throws {
    let outcomes = try ResourceFixture.analyse(ReportRun.repositoryRoot + "/data").0.resources.outcomes
    let scanned = outcomes.positions { $0.level == .centre }.map { outcomes[$0] }
    #expect(!scanned.isEmpty)
    #expect(outcomes.centreLevelRows == scanned)
  }

  /// Prefixed keys are equal exactly when the codes are, awkward text included (combining
  /// marks, canonically equal spellings).
  @Test func prefixedKeysAreEqualExactlyWhenCodesAre() {
    let codes = CSVCellsTests.awkward + ["\u{301}", "\u{301}a", "é", "e\u{301}", "\u{327}\u{301}", "\u{301}\u{327}", "|", "|\u{301}", "1\u{301}"]
    for a in codes {
      for b in codes { #expect(("district|" + a == "district|" + b) == (a == b), "\(a.unicodeScalars.map(\.value)) \(b.unicodeScalars.map(\.value))") }
    }
  }
}
