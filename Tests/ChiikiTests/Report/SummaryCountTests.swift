import Foundation
import Testing

@testable import Chiiki

/// `SummarySection.count` against `filter(_:).count`, which it replaced, and the summary's
/// counts on the example data against the filters.
@Suite struct SummaryCountTests {
  @Test func countMatchesFilter() {
    var rng = OutputTestRandom(seed: 31)
    for _ in 0..<200 {
      let xs = (0..<Int(rng.next() % 50)).map { _ in Int(rng.next() % 10) }
      let k = Int(rng.next() % 10)
      #expect(SummarySection.count(xs) { $0 < k } == xs.filter { $0 < k }.count)
    }
  }

  @Test func summaryCountsMatchFilters() throws {
    let a = try WriterRowsTests.analysis()
    let under = a.priorities.filter { ($0.reach.ratioInterval?.upper ?? 1) < 1 }.count
    #expect(SummarySection.count(a.priorities) { ($0.reach.ratioInterval?.upper ?? 1) < 1 } == under)
    #expect(SummarySection.count(a.priorities) { $0.leaflets > 0 } == a.priorities.filter { $0.leaflets > 0 }.count)
    for results in a.indicatorResults {
      #expect(SummarySection.count(results) { IssuesSection.isHigh($0.funnel) } == results.filter { IssuesSection.isHigh($0.funnel) }.count)
    }
  }
}
