import Foundation
import Testing

@testable import Chiiki

/// Without resources.csv, or without the referrals/exits columns, the run still succeeds and
/// says what was skipped.
@Suite struct ResourceSkipTests {
  @Test func withoutResourcesTheDirectoryAndGapsAreSkipped() throws {
    let out = TempDir()
    defer { out.remove() }
    let result = try Pipeline.run(RunOptions(load: LoadOptions(dataDirectory: Fixtures.path("tiny")), outputDirectory: out.file("r")))
    #expect(!result.files.contains("resource_directory.md") && !result.files.contains("resource_directory.html"))
    #expect(result.files.contains("referral_outcomes.csv"))
    let r = result.analysis.resources
    #expect(r.gaps.isEmpty && result.analysis.resourceList.isEmpty)
    #expect(r.skipped == [Labels(.ja).skippedNoResources])
    #expect(result.analysis.diagnostics.notes.contains { $0.file == "resources.csv" && $0.message.contains("skipped") })
  }

  @Test func withoutReferralAndExitColumnsOutcomesAreSkipped() throws {
    let dir = Fixtures.copy("resources")
    defer { dir.remove() }
    let lines = try String(contentsOfFile: dir.file("cases.csv"), encoding: .utf8).split(separator: "\n")
    let trimmed = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",") }
    try (trimmed.joined(separator: "\n") + "\n").write(toFile: dir.file("cases.csv"), atomically: true, encoding: .utf8)
    let result = try Pipeline.run(RunOptions(load: LoadOptions(dataDirectory: dir.path), outputDirectory: dir.file("out")))
    #expect(!result.files.contains("referral_outcomes.csv"))
    #expect(result.files.contains("resource_directory.html"))
    let r = result.analysis.resources
    #expect(r.outcomes.isEmpty && r.outcomeTrend.isEmpty)
    #expect(r.skipped == [Labels(.ja).skippedNoReferrals])
    #expect(result.analysis.diagnostics.notes.contains { $0.file == "cases.csv" && $0.message.contains("no referrals column") })
    // Gaps are still judged, with zero referrals.
    #expect(r.gaps.contains { $0.isGap && $0.referrals == 0 })
  }

  @Test func withoutExitsOnlyTheExitPartIsSkipped() throws {
    let dir = Fixtures.copy("resources")
    defer { dir.remove() }
    let lines = try String(contentsOfFile: dir.file("cases.csv"), encoding: .utf8).split(separator: "\n")
    let trimmed = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(7).joined(separator: ",") }
    try (trimmed.joined(separator: "\n") + "\n").write(toFile: dir.file("cases.csv"), atomically: true, encoding: .utf8)
    let result = try Pipeline.run(RunOptions(load: LoadOptions(dataDirectory: dir.path), outputDirectory: dir.file("out")))
    let r = result.analysis.resources
    #expect(r.skipped == [Labels(.ja).skippedNoExits])
    let centre = try #require(r.outcomes.first { $0.level == .centre && $0.category == nil })
    #expect(centre.referrals == 68 && centre.exitRate == nil && centre.exitFlag == nil)
    let csv = String(decoding: FileManager.default.contents(atPath: dir.file("out/referral_outcomes.csv")) ?? Data(), as: UTF8.self)
    #expect(csv.contains("\r\ncentre,,センター全体,,all,2025-11/2026-10,118,68,,"))
  }
}
