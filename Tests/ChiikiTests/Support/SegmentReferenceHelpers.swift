@testable import Chiiki

/// Helpers of the array implementation of segments that SegmentStreamingTests keeps as its
/// reference (the library streams segments and no longer needs them).
extension SegmentEngine {
  /// Runs `body` over consecutive ranges of 0..<count, on all cores when there is enough work;
  /// the ranges are disjoint, so bodies may write disjoint parts of one buffer.
  static func forEachRange(_ count: Int, minimumChunk: Int = 32_768, _ body: @Sendable (Range<Int>) -> Void) {
    let chunks = max(1, min(8, count / minimumChunk))
    let size = (count + chunks - 1) / chunks
    _ = ParallelMap.map(chunks) { c in body((c * size)..<min(count, (c + 1) * size)) }
  }

  /// A buffer of doubles written from several threads, each at its own indices only.
  struct DisjointWrites: @unchecked Sendable {
    // Safe: every job of `forEachRange` writes only the indices of its own range, and the owner
    // reads the buffer after ParallelMap.map has returned, which happens-after every job.
    let base: UnsafeMutablePointer<Double>
  }

  /// Σ over districts of `values[d · groups + j]` for each group j, adding districts in order
  /// (the same sums as one loop over the districts per group).
  static func groupTotals(_ values: [Double], groups: Int, districts n: Int) -> [Double] {
    var totals = [Double](repeating: 0, count: groups)
    values.withUnsafeBufferPointer { values in
      for d in 0..<n {
        let row = d * groups
        for j in 0..<groups { totals[j] += values[row + j] }
      }
    }
    return totals
  }
}
