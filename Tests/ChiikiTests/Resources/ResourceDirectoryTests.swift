import Foundation
import Testing

@testable import Chiiki

@Suite struct ResourceDirectoryTests {
  func render(_ language: ReportLanguage = .ja) throws -> (md: String, html: String) {
    let (a, d) = try ResourceFixture.resources(language: language)
    let files = ResourceOutputs.render(a, dataset: d)
    func text(_ name: String) -> String { String(decoding: files.first { $0.name == name }?.bytes ?? [], as: UTF8.self) }
    return (text("resource_directory.md"), text("resource_directory.html"))
  }

  func occurrences(_ needle: String, in haystack: String) -> Int { haystack.components(separatedBy: needle).count - 1 }

  @Test func everyPublicResourceOnceAndNoPrivateOne() throws {
    let (md, html) = try render()
    // Names as they appear after escaping.
    let mdNames = ["北部就労支援センター", "ファーム\\<北>", "A\\&B \"カフェ\"", "南の相談窓口", "南こども食堂", "南しごとコーナー"]
    for name in mdNames { #expect(occurrences("#### \(name)\n", in: md) == 1, "\(name)") }
    let htmlNames = ["北部就労支援センター", "ファーム&lt;北&gt;", "A&amp;B &quot;カフェ&quot;", "南の相談窓口", "南こども食堂", "南しごとコーナー"]
    for name in htmlNames { #expect(occurrences("<h4>\(name)</h4>", in: html) == 1, "\(name)") }
    #expect(occurrences("<article ", in: html) == 6)
    for text in [md, html] {
      #expect(!text.contains("南シェルター") && !text.contains("0000-00-0005"))
    }
  }

  @Test func groupedByAreaThenKind() throws {
    let (md, html) = try render()
    let headings = md.split(separator: "\n").filter { $0.hasPrefix("## ") || $0.hasPrefix("### ") }.map(String.init)
    #expect(headings == ["## 目次", "## 北部圏域", "### 就労", "### 中間的就労", "### 居場所", "## 南部圏域", "### 就労", "### 食料支援", "### 相談"])
    // Each resource sits under its own area and kind.
    let south = try #require(md.range(of: "## 南部圏域"))
    #expect(md.range(of: "#### 南しごとコーナー")!.lowerBound > south.lowerBound)
    #expect(md.range(of: "#### 北部就労支援センター")!.lowerBound < south.lowerBound)
    // The HTML contents link to every area and kind section.
    for id in ["area-1", "area-1-kind-1", "area-1-kind-3", "area-2", "area-2-kind-3"] {
      #expect(html.contains("href=\"#\(id)\"") && html.contains("id=\"\(id)\""), "\(id)")
    }
    #expect(md.contains("- 北部圏域（3件）\n  - 就労（1件）"))
  }

  @Test func textIsEscapedAndOnlyHTTPURLsBecomeLinks() throws {
    let (md, html) = try render()
    #expect(!html.contains("ファーム<北>") && !html.contains("A&B") && !html.contains("\"カフェ\""))
    #expect(!html.lowercased().contains("href=\"javascript"))
    #expect(html.contains("<dd>javascript:alert(1)</dd>"))
    #expect(html.contains("<a href=\"https://example.jp/r04?a=1&amp;b=2\">https://example.jp/r04?a=1&amp;b=2</a>"))
    #expect(html.contains("<a href=\"http://example.jp/r06\">"))
    #expect(md.contains("<https://example.jp/r01>") && !md.contains("<javascript:"))
    #expect(!md.contains("ファーム<北>"))
  }

  @Test func selfContainedPrintableAndScriptFree() throws {
    let (_, html) = try render()
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<html lang=\"ja\">") && html.contains("<meta charset=\"utf-8\">"))
    #expect(!html.lowercased().contains("<script") && !html.contains(" src=") && !html.contains("<link"))
    #expect(html.contains("@page { size: A4;") && html.contains("break-before: page") && html.contains("break-inside: avoid"))
    #expect(html.contains("<h2>目次</h2>"))
  }

  @Test func englishOnRequest() throws {
    let (md, html) = try render(.en)
    #expect(html.contains("<html lang=\"en\">") && html.contains("<h2>Contents</h2>") && html.contains("<dt>Address</dt>"))
    #expect(md.hasPrefix("# Guide to local support resources\n") && md.contains("- 北部圏域 (3 resources)"))
  }

  @Test func linkableURLs() {
    #expect(ResourceDirectory.linkableURL(" https://example.jp/a?b=1 ") == "https://example.jp/a?b=1")
    #expect(ResourceDirectory.linkableURL("HTTP://example.jp") == "HTTP://example.jp")
    for bad in ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "//example.jp", "https://", "https:///x",
                "https://ex ample.jp", "https://example.jp/\"onmouseover=\"x", "https://example.jp/<x>", "ftp://example.jp",
                "https://example.jp/\u{202E}x", " javascript:https://x"] {
      #expect(ResourceDirectory.linkableURL(bad) == nil, "\(bad)")
    }
  }

  @Test func outputIsDeterministic() throws {
    let first = try render()
    let second = try render()
    #expect(first.md == second.md && first.html == second.html)
  }
}
