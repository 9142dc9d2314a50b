import Testing

@testable import Chiiki

/// `ResourceIDLines` appends increasing ids without a lookup and switches to a dictionary on
/// the first id out of order: its answers must be those of a plain dictionary in every case.
@Suite struct ResourceIDLinesTests {
  /// Inserts `ids` (line = index + 2) into both; the answers must agree id by id.
  func agree(_ ids: [String]) -> (ResourceIDLines, repeats: Int) {
    var index = ResourceIDLines(expected: 4)
    var reference: [String: Int] = [:]
    var repeats = 0
    for (i, id) in ids.enumerated() {
      let expected = reference[id]
      if expected == nil { reference[id] = i + 2 } else { repeats += 1 }
      let got = index.insert(id, line: i + 2)
      #expect(got == expected, "id \(i) \(id)")
    }
    return (index, repeats)
  }

  @Test func increasingIdsStayOrdered() {
    let (index, repeats) = agree((1...5000).map { "R" + String(repeating: "0", count: 6 - String($0).count) + String($0) })
    #expect(repeats == 0 && index.isOrdered)
  }

  @Test(arguments: [UInt64(1), 2, 3])
  func randomIdsWithRepeatsAndBreaks(seed: UInt64) {
    var state = seed
    var ids: [String] = []
    var n = 0
    for _ in 0..<3000 {
      let r = splitMix(&state) % 100
      if r < 90 {
        n += 1
        ids.append("R\(100_000 + n)")
      } else if r < 95, !ids.isEmpty {
        ids.append(ids[Int(splitMix(&state) % UInt64(ids.count))])  // a repeat of any earlier id
      } else {
        ids.append("Q\(splitMix(&state) % 500)")  // out of order (and sometimes repeated)
      }
    }
    let (index, repeats) = agree(ids)
    #expect(repeats > 50 && !index.isOrdered)
  }

  @Test func equalIdRightAfterIsARepeat() {
    // "e" + combining acute equals "é" as a String: not greater, so found as a repeat.
    let (index, repeats) = agree(["A", "B", "é", "e\u{301}", "Z"])
    #expect(repeats == 1 && !index.isOrdered)
  }
}
