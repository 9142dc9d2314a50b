/// resource_directory.html: the directory as one self-contained page (inline CSS, no scripts, no
/// external resources), printable as an A4 booklet: a cover with the contents, then one section
/// per area starting on a new page, entries never split across pages.
enum ResourceDirectoryHTML {
  static let style = """
    @page { size: A4; margin: 16mm 15mm 18mm 15mm; }
    * { box-sizing: border-box; }
    body { font-family: "Hiragino Kaku Gothic ProN", "Yu Gothic", "Meiryo", "Noto Sans CJK JP", sans-serif; font-size: 11pt; line-height: 1.6; color: #111; margin: 0 auto; max-width: 180mm; padding: 8mm 0; }
    h1 { font-size: 20pt; margin: 0 0 4mm; border-bottom: 2px solid #333; }
    h2 { font-size: 15pt; margin: 0 0 3mm; padding: 1mm 3mm; background: #e8eef5; border-left: 6px solid #2b5b8a; }
    h3 { font-size: 12.5pt; margin: 5mm 0 2mm; border-bottom: 1px solid #999; }
    h4 { font-size: 11.5pt; margin: 0 0 1mm; }
    .meta { color: #444; }
    nav ol { padding-left: 6mm; }
    nav li { margin: 1mm 0; }
    nav a { color: inherit; text-decoration: none; }
    section.area { break-before: page; page-break-before: always; }
    .resource { break-inside: avoid; page-break-inside: avoid; border: 1px solid #ccc; border-radius: 2mm; padding: 2mm 3mm; margin: 0 0 3mm; }
    dl { display: grid; grid-template-columns: 24mm 1fr; gap: 0.5mm 3mm; margin: 0; }
    dt { font-weight: bold; color: #333; }
    dd { margin: 0; overflow-wrap: anywhere; }
    footer { margin-top: 8mm; border-top: 1px solid #999; font-size: 9pt; color: #444; }
    @media print { body { max-width: none; padding: 0; } a { color: inherit; } }
    """

  static func render(_ directory: ResourceDirectory, analysis: Analysis) -> String {
    String(decoding: renderBytes(directory, analysis: analysis), as: UTF8.self)
  }

  /// The UTF-8 bytes of `render`, built in place and handed over without a round trip through `String`.
  static func renderBytes(_ directory: ResourceDirectory, analysis: Analysis) -> [UInt8] {
    render(directory, analysis: analysis, chunk: 0, flush: nil)
  }

  /// Writes the bytes of `render` to `sink` as they are built, about a megabyte at a time, so
  /// that a national directory is never held whole in memory (`chunk`: bytes held; smaller in
  /// tests).
  static func write(_ directory: ResourceDirectory, analysis: Analysis, to sink: OutputSink, chunk: Int = ResourceDirectory.chunk) {
    let rest = render(directory, analysis: analysis, chunk: chunk) { sink.write($0) }
    sink.write(rest)
  }

  /// The bytes of `render`: all returned when `flush` is nil; else sent to `flush` in chunks
  /// as they are built, with only the last (unsent) part returned.
  private static func render(_ directory: ResourceDirectory, analysis: Analysis, chunk: Int, flush: ((UnsafeRawBufferPointer) -> Void)?) -> [UInt8] {
    let labels = Labels(analysis.configuration.language)
    let centre = analysis.configuration.centreName
    let e = HTML.escape
    var head = "<!DOCTYPE html>\n<html lang=\"\(analysis.configuration.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
    head += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    head += "<title>\(e(labels.directoryTitle))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
    head += "<header>\n<h1>\(e(labels.directoryTitle))</h1>\n<p class=\"meta\">\(e(labels.directoryAsOf(analysis.runPeriod)))"
    if !centre.isEmpty { head += " — \(e(centre))" }
    head += "</p>\n<p>\(e(labels.directoryIntro))</p>\n</header>\n"
    guard directory.count > 0 else { return Array((head + "<p>\(e(labels.directoryEmpty))</p>\n</body>\n</html>\n").utf8) }

    var out = ByteText(capacity: flush == nil ? 400 * directory.count + (1 << 16) : chunk + (1 << 16))
    out.add(head)
    out.add("<nav>\n<h2>\(e(labels.directoryContents))</h2>\n<ol>\n")
    for (a, area) in directory.areas.enumerated() {
      out.add("<li><a href=\"#area-\(a + 1)\">\(e(area.name))</a>\(e(labels.parenthesised(labels.directoryCount(area.count))))\n<ol>\n")
      for (k, kind) in area.kinds.enumerated() {
        out.add("<li><a href=\"#area-\(a + 1)-kind-\(k + 1)\">\(e(kind.name))</a>\(e(labels.parenthesised(labels.directoryCount(kind.entries.count))))</li>\n")
      }
      out.add("</ol>\n</li>\n")
    }
    out.add("</ol>\n</nav>\n")

    // Per entry, built in place: the bulk of the file.
    var scratch: [UInt8] = []
    let pieces = DirectoryMarkup.html.pieces(labels)
    for (a, area) in directory.areas.enumerated() {
      out.add("<section class=\"area\" id=\"area-\(a + 1)\">\n<h2>\(e(area.name))</h2>\n")
      for (k, kind) in area.kinds.enumerated() {
        out.add("<section class=\"kind\" id=\"area-\(a + 1)-kind-\(k + 1)\">\n<h3>\(e(kind.name))</h3>\n")
        for (k, entry) in kind.entries.enumerated() {
          directory.prefetch(kind.entries, before: k)
          DirectoryMarkup.html.append(entry, of: directory, pieces, scratch: &scratch, to: &out)
          if let flush, out.count >= chunk { out.withUnsafeBytes(flush); out.removeAll() }
        }
        out.add("</section>\n")
      }
      out.add("</section>\n")
    }
    out.add("<footer>\(e(labels.directoryFooter(centre)))</footer>\n</body>\n</html>\n")
    return out.bytes
  }
}
