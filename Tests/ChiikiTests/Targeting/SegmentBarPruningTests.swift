import Foundation
import Testing

@testable import Chiiki

/// The bounded search skips the need of segments certainly below the list's bar
/// (`evaluateScoring`'s `bar`, `needBounds`): the best segments and the count of positive
/// scores must be those of the search that works out every need, and the bounds must hold.
@Suite struct SegmentBarPruningTests {
  @Test func pruningKeepsTheSameBestAndCount() throws {
    let (model, _) = try SegmentStreamingTests.model(districts: 400, seed: 23)
    let fit = model.fit()
    var pruned = 0
    for limit in [1, 3, 20, 150, 1000] {
      for range in [0..<model.districts, 0..<(model.districts / 2), (model.districts / 3)..<model.districts] {
        let all = try #require(SegmentEngine.bestUnits(model, fit, needs: nil, limit: limit, districts: range, prune: false))
        let fast = try #require(SegmentEngine.bestUnits(model, fit, needs: nil, limit: limit, districts: range))
        #expect(fast.positives == all.positives, "limit \(limit) range \(range)")
        #expect(fast.best.map(\.unit) == all.best.map(\.unit), "limit \(limit) range \(range)")
        #expect(fast.best.map(\.score.bitPattern) == all.best.map(\.score.bitPattern))
        #expect(fast.best.map(\.need.bitPattern) == all.best.map(\.need.bitPattern))
      }
    }
    // The bar did skip needs (counted by a pruned pass with a low bar).
    let scratch = SegmentModel.Scratch(model, districts: SegmentModel.block)
    SegmentModel.forEachBlock(0..<model.districts) { first, count in
      scratch.evaluateScoring(districts: first, count: count, fit, needs: nil, bar: 1e-3)
      pruned += scratch.belowBar
    }
    #expect(pruned > 0)
  }

  @Test func boundsHoldTheComputedNeed() throws {
    let (model, _) = try SegmentStreamingTests.model(districts: 300, seed: 31)
    let fit = model.fit()
    let scratch = SegmentModel.Scratch(model, districts: SegmentModel.block)
    var checked = 0
    SegmentModel.forEachBlock(0..<model.districts) { first, count in
      scratch.evaluate(districts: first, count: count, fit, needs: nil)
      for x in 0..<(count * model.groups) {
        guard let bounds = scratch.needBounds(at: x, fit) else { continue }
        #expect(bounds.low <= scratch.need[x] && scratch.need[x] <= bounds.high, "x \(x)")
        checked += 1
      }
    }
    #expect(checked > 1000)
  }
}
