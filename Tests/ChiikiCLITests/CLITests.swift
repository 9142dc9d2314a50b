import Foundation
import Testing

/// Runs the built `chiiki` binary end to end, as swift-argument-parser's example tests do.
@Suite struct CLITests {
  static var binary: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("chiiki")
  }

  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(_ arguments: [String], in directory: URL? = nil) throws -> Outcome {
    let process = Process()
    var binary = Self.binary
    if !FileManager.default.fileExists(atPath: binary.path) {
      // Swift Testing may run from a helper; fall back to the package's debug build.
      binary = packageRoot.appendingPathComponent(".build/debug/chiiki")
    }
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? packageRoot
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
  }

  static func tempDir() -> URL {
    let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("chiiki-cli-" + UUID().uuidString)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static let tiny = packageRoot.appendingPathComponent("Tests/ChiikiTests/Fixtures/tiny").path

  @Test func runWritesTheSixFiles() throws {
    let dir = Self.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("r").path
    let result = try Self.run(["run", "--data", Self.tiny, "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    let names = Set(try FileManager.default.contentsOfDirectory(atPath: out))
    #expect(names.isSuperset(of: ["outreach_targets.csv", "segments.csv", "indicators.csv", "meeting_summary.md", "meeting_summary.html", "manifest.json"]))
  }

  @Test func defaultOutputIsReportsPeriod() throws {
    let dir = Self.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try Self.run(["run", "--data", Self.tiny], in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports/2026-10/outreach_targets.csv").path))
  }

  @Test func badInputExitsNonZeroNamingFileAndLine() throws {
    let dir = Self.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    for name in ["districts.csv", "statistics.csv", "cases.csv"] {
      try FileManager.default.copyItem(atPath: Self.tiny + "/" + name, toPath: dir.appendingPathComponent(name).path)
    }
    let stats = dir.appendingPathComponent("statistics.csv")
    var text = try String(contentsOf: stats, encoding: .utf8)
    text = text.replacingOccurrences(of: "2026-09,002,male,65+,welfare,10,300", with: "2026-09,002,male,65+,welfare,-3,300")
    try text.write(to: stats, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("out").path
    let result = try Self.run(["run", "--data", dir.path, "--out", out])
    #expect(result.status != 0)
    #expect(result.stderr.contains("statistics.csv:7:6: error: numerator '-3' is negative"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func validatePrintsASummaryAndWritesNothing() throws {
    let dir = Self.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try Self.run(["validate", "--data", Self.tiny], in: dir)
    #expect(result.status == 0)
    #expect(result.stdout.contains("districts: 3"))
    #expect(result.stdout.contains("indicator welfare"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  @Test func badOptionIsAUsageError() throws {
    let result = try Self.run(["run", "--data", Self.tiny, "--lang", "fr"])
    #expect(result.status == 64)
  }
}
