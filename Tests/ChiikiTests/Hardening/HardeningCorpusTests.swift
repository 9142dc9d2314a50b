import Foundation
import Testing

@testable import Chiiki

/// Issue 8: every malformed input stops the run with a located message, writes nothing and
/// leaves an earlier report for the same period as it was; every awkward but valid input runs.
///
/// Decision on gapped age bands (see Fixtures/malformed/gapped-age-bands): within one indicator
/// and period, a sex x age cell that some districts have but another district (that has rows for
/// the indicator) lacks is an error. Such a hole is almost always a row lost while editing;
/// reading it as "not available" would quietly compare the district on fewer ages than the
/// others. Suppressed figures must be written (`X`) so that the gap is deliberate. Bands that no
/// district has (an indicator given only for 65+, or 0-4 and 10-14 without 5-9 everywhere) are
/// legitimate and accepted. The check applies to the periods a run can use (not after it).
/// The message has no line: the row is not in the file; it names district, sex, band and period.
@Suite struct HardeningCorpusTests {
  @Test(arguments: CorpusCase.all("malformed"))
  func malformedInputFailsLocatedAndWritesNothing(_ c: CorpusCase) throws {
    #expect(!c.errors.isEmpty, "case.txt has no expect: line")
    let dir = c.materialize()
    defer { dir.remove() }
    let reports = dir.file("reports")
    let target = reports + "/2026-10"
    writeEarlierReport(at: target)
    let before = folderContents(reports)

    var options = RunOptions(load: LoadOptions(dataDirectory: dir.path, runPeriod: c.period), outputDirectory: target)
    options.reportsRoot = reports
    var caught: ChiikiError?
    do { _ = try Pipeline.run(options) } catch { caught = error }
    guard case .invalidInput(let log) = caught else {
      Issue.record("expected located input errors, got \(caught.map { "\($0)" } ?? "success")")
      return
    }
    for expected in c.errors {
      #expect(log.errors.contains(where: expected.matches), "no error \(expected) in:\n\(log.rendered().joined(separator: "\n"))")
    }
    // No follow-on errors: as many errors as listed, unless case.txt says otherwise.
    #expect(log.errorCount == c.errorCount ?? c.errors.count, "\(log.rendered().joined(separator: "\n"))")
    let rendered = log.rendered()
    for line in c.more { #expect(rendered.contains(line), "\(rendered)") }
    #expect(rendered.count <= log.limit * 3 + 3)
    #expect(caught?.description.hasSuffix("nothing was written.") == true)
    // Nothing written: the earlier report is byte for byte the same, and nothing else appeared.
    #expect(folderContents(reports) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: reports) == ["2026-10"])
  }

  @Test(arguments: CorpusCase.all("awkward"))
  func awkwardInputRuns(_ c: CorpusCase) throws {
    let dir = c.materialize()
    defer { dir.remove() }
    let out = dir.file("out")
    let result = try Pipeline.run(RunOptions(load: LoadOptions(dataDirectory: dir.path, runPeriod: c.period), outputDirectory: out))
    let log = result.analysis.diagnostics
    #expect(!log.hasErrors)
    let manifest = String(decoding: FileManager.default.contents(atPath: out + "/manifest.json") ?? Data(), as: UTF8.self)
    for expected in c.warnings {
      #expect(log.warnings.contains(where: expected.matches), "no warning \(expected) in:\n\(log.rendered().joined(separator: "\n"))")
      // Warnings reach the manifest (the CLI prints them to stderr; see HardeningCLITests).
      #expect(manifest.contains(expected.phrase), "manifest.json lacks \(expected.phrase)")
    }
    if let encoding = c.encoding {
      #expect(manifest.contains("\"encoding\": \"\(encoding.rawValue)\""))
      #expect(!manifest.contains("\"encoding\": \"\(encoding == .utf8 ? "cp932" : "utf-8")\""))
    }
    let outputs = folderContents(out).values.map { String(decoding: $0, as: UTF8.self) }
    for text in c.texts {
      #expect(outputs.contains { $0.contains(text) }, "no output holds '\(text)'")
    }
  }

  /// Where many rows are wrong the report holds the first 20 in full and a count of the rest.
  @Test func manyBadRowsGiveTheFirstTwentyAndACount() throws {
    let c = CorpusCase(group: "malformed", name: "many-errors")
    let dir = c.materialize()
    defer { dir.remove() }
    #expect {
      try DatasetLoader.load(LoadOptions(dataDirectory: dir.path))
    } throws: { error in
      guard case ChiikiError.invalidInput(let log) = error else { return false }
      let lines = log.errors.compactMap(\.line)
      return log.errors.count == 20 && lines == Array(9...28) && log.errorCount == 25
        && log.rendered().last == "… and 5 more errors"
    }
  }
}
