import Foundation
import Testing

@testable import Chiiki

@Suite struct PipelineTests {
  func files(_ dir: String) -> [String: Data] {
    var out: [String: Data] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
      out[name] = FileManager.default.contents(atPath: (dir as NSString).appendingPathComponent(name))
    }
    return out
  }

  @Test func twoRunsAreByteIdentical() throws {
    let out = TempDir()
    defer { out.remove() }
    let load = LoadOptions(dataDirectory: Fixtures.path("tiny"))
    _ = try Pipeline.run(RunOptions(load: load, outputDirectory: out.file("a")))
    _ = try Pipeline.run(RunOptions(load: load, outputDirectory: out.file("b")))
    let a = files(out.file("a"))
    let b = files(out.file("b"))
    #expect(Set(a.keys) == ["areas.csv", "reach_by_category.csv", "outreach_targets.csv", "segments.csv", "indicators.csv", "meeting_summary.md", "meeting_summary.html", "referral_outcomes.csv", "manifest.json"])
    for (name, data) in a where name != "manifest.json" { #expect(data == b[name], "\(name) differs") }
    // The manifest differs only in its run block.
    func strip(_ d: Data?) -> String { String(decoding: d ?? Data(), as: UTF8.self).components(separatedBy: "\"run\"")[0] }
    #expect(strip(a["manifest.json"]) == strip(b["manifest.json"]))
  }

  @Test func csvOutputsHaveBOMAndCRLF() throws {
    let out = TempDir()
    defer { out.remove() }
    _ = try Pipeline.run(RunOptions(load: LoadOptions(dataDirectory: Fixtures.path("tiny")), outputDirectory: out.file("r")))
    let bytes = [UInt8](FileManager.default.contents(atPath: out.file("r/outreach_targets.csv"))!)
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let lf = bytes.indices.filter { bytes[$0] == 0x0A }
    #expect(!lf.isEmpty && lf.allSatisfy { $0 > 0 && bytes[$0 - 1] == 0x0D })
  }

  @Test func failureAfterSomeFilesLeavesTheEarlierReport() throws {
    let out = TempDir()
    defer { out.remove() }
    let target = out.file("2026-10")
    var options = RunOptions(load: LoadOptions(dataDirectory: Fixtures.path("tiny")), outputDirectory: target)
    _ = try Pipeline.run(options)
    let before = files(target)
    options.failAfterFiles = 3
    #expect(throws: ChiikiError.self) { try Pipeline.run(options) }
    #expect(files(target) == before)
    // No temporary folder is left beside it.
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)
  }

  @Test func malformedNumberAtLine37IsLocatedAndNothingIsWritten() throws {
    let dir = Fixtures.copy("tiny")
    defer { dir.remove() }
    // 36 valid rows (header + 35) for an extra indicator, then a bad numerator on line 37.
    var text = try String(contentsOfFile: dir.file("statistics.csv"), encoding: .utf8)
    var lines = text.split(separator: "\n").map(String.init)
    while lines.count < 36 {
      let i = lines.count
      lines.append("2025-09,00\(i % 3 + 1),\(i % 2 == 0 ? "male" : "female"),\(i)-\(i),extra,1,10")
    }
    lines.append("2025-09,001,male,90+,extra,12a,10")
    text = lines.joined(separator: "\n") + "\n"
    try text.write(toFile: dir.file("statistics.csv"), atomically: true, encoding: .utf8)
    let target = dir.file("out")
    #expect {
      try Pipeline.run(RunOptions(load: LoadOptions(dataDirectory: dir.path), outputDirectory: target))
    } throws: { error in
      guard case ChiikiError.invalidInput(let log) = error, let d = log.errors.first else { return false }
      return d.file == "statistics.csv" && d.line == 37 && d.column == 6 && d.message.contains("'12a' is not a whole number")
    }
    #expect(!FileManager.default.fileExists(atPath: target))
  }
}
