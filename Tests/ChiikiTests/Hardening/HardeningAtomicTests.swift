import Foundation
import Testing

@testable import Chiiki

/// Issue 8: a run writes all of its files or none. A failure injected after some files were
/// written into the default period folder (<reportsRoot>/<period>/) leaves the earlier report
/// byte for byte and no temporary folder beside it; a first run that fails leaves no folder.
@Suite struct HardeningAtomicTests {
  @Test(arguments: [0, 1, 3, 5])
  func injectedFailureKeepsTheEarlierPeriodFolder(after files: Int) throws {
    let dir = Fixtures.copy("tiny")
    defer { dir.remove() }
    let reports = dir.file("reports")
    var options = RunOptions(load: LoadOptions(dataDirectory: dir.path))
    options.reportsRoot = reports
    let first = try Pipeline.run(options)
    #expect(first.outputDirectory == reports + "/2026-10")
    let before = folderContents(reports)
    #expect(before.count >= 6)

    // A different report this time (another leaflet budget), so that a half-swap would show.
    options.load.configuration.leafletBudget = 7
    options.failAfterFiles = files
    #expect(throws: ChiikiError.self) { try Pipeline.run(options) }
    #expect(folderContents(reports) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: reports) == ["2026-10"])
  }

  @Test func failedFirstRunLeavesNoFolder() throws {
    let dir = Fixtures.copy("tiny")
    defer { dir.remove() }
    var options = RunOptions(load: LoadOptions(dataDirectory: dir.path))
    options.reportsRoot = dir.file("reports")
    options.failAfterFiles = 2
    #expect(throws: ChiikiError.self) { try Pipeline.run(options) }
    #expect((try? FileManager.default.contentsOfDirectory(atPath: dir.file("reports"))) ?? [] == [])
  }
}
