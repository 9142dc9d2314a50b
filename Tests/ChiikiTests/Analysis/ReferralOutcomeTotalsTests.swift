import Foundation
import Testing

@testable import Chiiki

/// `ReferralOutcomeEngine.totals` (the centre's and each area's window counts in one pass per
/// category) against the sums it replaced: every district's `counts(_:district:category:)`
/// added up, over all districts for the centre and over an area's districts for the area, per
/// category and for all categories, on generated cities with several areas.
@Suite struct ReferralOutcomeTotalsTests {
  @Test func totalsAreTheSumsOfTheDistrictCounts() throws {
    try AreaCities.each(seeds: [3, 11], districts: 60, areas: 4) { city in
      let dataset = try DatasetLoader.load(LoadOptions(dataDirectory: city.directory))
      let cases = dataset.cases
      let districts = dataset.districts
      let totals = ReferralOutcomeEngine.totals(cases, districts: districts)
      let categories = cases.categories.count
      #expect(totals.slots == categories + 1)
      #expect(totals.areas.count == districts.areas.count * totals.slots)
      var sawCases = false
      for c in [nil] + cases.categories.indices.map({ Optional($0) }) {
        let slot = c ?? categories
        var centre = ReferralOutcomeEngine.Counts()
        var areas = [ReferralOutcomeEngine.Counts](repeating: .init(), count: districts.areas.count)
        for d in 0..<cases.districtCount {
          let one = ReferralOutcomeEngine.counts(cases, district: d, category: c)
          centre.add(one)
          if let a = districts.areaIndex[d] { areas[a].add(one) }
        }
        sawCases = sawCases || centre.consultations > 0
        let got = totals.centre[slot]
        #expect(got.consultations == centre.consultations && got.referrals == centre.referrals && got.exits == centre.exits)
        for a in areas.indices {
          let got = totals.areas[a * totals.slots + slot]
          #expect(got.consultations == areas[a].consultations && got.referrals == areas[a].referrals && got.exits == areas[a].exits)
        }
      }
      #expect(sawCases)
    }
  }
}
