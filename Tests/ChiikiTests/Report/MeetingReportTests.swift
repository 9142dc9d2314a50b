import Foundation
import Testing

@testable import Chiiki

@Suite struct MeetingReportTests {
  @Test func builtInTemplatesAndRulesParse() throws {
    _ = try TemplateSet.builtIn()
    let rules = try ProposalRulesParser.parse(DefaultProposalRules.text, source: "built-in")
    #expect(rules.map(\.id) == ["ltc-joint-outreach", "work-experience-placements", "children-learning-support", "places-to-belong", "persistent-under-reach", "exit-development"])
    #expect(rules.allSatisfy { $0.title[.ja] != nil && $0.title[.en] != nil && $0.action[.en] != nil })
    try MeetingReport.check(ReportOptions())
  }

  @Test func hostileDistrictNameIsShownAsText() throws {
    let dir = Fixtures.copy("tiny")
    defer { dir.remove() }
    let hostile = "<script>alert(1)</script>"
    dir.write("districts.csv", "district_code,district_name,area,households\n001,\(hostile),北部圏域,100\n002,港町二丁目|*[x](http://e),北部圏域,200\n003,緑が丘,<b>南部</b>,150\n")
    let (md, html) = try ReportRun.render(dir.path)
    #expect(!html.contains("<script"))
    #expect(!html.contains("<b>南部"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    // Every `<` that could open a tag is escaped in the Markdown.
    #expect(!md.replacingOccurrences(of: "\\<", with: "").contains("<script"))
    #expect(md.contains("\\<script>alert(1)\\</script>"))
    // Table cells keep their column count: the `|` in a name is escaped.
    #expect(md.contains("港町二丁目\\|\\*\\[x\\](http://e)"))
    for table in MarkdownTables.parse(md) { for row in table.rows { #expect(row.count == table.header.count, "\(row)") } }
  }

  @Test func htmlIsSelfContainedWithChartsAndPrintRules() throws {
    let (_, html) = try ReportRun.render(Fixtures.path("tiny"))
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("@page { size: A4"))
    #expect(html.contains("break-before: page"))
    #expect(html.components(separatedBy: "<svg").count - 1 >= 3)  // funnel, ranked, trend
    #expect(html.contains("ファネルプロット：生活保護率"))
    #expect(html.contains("優先順位の高い地区：ニーズ指数と相談の届き方"))
    #expect(html.contains("class=\"l95\"") && html.contains("class=\"l998\""))
    #expect(!html.contains("<script"))
    #expect(!html.contains("src=") && !html.contains("<link"))
    #expect(!html.contains("{{"))
  }

  @Test func englishReportHasTheSameSections() throws {
    let (ja, _) = try ReportRun.render(Fixtures.path("tiny"))
    let (en, html) = try ReportRun.render(Fixtures.path("tiny"), language: .en)
    let headings = { (s: String) in s.split(separator: "\n").filter { $0.hasPrefix("## ") } }
    #expect(headings(ja).count == 7)
    #expect(headings(en).count == headings(ja).count)
    #expect(en.contains("## 2. Outreach plan"))
    #expect(en.contains("2026-10 (令和8年10月)"))
    #expect(!en.contains("広報・アウトリーチ計画"))
    #expect(html.contains("<html lang=\"en\">"))
    #expect(MarkdownTables.parse(en).count == MarkdownTables.parse(ja).count)
  }

  @Test func outputIsDeterministic() throws {
    let a = try ReportRun.render(Fixtures.path("tiny"))
    let b = try ReportRun.render(Fixtures.path("tiny"))
    #expect(a.md == b.md && a.html == b.html)
  }

  @Test func templateOverrideFolder() throws {
    let dir = TempDir()
    defer { dir.remove() }
    dir.write(TemplateSet.markdownFile, "{{% CONTENT_TYPE: MARKDOWN }}\nCUSTOM {{title}} {{#outreach.districts}}[{{name}}]{{/outreach.districts}}\n")
    let (md, html) = try ReportRun.render(Fixtures.path("tiny"), options: ReportOptions(templatesDirectory: dir.path))
    #expect(md == "CUSTOM 支援調整会議 資料：地域の状況と広報計画 [港町二丁目][港町一丁目][緑が丘]\n")
    #expect(html.contains("<!DOCTYPE html>"))  // not overridden: built-in

    // A broken template: check() fails with a typed error; render() falls back and says so.
    dir.write(TemplateSet.htmlFile, "{{#unclosed}}")
    #expect(throws: ReportError.self) { try MeetingReport.check(ReportOptions(templatesDirectory: dir.path)) }
    let fallback = try ReportRun.render(Fixtures.path("tiny"), options: ReportOptions(templatesDirectory: dir.path))
    #expect(fallback.md.contains("カスタマイズを使えなかったため既定を使用"))
    #expect(fallback.html.contains("<!DOCTYPE html>"))
  }
}

@Suite struct ReportProposalRulesTests {
  @Test func parseErrorsNameTheLine() {
    #expect(throws: ReportError.proposalRules(source: "p.rules", line: 3, message: "unknown condition `needhigh` (need_high, under_reached, under_reached_3_months, few_consultations, segment_need_high, no_resource, resource_gap, low_exit_rate, priority_top)")) {
      try ProposalRulesParser.parse("[a]\ntitle.ja = t\nwhen = needhigh(ltc)\naction.ja = x\n", source: "p.rules")
    }
    #expect(throws: ReportError.self) { try ProposalRulesParser.parse("[a]\ntitle.ja = t\naction.ja = x\n", source: "p") }
    #expect(throws: ReportError.self) { try ProposalRulesParser.parse("[a]\nwhen = few_consultations(65+)\ntitle.ja = t\naction.ja = x\n", source: "p") }
    #expect(throws: ReportError.self) { try ProposalRulesParser.parse("colour = red\n", source: "p") }
  }

