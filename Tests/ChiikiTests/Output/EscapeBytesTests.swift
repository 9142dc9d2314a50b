import Foundation
import Mustache
import Testing

@testable import Chiiki

/// The byte-level HTML and Markdown escapes (and the ASCII shortcut of `linkableURL`) against
/// their character-by-character definitions, over random text built from awkward pieces:
/// characters that join their neighbours (combining marks, CR LF, prepended marks, ZWJ,
/// variation selectors), every special character, Japanese and ASCII text.
@Suite struct EscapeBytesTests {
  static let pieces = [
    "&", "<", ">", "\"", "'", "|", "\\", "*", "_", "`", "[", "]", "~", "#", "\n", "\r", "\t", "\r\n", "/", "!", "?",
    "a", "Z", "1", " ", ".", ":", "北", "カフェ", "が", "か\u{3099}", "\u{301}", "e\u{301}", "\u{600}", "\u{200D}", "\u{FE0F}",
    "\u{E0100}", "👩‍👩‍👧", "🇯🇵", "＆", "＜", "ｱ", "\u{0}", "\u{7F}", "\u{85}", "\u{2028}", "http://", "https://", "HTTPS://",
    "example.jp", "%20", "=", "^", "{", "}", "\u{1100}", "\u{1161}", "\u{AC00}", "\u{903}", "\u{94D}", "\u{915}",
  ]

  static func randomTexts(count: Int, seed: UInt64) -> [String] {
    var rng = OutputTestRandom(seed: seed)
    return (0..<count).map { _ in
      (0..<Int(rng.next() % 7)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
    }
  }

  @Test func htmlMatchesCharacters() {
    var bad: [String] = []
    for text in Self.pieces + Self.randomTexts(count: 40_000, seed: 1) where HTML.escape(text) != HTML.escapeCharacters(text) {
      bad.append(text)
    }
    #expect(bad.count == 0, "\(bad.prefix(5).map { Array($0.unicodeScalars) })")
  }

  @Test func markdownMatchesCharacters() {
    var bad: [String] = []
    for text in Self.pieces + Self.randomTexts(count: 40_000, seed: 2) where Markdown.escape(text) != Markdown.escapeCharacters(text) {
      bad.append(text)
    }
    #expect(bad.count == 0, "\(bad.prefix(5).map { Array($0.unicodeScalars) })")
  }

  @Test func appendingKeepsWhatWasThere() {
    // Into a buffer that already holds text, also when the byte path gives up half-way.
    for text in ["a&b", "北&\u{301}", "<b", "x\r\ny", "|か\u{3099}|"] {
      var bytes = Array("前".utf8)
      EscapeBytes.appendHTML(text, to: &bytes)
      #expect(bytes == Array(("前" + HTML.escapeCharacters(text)).utf8), "\(text)")
      bytes = Array("前".utf8)
      EscapeBytes.appendMarkdown(text, to: &bytes)
      #expect(bytes == Array(("前" + Markdown.escapeCharacters(text)).utf8), "\(text)")
    }
  }

  @Test func knownEscapes() {
    #expect(HTML.escape("A&B \"カフェ\" <x>'") == "A&amp;B &quot;カフェ&quot; &lt;x&gt;&#39;")
    #expect(Markdown.escape("# a|b <br> <5 x_y\r\nz\t") == "\\# a\\|b \\<br> <5 x\\_y\r\nz ")
    #expect(Markdown.escape("&\u{301}") == "&\u{301}")
  }

  @Test func linkableURLShortcutMatchesScalars() {
    var texts = Self.randomTexts(count: 20_000, seed: 3)
    texts += ["https://example.jp/a?b=1", "HTTP://example.jp", "http:///x", "https://", "http://a b", "http://a|b",
              "javascript:alert(1)", "", " https://x.jp ", "https://x.jp/\u{301}", "ftp://x", "http://x^y", "http://x.jp/~a"]
    var bad: [String] = []
    for text in texts where ResourceDirectory.linkableURL(text) != ResourceDirectory.linkableURLByScalars(text) {
      bad.append(text)
    }
    #expect(bad.count == 0, "\(bad.prefix(5))")
  }
}

/// The byte-level HTML content type of the built-in template against swift-mustache's own HTML
/// escaping, through real templates.
@Suite struct ByteHTMLContentTypeTests {
  @Test func escapesAsMustacheDoes() throws {
    _ = ContentTypes.registered
    let plain = try MustacheTemplate(string: "<p>{{x}}</p>\n{{#rows}}[{{.}}]{{/rows}}")
    let bytes = try MustacheTemplate(string: "{{% CONTENT_TYPE: \(ContentTypes.byteHTML) }}<p>{{x}}</p>\n{{#rows}}[{{.}}]{{/rows}}")
    var bad = 0
    let texts = EscapeBytesTests.pieces + EscapeBytesTests.randomTexts(count: 20_000, seed: 4)
    for (i, text) in texts.enumerated() {
      let object: [String: Any] = ["x": text, "rows": [text, texts[(i * 7) % texts.count]]]
      if plain.render(object) != bytes.render(object) { bad += 1 }
    }
    #expect(bad == 0)
  }

  @Test func builtInTemplateRendersAsWithoutThePragma() throws {
    let (a, d) = try ReportRun.analysis(ReportRun.repositoryRoot + "/data")
    let model = ReportBuilder.build(analysis: a, dataset: d, rules: MeetingReport.builtInRules(),
                                    rulesSource: DefaultProposalRules.source, problems: ["<b>&'\"</b>"], css: ReportCSS.text)
    let withPragma = try TemplateSet.builtIn().html.render(model)
    let without = try TemplateSet.parse(HTMLTemplate.text, name: "plain").render(model)
    #expect(withPragma == without)
    #expect(withPragma.hasPrefix("<!DOCTYPE html>\n"))
  }
}
