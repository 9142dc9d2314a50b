import Testing

@testable import Chiiki

/// `ParallelMap.build` must give exactly the array a sequential loop gives, whatever the chunking.
@Suite struct ParallelMapTests {
  @Test(arguments: [(1, 1), (7, 3), (8192, 8192), (100_003, 4096), (50_000, 100_000)])
  func buildEqualsASequentialLoop(count: Int, chunkSize: Int) {
    let built = ParallelMap.build(count: count, chunkSize: chunkSize) { (range, emit: (String) -> Void) in
      for i in range { emit("v\(i * 7 % 13)-\(i)") }
    }
    #expect(built == (0..<count).map { "v\($0 * 7 % 13)-\($0)" })
  }

  @Test func buildOfNothingIsEmpty() {
    let built = ParallelMap.build(count: 0, chunkSize: 10) { (range, emit: (Int) -> Void) in
      for i in range { emit(i) }
    }
    #expect(built.isEmpty)
  }
}