  @Test func conditionsParse() throws {
    let rules = try ProposalRulesParser.parse("""
      # comment
      [r]
      when = need_high(ltc); few_consultations(65+, 0.5); segment_need_high(0-19, 1.2); priority_top(3); no_resource(居場所)
      title.ja = 見出し
      action.ja = {districts}で実施
      """, source: "p")
    #expect(rules[0].conditions == [.needHigh(IndicatorID("ltc")), .fewConsultations(ages: AgeBand(lower: 65, upper: nil), share: 0.5),
                                    .segmentNeedHigh(ages: AgeBand(lower: 0, upper: 19), level: 1.2), .priorityTop(3), .noResource(kind: "居場所")])
  }

  @Test func rulesFileInTheDataFolderReplacesTheDefaults() throws {
    let dir = Fixtures.copy("tiny")
    defer { dir.remove() }
    dir.write("proposals.rules", "[top]\nwhen = priority_top(2)\ntitle.ja = 重点地区の戸別訪問\naction.ja = {districts}を戸別訪問する。\npartners.ja = 民生委員\n")
    let (md, _) = try ReportRun.render(dir.path, options: ReportOptions(dataDirectory: dir.path))
    #expect(md.contains("### 議題案 1: 重点地区の戸別訪問"))
    #expect(md.contains("港町二丁目、港町一丁目を戸別訪問する。"))
    #expect(md.contains("  - 港町二丁目：優先順位1位"))
    #expect(md.contains("使用したルール: proposals.rules"))
  }

  @Test func defaultRulesFireOnTheSampleCityWithEvidence() throws {
    let data = ReportRun.repositoryRoot + "/data"
    guard FileManager.default.fileExists(atPath: data + "/districts.csv") else { return }
    let (md, _) = try ReportRun.render(data)
    // The generator plants the 中間的就労 gap in the area of highest unemployment need and
    // several persistently under-reached districts.
    #expect(md.contains("企業実習・中間的就労の場の開拓"))
    #expect(md.contains("ポスティングと督促書類への同封による周知"))
    #expect(md.contains("3か月連続で相談が有意に少ない；相談<5件／期待値"))
  }
}

/// Golden files pin the Markdown. Regenerate with CHIIKI_UPDATE_GOLDEN=1 after reading the
/// change as a person; a failure prints a line diff.
@Suite struct ReportGoldenTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/report").path

  func compare(_ actual: String, golden name: String) throws {
    let path = Self.folder + "/" + name
    if ProcessInfo.processInfo.environment["CHIIKI_UPDATE_GOLDEN"] == "1" {
      try actual.write(toFile: path, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    if expected != actual {
      Issue.record("\(name) differs from the golden file (set CHIIKI_UPDATE_GOLDEN=1 to accept):\n\(LineDiff.unified(expected, actual))")
    }
  }

  @Test func tinyJapanese() throws { try compare(try ReportRun.render(Fixtures.path("tiny")).md, golden: "tiny.ja.md") }
  @Test func tinyEnglish() throws { try compare(try ReportRun.render(Fixtures.path("tiny"), language: .en).md, golden: "tiny.en.md") }

  @Test func sampleCity() throws {
    let data = ReportRun.repositoryRoot + "/data"
    guard FileManager.default.fileExists(atPath: data + "/districts.csv") else { return }
    try compare(try ReportRun.render(data).md, golden: "data.ja.md")
  }

  @Test func diffShowsChangedLines() {
    let d = LineDiff.unified("a\nb\nc\n", "a\nB\nc\n")
    #expect(d.contains("-b") && d.contains("+B"))
  }
}
