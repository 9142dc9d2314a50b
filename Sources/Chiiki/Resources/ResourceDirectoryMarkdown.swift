/// resource_directory.md: the directory as Markdown (headings per area and kind, a contents list,
/// one entry per resource). All input text is escaped; a URL becomes an autolink only if it is
/// http(s) (see `ResourceDirectory.linkableURL`).
enum ResourceDirectoryMarkdown {
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
    var head = "# \(labels.directoryTitle)\n\n"
    head += "\(labels.directoryAsOf(analysis.runPeriod))"
    if !centre.isEmpty { head += " — \(text(centre))" }
    head += "\n\n\(labels.directoryIntro)\n\n"
    guard directory.count > 0 else { return Array((head + labels.directoryEmpty + "\n").utf8) }

    var out = ByteText(capacity: flush == nil ? 250 * directory.count + (1 << 16) : chunk + (1 << 16))
    out.add(head)
    out.add("## \(labels.directoryContents)\n\n")
    for area in directory.areas {
      out.add("- \(text(area.name))\(labels.parenthesised(labels.directoryCount(area.count)))\n")
      for kind in area.kinds { out.add("  - \(text(kind.name))\(labels.parenthesised(labels.directoryCount(kind.entries.count)))\n") }
    }
    // Per entry, built in place: the bulk of the file.
    var scratch: [UInt8] = []
    let pieces = DirectoryMarkup.markdown.pieces(labels)
    for area in directory.areas {
      out.add("\n## \(text(area.name))\n")
      for kind in area.kinds {
        out.add("\n### \(text(kind.name))\n")
        for (k, entry) in kind.entries.enumerated() {
          directory.prefetch(kind.entries, before: k)
          DirectoryMarkup.markdown.append(entry, of: directory, pieces, scratch: &scratch, to: &out)
          if let flush, out.count >= chunk { out.withUnsafeBytes(flush); out.removeAll() }
        }
      }
    }
    out.add("\n---\n\n\(labels.directoryFooter(centre.isEmpty ? "" : text(centre)))\n")
    return out.bytes
  }

  /// Markdown-escaped text (`Markdown.escape` escapes `&` too, so that an entity such as `&lt;`
  /// in the input shows as typed).
  static func text(_ s: String) -> String {
    Markdown.escape(s)
  }
}
