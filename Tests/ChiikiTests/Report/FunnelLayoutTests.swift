import Foundation
import Testing

@testable import Chiiki

/// The funnel plot's layout worked out in one pass over the results (`FunnelDrawing.init`)
/// against the four passes it replaced (kept here as the reference): the drawn, hidden and
/// named districts and the axis ranges, on the sample data and on results with masked,
/// zero-expected and extreme values.
@Suite struct FunnelLayoutTests {
  static func reference(_ results: [IndicatorResult], _ c: ReportContext) -> (drawn: [Int], hidden: Int, named: [Int], eMin: Double, eMax: Double, yMax: Double) {
    let drawn = results.indices.filter { results[$0].expected > 0 && results[$0].ratio != nil && !c.indicatorMasked(results[$0]) }
    let hidden = results.indices.filter { results[$0].expected > 0 && c.indicatorMasked(results[$0]) }.count
    let es = results.map(\.expected).filter { $0 > 0 }
    let eMin = max(0.5, (es.min() ?? 1) * 0.8)
    let eMax = max(eMin * 10, (es.max() ?? 10) * 1.25)
    let yMax = min(4.0, max(2.0, (drawn.compactMap { results[$0].ratio }.max() ?? 1) * 1.1))
    let named = drawn.filter { IssuesSection.isHigh(results[$0].funnel) }.sorted { (results[$0].ratio ?? 0) > (results[$1].ratio ?? 0) }.prefix(5)
    return (drawn, hidden, Array(named), eMin, eMax, yMax)
  }

  static func check(_ c: ReportContext) -> Int {
    var checked = 0
    for (summary, results) in c.indicators {
      let layout = FunnelDrawing(summary, results, c).layout
      let expected = reference(results, c)
      #expect(layout.drawn == expected.drawn)
      #expect(layout.hidden == expected.hidden)
      #expect(layout.named == expected.named)
      #expect(layout.eMin == expected.eMin)
      #expect(layout.eMax == expected.eMax)
      #expect(layout.yMax == expected.yMax)
      checked += results.count
    }
    return checked
  }

  @Test func layoutMatchesTheReference() throws {
    let (analysis, dataset) = try ResourceFixture.analyse(ReportRun.repositoryRoot + "/data")
    #expect(Self.check(ReportContext(analysis: analysis, dataset: dataset)) > 10)
    // Random observed and expected counts (small counts are masked; some zero expected counts;
    // high and low funnels), over several seeds.
    var rng = OutputTestRandom(seed: 91)
    let labels = FunnelLabel.allCases
    for _ in 0..<5 {
      var a = analysis
      for i in a.indicatorResults.indices {
        for d in a.indicatorResults[i].indices {
          let roll = rng.next() % 10
          a.indicatorResults[i][d].expected = roll == 0 ? 0 : Double(rng.next() % 1000) / 10
          a.indicatorResults[i][d].observed = Double(rng.next() % 60)
          a.indicatorResults[i][d].funnel = labels[Int(rng.next() % UInt64(labels.count))]
        }
      }
      #expect(Self.check(ReportContext(analysis: a, dataset: dataset)) > 10)
    }
  }
}
