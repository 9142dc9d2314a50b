import Testing

@testable import Chiiki

/// `ParallelMap.scatter` (used for the priorities: districts read in order, rows written in
/// rank order) must give exactly the array built place by place, whatever the chunking.
@Suite struct ParallelScatterTests {
  @Test(arguments: [(1, 1), (7, 3), (8192, 8192), (100_003, 4096), (50_000, 100_000)])
  func scatterEqualsBuildingPlaceByPlace(count: Int, chunkSize: Int) {
    // A permutation: i -> (i * a + b) mod count with a coprime to count.
    var a = 7919
    while gcd(a, count) != 1 { a += 2 }
    let step = a
    let place: @Sendable (Int) -> Int = { i in (i * step + 13) % count }
    let scattered = ParallelMap.scatter(count: count, chunkSize: chunkSize) { (range, emit: (Int, String) -> Void) in
      for i in range { emit(place(i), "v\(i)") }
    }
    var reference = [String](repeating: "", count: count)
    for i in 0..<count { reference[place(i)] = "v\(i)" }
    #expect(scattered == reference)
  }

  @Test func scatterOfNothingIsEmpty() {
    let scattered = ParallelMap.scatter(count: 0, chunkSize: 10) { (range, emit: (Int, Int) -> Void) in
      for i in range { emit(i, i) }
    }
    #expect(scattered.isEmpty)
  }

  func gcd(_ x: Int, _ y: Int) -> Int { y == 0 ? x : gcd(y, x % y) }
}
