import Testing

@testable import Chiiki

/// `FunnelDrawing.highest` (the named districts picked in one pass) against the stable sort it
/// replaced (kept here as the reference), on random keys with many ties and on keys that are
/// not finite.
@Suite struct FunnelHighestTests {
  static func reference(_ count: Int, _ candidates: [Int], _ key: (Int) -> Double) -> [Int] {
    Array(candidates.sorted { key($0) > key($1) }.prefix(count))
  }

  @Test func sameAsTheStableSort() {
    var rng = OutputTestRandom(seed: 83)
    for round in 0..<400 {
      let n = Int(rng.next() % 60)
      let spread = [2, 10, 1000][round % 3]
      let keys = (0..<n).map { _ in Double(rng.next() % UInt64(spread)) / 7 }
      let candidates = (0..<n).filter { _ in rng.next() % 4 != 0 }
      for count in [0, 1, 5, 7, 80] {
        #expect(FunnelDrawing.highest(count, of: candidates) { keys[$0] } == Self.reference(count, candidates) { keys[$0] })
      }
    }
  }

  @Test func keysNotFiniteTakeTheSort() {
    let keys: [Double] = [1, .nan, 3, .infinity, 2, -.infinity, 3, 0]
    let candidates = Array(keys.indices)
    for count in [1, 3, 5, 8] {
      #expect(FunnelDrawing.highest(count, of: candidates) { keys[$0] } == Self.reference(count, candidates) { keys[$0] })
    }
  }
}
