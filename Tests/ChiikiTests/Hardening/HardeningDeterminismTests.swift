import Foundation
import Testing

@testable import Chiiki

/// Issue 8: the same inputs give byte-identical outputs whatever the row order of the inputs.
/// Every file of a complete small city (Fixtures/awkward/shuffle-city: six districts, three
/// indicators, population, resources, 18 months of cases, quoted fields with line breaks) has
/// its data rows shuffled with a fixed seed, several times; every output byte must match the
/// unshuffled run, except manifest.json's `run` block and its input SHA-256s (the input bytes
/// legitimately differ).
@Suite struct HardeningDeterminismTests {
  /// A small fixed-seed generator (SplitMix64), so the shuffles are the same on every machine.
  struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      splitMix(&state)
    }
  }

  /// The records of a CSV text (quoted line breaks stay inside their record), each with its
  /// line terminator.
  static func records(_ text: String) -> [String] {
    var out: [String] = []
    var current = ""
    var quoted = false
    for ch in text {
      current.append(ch)
      if ch == "\"" { quoted.toggle() }
      if !quoted && (ch == "\n" || ch == "\r\n") {
        out.append(current)
        current = ""
      }
    }
    if !current.isEmpty { out.append(current + "\n") }
    return out
  }

  static func shuffledCopy(of source: String, seed: UInt64) throws -> TempDir {
    let dir = TempDir()
    var rng = SplitMix64(state: seed)
    for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasSuffix(".csv") {
      let text = try String(contentsOfFile: source + "/" + name, encoding: .utf8)
      let rows = records(text)
      let shuffled = [rows[0]] + rows.dropFirst().shuffled(using: &rng)
      #expect(Set(shuffled) == Set(rows))
      #expect(rows.count < 4 || shuffled != rows, "\(name) was not shuffled")
      dir.write(name, shuffled.joined())
    }
    return dir
  }

  /// manifest.json without its `run` block and with the inputs' SHA-256s blanked.
  static func comparableManifest(_ data: Data?) -> String {
    let text = String(decoding: data ?? Data(), as: UTF8.self).components(separatedBy: "\"run\"")[0]
    // The inputs block comes before the configuration; the outputs' SHA-256s (after it) are kept.
    guard let split = text.range(of: "\"configuration\"") else { return text }
    let inputs = text[..<split.lowerBound].replacing(/"sha256": "[0-9a-f]{64}"/) { _ in "\"sha256\": \"…\"" }
    // The meeting summary quotes the inputs' SHA-256s, so its own SHA-256 changes with them.
    let rest = String(text[split.lowerBound...]).replacing(/("name": "meeting_summary\.(md|html)",\s*"sha256": ")[0-9a-f]{64}/) { m in m.output.1 + "…" }
    return String(inputs) + rest
  }

  /// The report text with the inputs' (abbreviated) SHA-256s blanked.
  static func withoutInputHashes(_ data: Data?) -> String {
    String(decoding: data ?? Data(), as: UTF8.self).replacing(/[0-9a-f]{16}…/) { _ in "…" }
  }

  @Test func shufflingInputRowsChangesNoOutputByte() throws {
    let source = Fixtures.path("awkward/shuffle-city")
    let out = TempDir()
    defer { out.remove() }
    let period = Period(year: 2026, month: 10)
    _ = try Pipeline.run(RunOptions(load: LoadOptions(dataDirectory: source, runPeriod: period), outputDirectory: out.file("base")))
    let base = folderContents(out.file("base"))
    #expect(base.count >= 6)
    for seed in [1, 2, 3, 4] as [UInt64] {
      let dir = try Self.shuffledCopy(of: source, seed: seed)
      defer { dir.remove() }
      let target = out.file("shuffled-\(seed)")
      _ = try Pipeline.run(RunOptions(load: LoadOptions(dataDirectory: dir.path, runPeriod: period), outputDirectory: target))
      let shuffled = folderContents(target)
      #expect(Set(shuffled.keys) == Set(base.keys))
      for (name, bytes) in base where name != "manifest.json" {
        if name.hasPrefix("meeting_summary") {
          // The methodology lists each input file's SHA-256, which shuffling rightly changes.
          #expect(Self.withoutInputHashes(shuffled[name]) == Self.withoutInputHashes(bytes), "seed \(seed): \(name) differs")
        } else {
          #expect(shuffled[name] == bytes, "seed \(seed): \(name) differs")
        }
      }
      let a = Self.comparableManifest(base["manifest.json"])
      let b = Self.comparableManifest(shuffled["manifest.json"])
      #expect(a == b, "seed \(seed): manifest.json differs")
      // The outputs' own SHA-256s are among what must match.
      #expect(a.contains("\"outputs\""))
    }
  }

  /// The splitter used above keeps quoted line breaks inside their record.
  @Test func recordSplitterKeepsQuotedLineBreaks() {
    let rows = Self.records("a,b\r\n1,\"x\r\ny\"\r\n2,\"p\"\"q\"\n3,z")
    #expect(rows == ["a,b\r\n", "1,\"x\r\ny\"\r\n", "2,\"p\"\"q\"\n", "3,z\n"])
  }
}
