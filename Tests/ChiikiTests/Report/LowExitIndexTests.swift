import Foundation
import Testing

@testable import Chiiki

/// The low-exit lookup of a district by its code alone (`Index.lowExitOfDistrict`) against the
/// reference key of commit 6d47949, `lowExit["district|" + code]`.
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

  /// Prefixed keys are equal exactly when the codes are, awkward text included (combining
  /// marks, canonically equal spellings).
  @Test func prefixedKeysAreEqualExactlyWhenCodesAre() {
    let codes = CSVCellsTests.awkward + ["\u{301}", "\u{301}a", "é", "e\u{301}", "\u{327}\u{301}", "\u{301}\u{327}", "|", "|\u{301}", "1\u{301}"]
    for a in codes {
      for b in codes { #expect(("district|" + a == "district|" + b) == (a == b), "\(a.unicodeScalars.map(\.value)) \(b.unicodeScalars.map(\.value))") }
    }
  }
}
