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

  @Test func bestUnitsKeepTheBestOfASort() {
    var state: UInt64 = 17
    for limit in [1, 2, 5, 64, 500, 999, 1000, 1001, 2000, 5000] {
      for shuffled in [false, true] {
        var best = SegmentEngine.BestUnits(limit: limit)
        var all: [SegmentEngine.RankedUnit] = []
        var units = Array(0..<2000)
        if shuffled {
          for i in stride(from: units.count - 1, to: 0, by: -1) { units.swapAt(i, Int(splitMix(&state) % UInt64(i + 1))) }
        }
        for unit in units {
          // Few distinct values, so that ties go down to need, expected and the unit.
          let x = SegmentEngine.RankedUnit(
            score: Double(splitMix(&state) % 20), need: Double(splitMix(&state) % 3), expected: Double(splitMix(&state) % 3), unit: unit)
          best.offer(x)
          all.append(x)
        }
        let want = all.sorted { $0.ranksBefore($1) }.prefix(limit).map(\.unit)
        #expect(best.sorted().map(\.unit) == want, "limit \(limit) shuffled \(shuffled)")
      }
    }
  }

  @Test func selectionUnderAnOrderMatchesASort() {
    var state: UInt64 = 29
    for n in [1, 2, 3, 10, 257, 4000] {
      // Many equal keys: the three-way partition's middle.
      let values = (0..<n).map { _ in (key: Int(splitMix(&state) % 7), id: Int(splitMix(&state) % 1000)) }
      let before: ((key: Int, id: Int), (key: Int, id: Int)) -> Bool = { $0.key != $1.key ? $0.key < $1.key : $0.id < $1.id }
      let sorted = values.sorted(by: before)
      for k in Set([0, n / 3, n / 2, n - 1]) {
        var work = values
        work.withUnsafeMutableBufferPointer { OrderStatistics.select(k, in: $0, from: 0, to: n, by: before) }
        #expect(work[k] == sorted[k], "n \(n) k \(k)")
        #expect(work[..<k].allSatisfy { !before(work[k], $0) } && work[(k + 1)...].allSatisfy { !before($0, work[k]) })
      }
    }
  }
}
