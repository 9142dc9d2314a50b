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
    let labels = Labels(analysis.configuration.language)
    let districts = analysis.districts
    let centre = analysis.configuration.centreName
    let e = HTML.escape
    var out = "<!DOCTYPE html>\n<html lang=\"\(analysis.configuration.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<title>\(e(labels.directoryTitle))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
    out += "<header>\n<h1>\(e(labels.directoryTitle))</h1>\n<p class=\"meta\">\(e(labels.directoryAsOf(analysis.runPeriod)))"
    if !centre.isEmpty { out += " — \(e(centre))" }
    out += "</p>\n<p>\(e(labels.directoryIntro))</p>\n</header>\n"
    guard directory.count > 0 else { return out + "<p>\(e(labels.directoryEmpty))</p>\n</body>\n</html>\n" }

    out += "<nav>\n<h2>\(e(labels.directoryContents))</h2>\n<ol>\n"
    for (a, area) in directory.areas.enumerated() {
      out += "<li><a href=\"#area-\(a + 1)\">\(e(area.name))</a>\(e(labels.parenthesised(labels.directoryCount(area.count))))\n<ol>\n"
      for (k, kind) in area.kinds.enumerated() {
        out += "<li><a href=\"#area-\(a + 1)-kind-\(k + 1)\">\(e(kind.name))</a>\(e(labels.parenthesised(labels.directoryCount(kind.resources.count))))</li>\n"
      }
      out += "</ol>\n</li>\n"
    }
    out += "</ol>\n</nav>\n"

    for (a, area) in directory.areas.enumerated() {
      out += "<section class=\"area\" id=\"area-\(a + 1)\">\n<h2>\(e(area.name))</h2>\n"
      for (k, kind) in area.kinds.enumerated() {
        out += "<section class=\"kind\" id=\"area-\(a + 1)-kind-\(k + 1)\">\n<h3>\(e(kind.name))</h3>\n"
        for r in kind.resources {
          out += "<article class=\"resource\">\n<h4>\(e(r.name))</h4>\n<dl>\n"
          let address = ResourceDirectory.address(r, districts: districts, labels: labels)
          for (label, value) in [(labels.directoryTarget, r.target), (labels.directoryAddress, address), (labels.directoryContact, r.contact), (labels.directoryHours, r.hours)] where !value.isEmpty {
            out += "<dt>\(e(label))</dt><dd>\(e(value))</dd>\n"
          }
          if !r.url.isEmpty {
            let shown = ResourceDirectory.linkableURL(r.url).map { "<a href=\"\(e($0))\">\(e($0))</a>" } ?? e(r.url)
            out += "<dt>\(e(labels.directoryURL))</dt><dd>\(shown)</dd>\n"
          }
          out += "</dl>\n</article>\n"
        }
        out += "</section>\n"
      }
      out += "</section>\n"
    }
    out += "<footer>\(e(labels.directoryFooter(centre)))</footer>\n</body>\n</html>\n"
    return out
  }
}
