import Foundation
import Testing

@testable import Chiiki

/// `RunOptions.handsBackMemory` (set by the CLI, which exits right after the run) only hands
/// the dataset back; the report is the same, and without it (tests, library users) nothing is
/// kept.
@Suite struct HandsBackMemoryTests {
  @Test func handingBackChangesNoOutputAndKeepsNothingByDefault() throws {
    let out = TempDir()
    defer { out.remove() }
    let load = LoadOptions(dataDirectory: Fixtures.path("tiny"))
    let plain = try Pipeline.run(RunOptions(load: load, outputDirectory: out.file("a")))
    #expect(plain.retained == nil)
    var options = RunOptions(load: load, outputDirectory: out.file("b"))
    options.handsBackMemory = true
    let kept = try Pipeline.run(options)
    #expect(kept.retained?.districts.count == kept.analysis.districts.count)
    #expect(kept.files == plain.files)
    for name in plain.files where name != "manifest.json" {
      let a = FileManager.default.contents(atPath: out.file("a/" + name))
      #expect(a != nil && a == FileManager.default.contents(atPath: out.file("b/" + name)), "\(name) differs")
    }
  }
}
