import Foundation
import Testing

@testable import Chiiki

/// The resource directory written to a file in chunks (`write`) against the reference
/// `renderBytes` (built whole in memory): the same bytes for any chunk size.
@Suite struct ResourceDirectoryStreamTests {
  @Test(arguments: [ReportLanguage.ja, .en])
  func streamedDirectoryMatchesRenderBytes(language: ReportLanguage) throws {
    let (analysis, dataset) = try ResourceFixture.resources(language: language)
    let directory = ResourceDirectory(resources: dataset.resources ?? [], districts: analysis.districts, labels: Labels(language))
    #expect(directory.count > 0)
    let md = ResourceDirectoryMarkdown.renderBytes(directory, analysis: analysis)
    let html = ResourceDirectoryHTML.renderBytes(directory, analysis: analysis)
    for chunk in [1, 100, ResourceDirectory.chunk] {
      let dir = TempDir()
      defer { dir.remove() }
      let stage = try ReportStage(target: dir.file("out"))
      let mdSink = try stage.open("resource_directory.md")
      let htmlSink = try stage.open("resource_directory.html")
      ResourceDirectoryMarkdown.write(directory, analysis: analysis, to: mdSink, chunk: chunk)
      ResourceDirectoryHTML.write(directory, analysis: analysis, to: htmlSink, chunk: chunk)
      let files = [try mdSink.close(), try htmlSink.close()]
      try stage.commit()
      for (file, reference) in zip(files, [md, html]) {
        let bytes = [UInt8](FileManager.default.contents(atPath: dir.file("out/" + file.name)) ?? Data())
        #expect(bytes == reference, "\(file.name) chunk \(chunk)")
        #expect(file.bytes == reference.count)
      }
    }
  }
}
