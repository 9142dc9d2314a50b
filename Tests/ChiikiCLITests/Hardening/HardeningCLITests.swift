import Foundation
import Testing

/// Issue 8 at the command line: exit status, stderr and the reports/<period>/ folder.
/// (Lives beside CLITests because only this target runs the built binary.)
@Suite struct HardeningCLITests {
  static let tiny = CLITests.tiny

  /// A working folder holding a copy of the tiny city in `data/`.
  static func workspace() throws -> URL {
    let dir = CLITests.tempDir()
    let data = dir.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    for name in ["districts.csv", "statistics.csv", "cases.csv"] {
      try FileManager.default.copyItem(atPath: tiny + "/" + name, toPath: data.appendingPathComponent(name).path)
    }
    return dir
  }

  static func contents(_ dir: URL) -> [String: Data] {
    var out: [String: Data] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] {
      out[name] = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path)
    }
    return out
  }

  static func edit(_ file: URL, _ old: String, _ new: String) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains(old))
    try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
  }

  /// An earlier reports/2026-10/ survives a failing run byte for byte, and no temporary folder
  /// is left beside it.
  @Test func earlierPeriodFolderSurvivesAFailingRun() throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let first = try CLITests.run(["run", "--data", "data"], in: dir)
    #expect(first.status == 0, "\(first.stderr)")
    let reports = dir.appendingPathComponent("reports")
    let period = reports.appendingPathComponent("2026-10")
    let before = Self.contents(period)
    #expect(before.count >= 6)

    try Self.edit(dir.appendingPathComponent("data/cases.csv"), "2026-09,001,female,65+,健康,2,1,0", "2026-09,001,female,65+,健康,2,x,0")
    let second = try CLITests.run(["run", "--data", "data"], in: dir)
    #expect(second.status == 1)
    #expect(second.stderr.contains("cases.csv:3:7: error: referrals is empty or suppressed"), "\(second.stderr)")
    #expect(second.stderr.contains("nothing was written"))
    #expect(second.stdout.isEmpty)
    #expect(Self.contents(period) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: reports.path) == ["2026-10"])
  }

  /// Every case of the malformed corpus (Tests/ChiikiTests/Fixtures/malformed, see Corpus.swift
  /// there) through the binary: exit status 1, `file:line:col: error: …` on stderr for each
  /// expected error, and no reports/ folder.
  static var malformedCases: [String] {
    let root = CLITests.packageRoot.appendingPathComponent("Tests/ChiikiTests/Fixtures/malformed").path
    return ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
  }

  @Test(arguments: malformedCases)
  func malformedCaseExitsNonZeroAndWritesNothing(_ name: String) throws {
    let folder = CLITests.packageRoot.appendingPathComponent("Tests/ChiikiTests/Fixtures/malformed/" + name)
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let data = dir.appendingPathComponent("data")
    var expected: [(location: String, phrase: String)] = []
    var arguments = ["run", "--data", "data"]
    for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file != "case.txt" {
      try? FileManager.default.removeItem(at: data.appendingPathComponent(file))
      try FileManager.default.copyItem(at: folder.appendingPathComponent(file), to: data.appendingPathComponent(file))
    }
    let spec = try String(contentsOf: folder.appendingPathComponent("case.txt"), encoding: .utf8)
    for line in spec.split(separator: "\n") where !line.hasPrefix("#") {
      let value = line.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("expect:") {
        let parts = value.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        expected.append((parts[0], parts.count > 1 ? parts[1] : ""))
      } else if line.hasPrefix("remove:") {
        try FileManager.default.removeItem(at: data.appendingPathComponent(value))
      } else if line.hasPrefix("period:") {
        arguments += ["--period", value]
      }
    }
    let result = try CLITests.run(arguments, in: dir)
    #expect(result.status == 1)
    let lines = result.stderr.split(separator: "\n")
    for (location, phrase) in expected {
      #expect(lines.contains { $0.hasPrefix("\(location): error: ") && $0.contains(phrase) }, "no '\(location): error: …\(phrase)' in:\n\(result.stderr)")
    }
    #expect(result.stderr.hasSuffix("nothing was written.\n"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports").path))
  }

  /// A bad chiiki.toml stops the run before anything is read or written, naming file:line:col.
  @Test(arguments: [
    ("[report]\nlanguage = \"ja\"\nlanguag = \"en\"\n", "chiiki.toml:3:1: error:", "languag"),
    ("[privacy]\nsmall_cell_threshold = \"five\"\n", "chiiki.toml:2:24: error:", "small_cell_threshold"),
  ])
  func badConfigurationExitsNonZeroWithItsLine(_ toml: String, _ location: String, _ phrase: String) throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    try toml.write(to: dir.appendingPathComponent("data/chiiki.toml"), atomically: true, encoding: .utf8)
    let reports = dir.appendingPathComponent("reports")
    let result = try CLITests.run(["run", "--data", "data"], in: dir)
    #expect(result.status == 1)
    #expect(result.stderr.contains(location) && result.stderr.contains(phrase), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: reports.path))
  }

  /// Warnings that are not errors (an unknown extra column, suppressed cells, a run month with
  /// no consultations) go to stderr and to the manifest, and the run succeeds.
  @Test func warningsGoToStderrAndTheManifest() throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let districts = dir.appendingPathComponent("data/districts.csv")
    let text = try String(contentsOf: districts, encoding: .utf8)
    try text.split(separator: "\n").enumerated().map { $0.offset == 0 ? $0.element + ",memo\n" : $0.element + ",\n" }.joined()
      .write(to: districts, atomically: true, encoding: .utf8)
    let result = try CLITests.run(["run", "--data", "data", "--period", "2026-12"], in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    let manifest = String(decoding: FileManager.default.contents(atPath: dir.appendingPathComponent("reports/2026-12/manifest.json").path) ?? Data(), as: UTF8.self)
    for warning in [
      "districts.csv:1: warning: ignored unknown column: memo",
      "statistics.csv: warning: welfare: 1 suppressed or unavailable cells",
      "cases.csv: warning: no consultations in 2026-12, the run period",
    ] {
      #expect(result.stderr.contains(warning), "stderr lacks \(warning):\n\(result.stderr)")
      #expect(manifest.contains(warning), "manifest.json lacks \(warning)")
    }
  }
}
