import Testing

@testable import Chiiki

/// `ProposalEngine.Index.prefetch` is a cache hint: asking for every district (and one past
/// the last), for need_high and area conditions, changes no check's answer.
@Suite struct ProposalIndexPrefetchTests {
  @Test func prefetchChangesNoCheck() throws {
    let (analysis, dataset) = try ResourceFixture.analyse(ReportRun.repositoryRoot + "/data")
    let c = ReportContext(analysis: analysis, dataset: dataset)
    let index = ProposalEngine.Index(c)
    let indicator = try #require(c.indicators.first).summary.indicator
    let conditions: [ProposalCondition] = [.needHigh(indicator), .lowExitRate, .priorityTop(3)]
    for condition in conditions {
      let prepared = index.prepare(condition, c)
      let before = analysis.districts.districts.indices.map { ProposalEngine.check(prepared, district: $0, c, index) }
      for d in 0...analysis.districts.count { index.prefetch(prepared, district: d) }
      let after = analysis.districts.districts.indices.map { ProposalEngine.check(prepared, district: $0, c, index) }
      #expect(before == after, "\(condition)")
    }
    #expect(index.prepare(.needHigh(indicator), c).indicator != nil)
  }
}
