import Foundation
import Testing

@testable import Chiiki

/// The bounded search for the best segments evaluates blocks of districts with
/// `evaluateScoring`, which skips the need index of segments that cannot score: every segment
/// with a positive score must get `evaluate`'s need and score bit for bit, and no other segment
/// a positive score. The heap that keeps the best ones must keep those a full sort would.
@Suite struct SegmentScoringTests {
  @Test func scoringSegmentsMatchTheFullEvaluation() throws {
    let (model, _) = try SegmentStreamingTests.model(districts: 260, seed: 13)
    let fit = model.fit()
    let full = SegmentModel.Scratch(model, districts: SegmentModel.block)
    let scoring = SegmentModel.Scratch(model, districts: SegmentModel.block)
    var positives = 0
    var skipped = 0
    SegmentModel.forEachBlock(0..<model.districts) { first, count in
      full.evaluate(districts: first, count: count, fit, needs: nil)
      scoring.evaluateScoring(districts: first, count: count, fit, needs: nil)
      for x in 0..<(count * model.groups) {
        #expect(scoring.expected[x].bitPattern == full.expected[x].bitPattern)
        if full.score[x] > 0 {
          positives += 1
          #expect(scoring.score[x].bitPattern == full.score[x].bitPattern)
          #expect(scoring.need[x].bitPattern == full.need[x].bitPattern)
        } else {
          skipped += 1
          #expect(!(scoring.score[x] > 0))
        }
      }
    }
    #expect(positives > 100 && skipped > 100)
  }

  @Test func heapKeepsTheBestOfASort() {
    var state: UInt64 = 17
    for limit in [1, 2, 5, 64, 500] {
      var heap = SegmentEngine.BoundedWorstHeap(limit: limit)
      var all: [SegmentEngine.RankedUnit] = []
      for unit in 0..<2000 {
        // Few distinct values, so that ties go down to need, expected and the unit.
        let x = SegmentEngine.RankedUnit(
          score: Double(splitMix(&state) % 20), need: Double(splitMix(&state) % 3), expected: Double(splitMix(&state) % 3), unit: unit)
        heap.offer(x)
        all.append(x)
      }
      let want = all.sorted { $0.ranksBefore($1) }.prefix(limit).map(\.unit)
      #expect(heap.sorted().map(\.unit) == want, "limit \(limit)")
    }
  }
}
