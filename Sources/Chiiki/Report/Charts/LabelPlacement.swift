/// Where the names next to a chart's marked points go, so that in a crowded plot no name is
/// written over another name or over another named point's marker (the printed funnel plots
/// name up to five districts, often close together).
///
/// Greedy, in the order given (the most important point first): each name takes the first of
/// six places around its point (right above — the place every name had before —, right below,
/// left above, left below, centred above, centred below) whose box stays inside `bounds` and
/// meets no box placed or reserved so far; when none is free it keeps the first. Text widths are
/// estimated from the font size (a full-width character one em, other characters 0.6 em), which
/// errs on the wide side for the sans-serif fonts the report uses.
enum LabelPlacement {
  /// A name's text position and anchor (SVG `text-anchor`).
  struct Placed: Equatable {
    let x: Double
    let y: Double
    let anchor: String
  }

  /// An axis-aligned box: x in `minX...maxX`, y in `minY...maxY` (SVG coordinates, y down).
  struct Box: Equatable {
    let minX, minY, maxX, maxY: Double

    func meets(_ other: Box) -> Bool {
      minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    func inside(_ outer: Box) -> Bool {
      minX >= outer.minX && maxX <= outer.maxX && minY >= outer.minY && maxY <= outer.maxY
    }
  }

  /// Places `names[k]` next to `points[k]` (marker half-size `marker`) in `bounds`.
  static func place(
    points: [(x: Double, y: Double)], names: [String], fontSize: Double, marker: Double, bounds: Box
  ) -> [Placed] {
    var taken = points.map { Box(minX: $0.x - marker, minY: $0.y - marker, maxX: $0.x + marker, maxY: $0.y + marker) }
    var placed: [Placed] = []
    for (point, name) in zip(points, names) {
      let width = textWidth(name, fontSize: fontSize)
      let options = candidates(point, fontSize: fontSize, marker: marker)
      var chosen = options[0]
      for option in options {
        let box = self.box(option, width: width, fontSize: fontSize)
        if box.inside(bounds) && !taken.contains(where: { $0.meets(box) }) {
          chosen = option
          break
        }
      }
      taken.append(box(chosen, width: width, fontSize: fontSize))
      placed.append(chosen)
    }
    return placed
  }

  /// The six places around a point, in the order they are tried.
  static func candidates(_ p: (x: Double, y: Double), fontSize: Double, marker: Double) -> [Placed] {
    let gap = marker + 1.5
    let above = p.y - 5
    let below = p.y + fontSize + 2
    return [
      Placed(x: p.x + gap, y: above, anchor: "start"),
      Placed(x: p.x + gap, y: below, anchor: "start"),
      Placed(x: p.x - gap, y: above, anchor: "end"),
      Placed(x: p.x - gap, y: below, anchor: "end"),
      Placed(x: p.x, y: p.y - marker - 3, anchor: "middle"),
      Placed(x: p.x, y: p.y + marker + fontSize + 1, anchor: "middle"),
    ]
  }

  /// The box a text at `placed` covers: from its baseline 0.85 em up and 0.2 em down.
  static func box(_ placed: Placed, width: Double, fontSize: Double) -> Box {
    let minX: Double
    switch placed.anchor {
    case "end": minX = placed.x - width
    case "middle": minX = placed.x - width / 2
    default: minX = placed.x
    }
    return Box(minX: minX, minY: placed.y - 0.85 * fontSize, maxX: minX + width, maxY: placed.y + 0.2 * fontSize)
  }

  /// Estimated width: one em per character outside ASCII (kanji, kana, full-width forms),
  /// 0.6 em per ASCII character.
  static func textWidth(_ text: String, fontSize: Double) -> Double {
    var ems = 0.0
    for scalar in text.unicodeScalars { ems += scalar.isASCII ? 0.6 : 1.0 }
    return ems * fontSize
  }
}
