import Foundation
import Testing

@testable import Chiiki

/// `PriorityRanking.radixOrder` (stable radix sorts of integer keys, run by run) against the
/// comparison sort it stands in for (`order`'s comparator, sorting the indices), on random keys
/// with many ties, ±0, infinities and negative values: the same order; nil with a NaN.
@Suite struct PriorityRadixOrderTests {
  static func reference(_ scores: [Double], _ need: [Double], _ expected: [Double]) -> [Int] {
    scores.indices.sorted { a, b in
      if scores[a] != scores[b] { return scores[a] > scores[b] }
      if need[a] != need[b] { return need[a] > need[b] }
      if expected[a] != expected[b] { return expected[a] > expected[b] }
      return a < b
    }
  }

  /// A value from a small pool (ties), or a random one.
  static func pick(_ state: inout UInt64, pool: Int) -> Double {
    let special: [Double] = [0, -0.0, 1, 0.5, -2, .infinity, -.infinity, 1e-300, -1e-300, 2, 3.25]
    let r = Int(splitMix(&state) % UInt64(pool + 1))
    if r < pool { return special[r % special.count] }
    return (splitMixUniform(&state) - 0.3) * 100
  }

  @Test func matchesTheComparisonSort() {
    var state: UInt64 = 0x5EED_0F_0DE4
    for size in [0, 1, 2, 3, 23, 24, 25, 100, 1000, 20_000] {
      for pool in [0, 1, 2, 4, 11, 40] {
        let scores = (0..<size).map { _ in Self.pick(&state, pool: pool) }
        let need = (0..<size).map { _ in Self.pick(&state, pool: pool) }
        let expected = (0..<size).map { _ in Self.pick(&state, pool: pool) }
        let got = PriorityRanking.radixOrder(scores: scores, needIndex: need, expected: expected)
        #expect(got == Self.reference(scores, need, expected), "size \(size) pool \(pool)")
        #expect(PriorityRanking.order(scores: scores, needIndex: need, expected: expected) == got)
      }
    }
  }

  /// Long runs of equal scores and of equal (score, need): every level and the insertion sort.
  @Test func longTiesAtEveryLevel() {
    var state: UInt64 = 42
    for size in [30, 500, 5000] {
      let scores = (0..<size).map { _ in Double(splitMix(&state) % 3) }
      let need = (0..<size).map { _ in Double(splitMix(&state) % 4) }
      let expected = (0..<size).map { _ in Double(splitMix(&state) % 5) - 2 }
      #expect(PriorityRanking.radixOrder(scores: scores, needIndex: need, expected: expected) == Self.reference(scores, need, expected))
    }
  }

  @Test func nanGivesNil() {
    #expect(PriorityRanking.radixOrder(scores: [1, 2], needIndex: [.nan, 1], expected: [0, 0]) == nil)
    #expect(PriorityRanking.radixOrder(scores: [1, 2], needIndex: [1, 1], expected: [0, .nan]) == nil)
    #expect(PriorityRanking.radixOrder(scores: [.nan], needIndex: [1], expected: [0]) == nil)
  }

  @Test func keysKeepTheOrderOfTheirValues() {
    var state: UInt64 = 7
    let values: [Double] = [-.infinity, -5, -1e-300, -0.0, 0, 1e-300, 1, 5, .infinity]
      + (0..<200).map { _ in (splitMixUniform(&state) - 0.5) * 1e6 }
    for a in values {
      for b in values {
        let (x, y) = (PriorityRanking.descendingKey(a), PriorityRanking.descendingKey(b))
        #expect((x < y) == (a > b))
        #expect((x == y) == (a == b))
      }
    }
  }
}
