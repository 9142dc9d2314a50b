import Mustache

/// Escaping for HTML text and attributes.
public enum HTML {
  /// `&`, `<`, `>`, `"` and `'` as entities (each when it is a character of its own).
  public static func escape(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    EscapeBytes.appendHTML(text, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// `escape` character by character: the definition, used for text the byte path leaves.
  static func escapeCharacters(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }
}

/// Escaping for Markdown text and table cells: the result shows the input literally in any
/// CommonMark/GFM renderer (no emphasis, links, HTML, code spans, headings or broken tables),
/// while leaving harmless text such as `<5` or `1.2–1.5` readable in the raw file.
public enum Markdown {
  public static func escape(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 8)
    EscapeBytes.appendMarkdown(text, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// `escape` character by character: the definition, used for text the byte path leaves.
  static func escapeCharacters(_ text: String) -> String {
    var out = ""
    let chars = Array(text)
    for (i, c) in chars.enumerated() {
      let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
      switch c {
      case "|", "\\", "*", "_", "`", "[", "]", "&", "~": out += "\\" + String(c)
      case "<":
        // Only `<` that could open a tag, comment, declaration or autolink needs escaping.
        if let next, next.isLetter || next == "/" || next == "!" || next == "?" { out += "\\<" } else { out += "<" }
      case ">", "#":
        // Block markers matter only at the start of a line (values may start lines in templates).
        if out.isEmpty { out += "\\" + String(c) } else { out.append(c) }
      case "\n", "\r", "\t": out += " "
      default: out.append(c)
      }
    }
    return out
  }
}

/// The Mustache content type `{{% CONTENT_TYPE: MARKDOWN }}`: `{{x}}` escapes for Markdown.
struct MarkdownContentType: MustacheContentType {
  func escapeText(_ text: String) -> String { Markdown.escape(text) }
}

/// The content type of the built-in HTML template: `{{x}}` escapes with `HTML.escape`, the same
/// characters and entities as swift-mustache's default HTML escaping, worked on bytes.
struct ByteHTMLContentType: MustacheContentType {
  func escapeText(_ text: String) -> String { HTML.escape(text) }
}

enum ContentTypes {
  /// Name of `ByteHTMLContentType` in a `{{% CONTENT_TYPE: ... }}` pragma.
  static let byteHTML = "CHIIKI_HTML"

  /// Registers the Markdown and byte-HTML content types once, before any template is parsed.
  static let registered: Bool = {
    MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    MustacheContentTypes.register(ByteHTMLContentType(), named: byteHTML)
    return true
  }()
}
