import Testing

@testable import Chiiki

/// No input may trap: mutated and truncated versions of the example all end in either a
/// configuration or located errors.
@Suite struct ConfigRobustnessTests {
  /// A small deterministic generator (SplitMix64), so that failures can be replayed.
  struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
      splitMix(&state)
    }
    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
  }

  /// Errors must be located inside the text.
  func checkOutcome(_ text: String) {
    let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
    for error in configErrors(text) {
      let line = error.line ?? 0
      #expect(line >= 1 && line <= max(lineCount, 1), "\(error) in \(text.debugDescription)")
      #expect((error.column ?? 1) >= 1, "\(error)")
    }
  }

  @Test func everyTruncationOfTheExample() {
    let scalars = Array(ConfigurationLoader.exampleTOML.unicodeScalars)
    for end in stride(from: 0, through: scalars.count, by: 3) {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[0..<end])
      checkOutcome(String(view))
    }
  }

  @Test func randomMutationsOfTheExample() {
    let pieces: [String] = [
      "\"", "'", "[", "]", "{", "}", "=", ",", ".", "#", "\n", "\r", "\\", "\\u", "\"\"\"", "'''", "0x", "_", "e",
      "-", "+", "9999999999999999999999", "1e999", "inf", "nan", "中", "\u{0}", "\u{FEFF}", " ", "[[", "a.b", "true",
    ]
    var random = SplitMix(state: 2024)
    let base = Array(ConfigurationLoader.exampleTOML.unicodeScalars)
    for _ in 0..<1500 {
      var scalars = base
      for _ in 0..<(1 + random.below(4)) {
        let position = random.below(scalars.count + 1)
        switch random.below(3) {
        case 0:
          if position < scalars.count { scalars.remove(at: position) }
        case 1:
          scalars.insert(contentsOf: pieces[random.below(pieces.count)].unicodeScalars, at: position)
        default:
          if position < scalars.count {
            scalars.replaceSubrange(position...position, with: pieces[random.below(pieces.count)].unicodeScalars)
          }
        }
      }
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars)
      checkOutcome(String(view))
    }
  }

  @Test func hostileInputs() {
    let inputs = [
      String(repeating: "[", count: 100_000),
      "a = " + String(repeating: "[", count: 100_000),
      "a = " + String(repeating: "9", count: 10_000),
      "a = 0." + String(repeating: "0", count: 10_000) + "1",
      "a = 1e" + String(repeating: "9", count: 1000),
      "a = -" + String(repeating: "1_", count: 1000) + "1",
      String(repeating: "a.", count: 10_000) + "b = 1",
      "[" + String(repeating: "a.", count: 10_000) + "b]",
      String(repeating: "x", count: 100_000) + " = 1",
      "a = \"\\U7FFFFFFF\"",
      "a = \"\\UFFFFFFFF\"",
      "\u{0}",
      "\r",
      "a = 0b" + String(repeating: "1", count: 64),
      "[statistics]\nconfidence_level = 1e308",
      "[outreach]\nwindow_months = -9223372036854775808",
      "[outreach]\nwindow_months = 9.3e18",
      "[outreach]\nleaflet_budget = -1e300",
    ]
    for input in inputs {
      checkOutcome(input)
      #expect(!configErrors(input).isEmpty, "\(input.prefix(40).debugDescription) loaded")
    }
  }
}
