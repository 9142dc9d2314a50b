import Foundation
import Testing

@testable import Chiiki

/// The funnel plot's horizontal position with its logarithms of the range worked out once,
/// against the formula that took three logarithms per point (the reference).
@Suite struct FunnelPositionTests {
  @Test func positionsMatchTheFormula() throws {
    let (analysis, dataset) = try ResourceFixture.analyse(ReportRun.repositoryRoot + "/data")
    let c = ReportContext(analysis: analysis, dataset: dataset)
    var rng = OutputTestRandom(seed: 37)
    var checked = 0
    for (summary, results) in c.indicators {
      let drawing = FunnelDrawing(summary, results, c)
      var es = results.map(\.expected).filter { $0 > 0 }
      for _ in 0..<2000 { es.append(drawing.eMin + splitMixUniform(&rng.state) * (drawing.eMax - drawing.eMin)) }
      for e in es {
        let reference = FunnelDrawing.left + FunnelDrawing.plotW * (log(e) - log(drawing.eMin)) / (log(drawing.eMax) - log(drawing.eMin))
        #expect(drawing.x(e) == reference)
        checked += 1
      }
    }
    #expect(checked > 2000)
  }
}
