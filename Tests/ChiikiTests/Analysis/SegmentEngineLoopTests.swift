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
}
