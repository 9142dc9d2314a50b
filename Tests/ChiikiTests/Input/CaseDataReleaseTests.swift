import Foundation
import Testing

@testable import Chiiki

/// The per-district case columns are freed before the outputs are written (Pipeline.run); what
/// the write still reads must survive: the unknown-sex/age count of the report's quality
/// section, and the window counts the referral-outcome table rebuilds its district rows from.
@Suite struct CaseDataReleaseTests {
  /// The tiny city with unknown-age rows of known sex and unknown-sex rows of known age added,
  /// so that both parts of the count (age unknown; sex unknown, age known) are non-zero.
  func dataset() throws -> Dataset {
    let dir = Fixtures.copy("tiny")
    defer { dir.remove() }
    var text = try String(contentsOfFile: dir.file("cases.csv"), encoding: .utf8)
    text += "2026-05,003,female,unknown,健康,2,1,0\n"  // age unknown: 2
    text += "2026-04,001,unknown,20-64,就労,3,1,1\n"  // sex unknown, age known: 3
    text += "2025-10,002,unknown,20-64,就労,7,0,0\n"  // before the window: not counted
    dir.write("cases.csv", text)
    return try DatasetLoader.load(LoadOptions(dataDirectory: dir.path))
  }

  @Test func theUnknownCountSurvivesTheRelease() throws {
    var cases = try dataset().cases
    // By hand: window 2025-11..2026-10 has 1 (002, unknown/unknown, in the fixture) + 2 + 3.
    #expect(cases.windowUnknownConsultations == 6)
    cases.releaseDistrictColumns()
    #expect(cases.monthly.isEmpty && cases.windowBySegment.isEmpty && cases.windowConsultations.isEmpty)
    #expect(cases.windowUnknownConsultations == 6)
  }

  @Test func theTrimmedCopyKeepsTheWindowCounts() throws {
    let cases = try dataset().cases
    let kept = cases.keepingWindowCounts()
    #expect(kept.monthly.isEmpty && kept.windowBySegment.isEmpty)
    #expect(kept.windowConsultations == cases.windowConsultations)
    #expect(kept.windowReferrals == cases.windowReferrals)
    #expect(kept.windowExits == cases.windowExits)
    #expect(kept.categories == cases.categories)
    #expect(kept.windowUnknownConsultations == 6)
    // The outcome counts of every district and category read the same from both.
    for d in 0..<cases.districtCount {
      for c in [nil] + cases.categories.indices.map({ Optional($0) }) {
        let a = ReferralOutcomeEngine.counts(cases, district: d, category: c)
        let b = ReferralOutcomeEngine.counts(kept, district: d, category: c)
        #expect(a.consultations == b.consultations && a.referrals == b.referrals && a.exits == b.exits)
      }
    }
  }
}
