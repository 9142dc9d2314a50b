import Foundation
import Testing

@testable import Chiiki

/// `MeetingReport.write` (the funnel plots streamed into the file between the pieces of the
/// rendered HTML) against the reference `MeetingReport.render` (the whole model rendered in
/// memory): the same bytes in every case, including the fall-backs.
@Suite struct MeetingReportStreamTests {
  /// The two files `MeetingReport.write` puts in a staged report, as committed.
  static func written(_ analysis: Analysis, _ dataset: Dataset, options: ReportOptions = ReportOptions(), chunk: Int) throws -> [String: [UInt8]] {
    let dir = TempDir()
    defer { dir.remove() }
    let target = dir.file("out")
    let stage = try ReportStage(target: target)
    let files = try MeetingReport.write(analysis, dataset: dataset, options: options, to: stage, chunk: chunk)
    try stage.commit()
    var out: [String: [UInt8]] = [:]
    for f in files {
      let bytes = [UInt8](FileManager.default.contents(atPath: (target as NSString).appendingPathComponent(f.name)) ?? Data())
      #expect(bytes.count == f.bytes)
      #expect(f.sha256 == { var h = SHA256(); h.update(bytes); return h.finalizeHex() }())
      out[f.name] = bytes
    }
    #expect(files.map(\.name) == ["meeting_summary.md", "meeting_summary.html"])
    return out
  }

  static func rendered(_ analysis: Analysis, _ dataset: Dataset, options: ReportOptions = ReportOptions()) -> [String: [UInt8]] {
    Dictionary(uniqueKeysWithValues: MeetingReport.render(analysis, dataset: dataset, options: options).map { ($0.name, $0.bytes) })
  }

  @Test(arguments: [ReportLanguage.ja, .en])
  func sameBytesAsRenderOnExampleData(language: ReportLanguage) throws {
    let (a, d) = try ReportRun.analysis(ReportRun.repositoryRoot + "/data", language: language)
    let reference = Self.rendered(a, d)
    // Chunks of 1 byte (a write per point), 4 kB and the default.
    for chunk in [1, 4096, FunnelDrawing.chunk] {
      let streamed = try Self.written(a, d, chunk: chunk)
      #expect(streamed == reference, "chunk \(chunk)")
    }
    #expect(String(decoding: reference["meeting_summary.html"] ?? [], as: UTF8.self).contains("<polyline class=\"l95\""))
  }

  @Test func sameBytesForEveryFixture() throws {
    for name in ["tiny", "resources"] {
      let (a, d) = try ReportRun.analysis(Fixtures.path(name))
      #expect(try Self.written(a, d, chunk: 64) == Self.rendered(a, d), "\(name)")
    }
  }

  @Test func placeholderInInputFallsBackToWholeRendering() throws {
    let dir = Fixtures.copy("tiny")
    defer { dir.remove() }
    // A district named like the stand-in of the first funnel plot.
    dir.write("districts.csv", "district_code,district_name,area,households\n001,\(FunnelPlaceholder.token(0)),北部圏域,100\n002,港町二丁目,北部圏域,200\n003,緑が丘,南部,150\n")
    let (a, d) = try ReportRun.analysis(dir.path)
    #expect(try Self.written(a, d, chunk: 16) == Self.rendered(a, d))
  }

  @Test func overriddenTemplatesTakeTheRenderPath() throws {
    let dir = TempDir()
    defer { dir.remove() }
    // A Markdown template that shows the funnel plots (escaped): must not see placeholders.
    dir.write(TemplateSet.markdownFile, "{{% CONTENT_TYPE: MARKDOWN }}\n{{#charts.funnels}}{{svg}}\n{{/charts.funnels}}")
    dir.write(TemplateSet.htmlFile, "{{#charts.funnels}}{{svg}}|{{{svg}}}{{/charts.funnels}}")
    let options = ReportOptions(templatesDirectory: dir.path)
    let (a, d) = try ReportRun.analysis(Fixtures.path("tiny"))
    let streamed = try Self.written(a, d, options: options, chunk: 16)
    #expect(streamed == Self.rendered(a, d, options: options))
    #expect(String(decoding: streamed["meeting_summary.html"] ?? [], as: UTF8.self).contains("<svg"))
  }

  @Test func placeholdersMustBeFoundOnceInOrder() {
    func pieces(_ text: String, _ count: Int) -> [Range<Int>]? {
      var s = text
      return FunnelPlaceholder.pieces(of: &s, count: count)
    }
    let t0 = FunnelPlaceholder.token(0)
    let t1 = FunnelPlaceholder.token(1)
    #expect(pieces("ab", 0) == [0..<2])
    #expect(pieces("a\(t0)b\(t1)c", 2) == [0..<1, (1 + t0.utf8.count)..<(2 + t0.utf8.count), (2 + t0.utf8.count + t1.utf8.count)..<(3 + t0.utf8.count + t1.utf8.count)])
    #expect(pieces("a\(t1)b\(t0)c", 2) == nil)  // out of order
    #expect(pieces("a\(t0)b\(t0)c", 2) == nil)  // twice
    #expect(pieces("a\(t0)b", 2) == nil)  // one missing
    #expect(pieces("a\(t0)b\(t1)", 1) == nil)  // one too many
    #expect(pieces("a\u{1}chiiki-funnel-", 0) == nil)  // a cut-off marker
  }
}
