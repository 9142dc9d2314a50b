import Testing

@testable import Chiiki

/// `ParallelMap.fill` (each chunk initialising its own slice of the result in place) must give
/// exactly the array a sequential loop gives, whatever the chunking.
@Suite struct ParallelMapFillTests {
  @Test(arguments: [(1, 1), (7, 3), (8192, 8192), (100_003, 4096), (50_000, 100_000)])
  func fillEqualsASequentialLoop(count: Int, chunkSize: Int) {
    let filled = ParallelMap.fill(count: count, chunkSize: chunkSize) { (range, slice: UnsafeMutableBufferPointer<String>) in
      #expect(slice.count == range.count)
      for i in range { (slice.baseAddress! + (i - range.lowerBound)).initialize(to: "v\(i * 7 % 13)-\(i)") }
    }
    #expect(filled == (0..<count).map { "v\($0 * 7 % 13)-\($0)" })
  }

  @Test func accumulatingIntoTheSliceEqualsSummingAlone() {
    // As `districtTotals` uses it: the slice set to zero, then each element summed into.
    let count = 30_011
    let filled = ParallelMap.fill(count: count, chunkSize: 4096) { (range, slice: UnsafeMutableBufferPointer<Double>) in
      slice.initialize(repeating: 0)
      for round in 1...3 {
        for i in range { slice[i - range.lowerBound] += Double(i % 97) / Double(round) }
      }
    }
    let expected = (0..<count).map { i in (1...3).reduce(0.0) { $0 + Double(i % 97) / Double($1) } }
    #expect(filled.map(\.bitPattern) == expected.map(\.bitPattern))
  }

  @Test func fillOfNothingIsEmpty() {
    let filled = ParallelMap.fill(count: 0, chunkSize: 10) { (_, slice: UnsafeMutableBufferPointer<Int>) in
      slice.initialize(repeating: 1)
    }
    #expect(filled.isEmpty)
  }
}
