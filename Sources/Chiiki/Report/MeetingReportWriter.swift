/// Writing the meeting summary straight into a report being staged, without holding the
/// national funnel plots (up to 5,000 markers each, then one per class and pixel: ~1–2 MB of SVG
/// each at 220,000 districts, see `FunnelOverplot`) in memory
/// more than a chunk at a time.
///
/// With the built-in templates, the model's funnel plots hold a short placeholder each; the
/// rendered HTML is cut at the placeholders and each plot's SVG is emitted between the pieces,
/// straight into the file (and its hash). The bytes are those of `MeetingReport.render`
/// (tested). Overridden templates might escape or repeat the charts, so they (and the unlikely
/// case of a placeholder not found exactly once, in order) take the `render` path.
extension MeetingReport {
  /// Writes `meeting_summary.md` then `meeting_summary.html` into `stage`.
  /// `chunk`: the funnel plots' bytes held before they go to the file (smaller in tests).
  static func write(_ analysis: Analysis, dataset: Dataset, options: ReportOptions = ReportOptions(), to stage: ReportStage,
                    chunk: Int = FunnelDrawing.chunk) throws(ChiikiError) -> [WrittenFile] {
    guard let setup = Setup(analysis, options) else { return [] }
    let overridden = setup.templates.overridden
    if !overridden.contains(TemplateSet.markdownFile), !overridden.contains(TemplateSet.htmlFile) {
      var drawings: [FunnelDrawing] = []
      let model = setup.model(analysis, dataset) { drawing in
        drawings.append(drawing)
        return FunnelPlaceholder.token(drawings.count - 1)
      }
      var markdown = setup.templates.markdown.render(model)
      if FunnelPlaceholder.pieces(of: &markdown, count: 0) != nil {
        let md = try writeText(&markdown, name: "meeting_summary.md", to: stage)
        markdown = ""
        var html = setup.templates.html.render(model)
        if let pieces = FunnelPlaceholder.pieces(of: &html, count: drawings.count) {
          let sink = try stage.open("meeting_summary.html")
          html.withUTF8 { all in
            let raw = UnsafeRawBufferPointer(all)
            for (k, piece) in pieces.enumerated() {
              sink.write(UnsafeRawBufferPointer(rebasing: raw[piece]))
              if k < drawings.count { drawings[k].emit(chunk: chunk) { sink.write($0) } }
            }
          }
          return [md, try sink.close()]
        }
        // Not found as expected: the HTML as `render` makes it.
        var whole = setup.templates.html.render(setup.model(analysis, dataset))
        return [md, try writeText(&whole, name: "meeting_summary.html", to: stage)]
      }
    }
    let model = setup.model(analysis, dataset)
    var markdown = setup.templates.markdown.render(model)
    let md = try writeText(&markdown, name: "meeting_summary.md", to: stage)
    markdown = ""
    var html = setup.templates.html.render(model)
    return [md, try writeText(&html, name: "meeting_summary.html", to: stage)]
  }

  /// Writes one file of text, from the string's own UTF-8 (no copy into an array).
  private static func writeText(_ text: inout String, name: String, to stage: ReportStage) throws(ChiikiError) -> WrittenFile {
    let sink = try stage.open(name)
    text.withUTF8 { sink.write(UnsafeRawBufferPointer($0)) }
    return try sink.close()
  }
}

/// The stand-in for the k-th funnel plot in a rendered document: control characters around a
/// name no template or input produces (checked: each must be found exactly once, in order).
enum FunnelPlaceholder {
  static let marker = Array("\u{1}chiiki-funnel-".utf8)

  static func token(_ k: Int) -> String { "\u{1}chiiki-funnel-\(k)\u{1}" }

  /// The byte ranges of `text` around the placeholders 0..<count (count + 1 pieces), or nil
  /// unless the marker occurs exactly `count` times and the k-th occurrence is token k.
  static func pieces(of text: inout String, count: Int) -> [Range<Int>]? {
    text.withUTF8 { bytes -> [Range<Int>]? in
      var pieces: [Range<Int>] = []
      var start = 0
      var i = 0
      let first = marker[0]
      while i < bytes.count {
        guard bytes[i] == first, i + marker.count <= bytes.count,
          marker.indices.allSatisfy({ bytes[i + $0] == marker[$0] })
        else {
          i += 1
          continue
        }
        let k = pieces.count
        let token = Array(token(k).utf8)
        guard k < count, i + token.count <= bytes.count, token.indices.allSatisfy({ bytes[i + $0] == token[$0] }) else { return nil }
        pieces.append(start..<i)
        i += token.count
        start = i
      }
      guard pieces.count == count else { return nil }
      pieces.append(start..<bytes.count)
      return pieces
    }
  }
}
