/// resource_directory.md: the directory as Markdown (headings per area and kind, a contents list,
/// one entry per resource). All input text is escaped; a URL becomes an autolink only if it is
/// http(s) (see `ResourceDirectory.linkableURL`).
enum ResourceDirectoryMarkdown {
  static func render(_ directory: ResourceDirectory, analysis: Analysis) -> String {
    let labels = Labels(analysis.configuration.language)
    let districts = analysis.districts
    let centre = analysis.configuration.centreName
    var out = "# \(labels.directoryTitle)\n\n"
    out += "\(labels.directoryAsOf(analysis.runPeriod))"
    if !centre.isEmpty { out += " — \(text(centre))" }
    out += "\n\n\(labels.directoryIntro)\n\n"
    guard directory.count > 0 else { return out + labels.directoryEmpty + "\n" }

    out += "## \(labels.directoryContents)\n\n"
    for area in directory.areas {
      out += "- \(text(area.name))\(labels.parenthesised(labels.directoryCount(area.count)))\n"
      for kind in area.kinds { out += "  - \(text(kind.name))\(labels.parenthesised(labels.directoryCount(kind.resources.count)))\n" }
    }
    for area in directory.areas {
      out += "\n## \(text(area.name))\n"
      for kind in area.kinds {
        out += "\n### \(text(kind.name))\n"
        for r in kind.resources {
          out += "\n#### \(text(r.name))\n\n"
          let address = ResourceDirectory.address(r, districts: districts, labels: labels)
          for (label, value) in [(labels.directoryTarget, r.target), (labels.directoryAddress, address), (labels.directoryContact, r.contact), (labels.directoryHours, r.hours)] where !value.isEmpty {
            out += "- \(label): \(text(value))\n"
          }
          if !r.url.isEmpty {
            let shown = ResourceDirectory.linkableURL(r.url).map { "<\($0)>" } ?? text(r.url)
            out += "- \(labels.directoryURL): \(shown)\n"
          }
        }
      }
    }
    out += "\n---\n\n\(labels.directoryFooter(centre.isEmpty ? "" : text(centre)))\n"
    return out
  }

  /// Markdown-escaped text (`Markdown.escape` escapes `&` too, so that an entity such as `&lt;`
  /// in the input shows as typed).
  static func text(_ s: String) -> String {
    Markdown.escape(s)
  }
}
