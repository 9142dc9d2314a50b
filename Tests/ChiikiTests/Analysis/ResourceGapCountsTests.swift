import Foundation
import Testing

@testable import Chiiki

/// The window counts of every resource gap (its area's districts in its kind's categories,
/// which `ResourceGapEngine` sums once per area and category however many kinds share it)
/// against a direct sum over the case columns, on generated cities with several areas.
@Suite struct ResourceGapCountsTests {
  @Test func gapCountsAreTheSumsOverTheAreaAndCategories() throws {
    try AreaCities.each(seeds: [5, 19], districts: 50, areas: 3) { city in
      let (analysis, dataset) = try ResourceFixture.analyse(city.directory)
      let cases = dataset.cases
      let n = cases.districtCount
      #expect(!analysis.resources.gaps.isEmpty)
      var anyCounted = false
      for gap in analysis.resources.gaps {
        let members = try #require(analysis.areas.first { $0.area == gap.area }).districts
        var want = (c: 0, r: 0, x: 0)
        for c in gap.needCategories.compactMap({ cases.categoryIndex(of: $0) }) {
          for d in members {
            want.c += Int(cases.windowConsultations[c * n + d])
            want.r += Int(cases.windowReferrals[c * n + d])
            want.x += Int(cases.windowExits[c * n + d])
          }
        }
        anyCounted = anyCounted || want.c > 0
        #expect(gap.consultations == want.c && gap.referrals == want.r, "\(gap.area)/\(gap.kind)")
        #expect(gap.exits == (cases.hasExits ? want.x : 0), "\(gap.area)/\(gap.kind)")
      }
      #expect(anyCounted)
    }
  }
}
