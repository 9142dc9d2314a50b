import Foundation
import Testing

@testable import Chiiki

/// Report lookups against the paths they replace (commit 6d47949): the low-exit lookup of a
/// district by its code alone (`Index.lowExitOfDistrict`) against `lowExit["district|" + code]`,
/// and the centre-level outcome rows against a scan of every row.
@Suite struct LowExitIndexTests {
  @Test func lookupByCodeMatchesPrefixedKey() throws {
    let (analysis, dataset) = try ResourceFixture.analyse(ReportRun.repositoryRoot + "/data")
    let c = ReportContext(analysis: analysis, dataset: dataset)
    let index = ProposalEngine.Index(c)
    for district in analysis.districts.districts {
      let code = district.code.rawValue
      #expect(index.lowExitOfDistrict[code] == index.lowExit["district|" + code], "\(code)")
    }
    #expect(index.lowExitOfDistrict.count == index.lowExit.keys.filter { $0.hasPrefix("district|") }.count)
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
