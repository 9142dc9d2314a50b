import Foundation
import Testing

@testable import Chiiki

/// The district-by-district loops of SegmentEngine against the plain per-group loops they replace.
@Suite struct SegmentEngineLoopTests {
  @Test(arguments: [(1, 2), (7, 20), (3000, 18), (40_000, 4)])
  func groupTotalsAddDistrictsInOrder(districts n: Int, groups: Int) {
    var state: UInt64 = UInt64(n * 31 + groups)
    // Values of very different sizes, so that a different order of addition would show.
    let values = (0..<(n * groups)).map { _ in pow(10, 12 * splitMixUniform(&state) - 6) * (splitMixUniform(&state) - 0.3) }
    let totals = SegmentEngine.groupTotals(values, groups: groups, districts: n)
    for j in 0..<groups {
      var plain = 0.0
      for d in 0..<n { plain += values[d * groups + j] }
      #expect(totals[j].bitPattern == plain.bitPattern, "group \(j)")
    }
  }

  @Test(arguments: [0, 1, 32_767, 32_768, 100_000, 1_000_003])
  func rangesCoverEveryIndexOnce(count: Int) {
    var seen = [Double](repeating: 0, count: count)
    seen.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let out = SegmentEngine.DisjointWrites(base: base)
      SegmentEngine.forEachRange(count) { range in
        for i in range { out.base[i] += 1 }
      }
    }
    #expect(seen.allSatisfy { $0 == 1 })
  }

  /// Units in rank order by a plain sort: score, need, expected descending, then unit.
  static func plainOrder(_ units: [Int], scores: [Double], need: [Double], expected: [Double]) -> [Int] {
    units.sorted { a, b in
      if scores[a] != scores[b] { return scores[a] > scores[b] }
      if need[a] != need[b] { return need[a] > need[b] }
      if expected[a] != expected[b] { return expected[a] > expected[b] }
      return a < b
    }
  }

  @Test(arguments: [1, 7, 500, 4000, 20_000])
  func bestAndTopOrderMatchASort(limit: Int) {
    var state: UInt64 = UInt64(limit)
    let count = 9001
    // Few distinct values, so that ties go down to the unit index; some scores are not positive.
    let scores = (0..<count).map { _ in Double(Int(splitMix(&state) % 40)) - 8 }
    let need = (0..<count).map { _ in Double(Int(splitMix(&state) % 5)) }
    let expected = (0..<count).map { _ in Double(Int(splitMix(&state) % 3)) }
    let positive = (0..<count).filter { scores[$0] > 0 }
    let plainBest = Array(Self.plainOrder(positive, scores: scores, need: need, expected: expected).prefix(limit))
    #expect(SegmentEngine.best(scores: scores, need: need, expected: expected, limit: limit) == plainBest)
    let rest = (0..<count).filter { !(scores[$0] > 0) }
    let plainTop = Array((plainBest + Self.plainOrder(rest, scores: scores, need: need, expected: expected)).prefix(limit))
    #expect(SegmentEngine.topOrder(scores: scores, need: need, expected: expected, limit: limit) == plainTop)
    // A NaN need among the positive scores (in either half) leaves the order to the caller's sort.
    for u in [positive.first!, positive.last!] {
      var withNaN = need
      withNaN[u] = .nan
      #expect(SegmentEngine.best(scores: scores, need: withNaN, expected: expected, limit: limit) == nil)
    }
  }
}
