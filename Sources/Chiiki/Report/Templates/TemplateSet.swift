import Foundation
import Mustache

/// The templates of the meeting summary: the built-in ones, or files from an override folder.
///
/// Override folder (`ReportOptions.templatesDirectory`), every file optional:
/// - `meeting_summary.md.mustache`   the Markdown template (start it with
///   `{{% CONTENT_TYPE: MARKDOWN }}` so that `{{x}}` escapes for Markdown; without it `{{x}}`
///   escapes for HTML, which is also safe)
/// - `meeting_summary.html.mustache` the HTML template
/// - `meeting_summary.css`           the inline CSS of the HTML report
struct TemplateSet {
  static let markdownFile = "meeting_summary.md.mustache"
  static let htmlFile = "meeting_summary.html.mustache"
  static let cssFile = "meeting_summary.css"

  var markdown: MustacheTemplate
  var html: MustacheTemplate
  var css: String
  /// Which files came from the override folder.
  var overridden: [String]

  static func builtIn() throws(ReportError) -> TemplateSet {
    TemplateSet(markdown: try parse(MarkdownTemplate.text, name: markdownFile),
                html: try parse(builtInHTMLText, name: htmlFile), css: ReportCSS.text, overridden: [])
  }

  /// The built-in HTML template with its `{{x}}` escaped on bytes (`ByteHTMLContentType`, the
  /// same text as the default HTML escaping). The pragma shares the first line with the
  /// doctype, so it is not a standalone line and removes no newline: the output is unchanged.
  static var builtInHTMLText: String { "{{% CONTENT_TYPE: \(ContentTypes.byteHTML) }}" + HTMLTemplate.text }

  /// The built-in templates with any files found in `directory` in their place.
  static func load(directory: String?) throws(ReportError) -> TemplateSet {
    var set = try builtIn()
    guard let directory else { return set }
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
      throw .template(name: directory, message: "the templates folder does not exist")
    }
    func read(_ name: String) throws(ReportError) -> String? {
      let path = (directory as NSString).appendingPathComponent(name)
      guard FileManager.default.fileExists(atPath: path) else { return nil }
      guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        throw .template(name: name, message: "cannot be read as UTF-8 text")
      }
      return text
    }
    if let text = try read(markdownFile) { set.markdown = try parse(text, name: markdownFile); set.overridden.append(markdownFile) }
    if let text = try read(htmlFile) { set.html = try parse(text, name: htmlFile); set.overridden.append(htmlFile) }
    if let text = try read(cssFile) { set.css = text; set.overridden.append(cssFile) }
    return set
  }

  static func parse(_ text: String, name: String) throws(ReportError) -> MustacheTemplate {
    _ = ContentTypes.registered
    do {
      return try MustacheTemplate(string: text)
    } catch {
      throw .template(name: name, message: "\(error)")
    }
  }
}
