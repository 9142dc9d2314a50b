/// A tiny SVG writer for the report's charts: numbers formatted deterministically, every text
/// escaped. Charts are black-and-white safe: meaning is carried by line style, marker shape and
/// hatching, never by colour alone.
struct SVG {
  let width: Double
  let height: Double
  /// The elements so far, as bytes (a funnel plot of a national run has a point per district).
  private var body = ByteText(capacity: 1 << 12)

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  static func n(_ x: Double) -> String { NumberFormat.fixed(x, 1) }

  mutating func add(_ element: String) { body.add(element) }

  /// Appends `SVG.n(x)`.
  private mutating func number(_ x: Double) { body.add(x, places: 1) }

  /// Appends `SVG.n(x),SVG.n(y)` pairs separated by spaces.
  private mutating func points(_ points: [(Double, Double)]) {
    for (i, p) in points.enumerated() {
      if i > 0 { body.add(" ") }
      number(p.0)
      body.add(",")
      number(p.1)
    }
  }

  mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, cls: String) {
    body.add("<line class=\"\(cls)\" x1=\"")
    number(x1)
    body.add("\" y1=\"")
    number(y1)
    body.add("\" x2=\"")
    number(x2)
    body.add("\" y2=\"")
    number(y2)
    body.add("\"/>")
  }

  mutating func polyline(_ points: [(Double, Double)], cls: String) {
    guard points.count > 1 else { return }
    body.add("<polyline class=\"\(cls)\" points=\"")
    self.points(points)
    body.add("\"/>")
  }

  mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, cls: String) {
    body.add("<rect class=\"\(cls)\" x=\"")
    number(x)
    body.add("\" y=\"")
    number(y)
    body.add("\" width=\"")
    number(max(0, w))
    body.add("\" height=\"")
    number(max(0, h))
    body.add("\"/>")
  }

  mutating func circle(_ x: Double, _ y: Double, _ r: Double, cls: String) {
    // In pieces, not interpolated: a funnel plot has a marker per district, and each
    // interpolation made a heap string.
    body.add("<circle class=\"")
    body.add(cls)
    body.add("\" cx=\"")
    number(x)
    body.add("\" cy=\"")
    number(y)
    body.add("\" r=\"")
    number(r)
    body.add("\"/>")
  }

  /// Triangle pointing up (`up`) or down, centred on (x, y).
  mutating func triangle(_ x: Double, _ y: Double, _ r: Double, up: Bool, cls: String) {
    // The points of `points([(x, y ∓ r), (x - r, y ± r * 0.8), (x + r, y ± r * 0.8)])`,
    // written without an array or an interpolated string per marker.
    body.add("<polygon class=\"")
    body.add(cls)
    body.add("\" points=\"")
    let tip = up ? y - r : y + r
    let base = up ? y + r * 0.8 : y - r * 0.8
    number(x)
    body.add(",")
    number(tip)
    body.add(" ")
    number(x - r)
    body.add(",")
    number(base)
    body.add(" ")
    number(x + r)
    body.add(",")
    number(base)
    body.add("\"/>")
  }

  mutating func text(_ x: Double, _ y: Double, _ s: String, anchor: String = "start", cls: String = "t") {
    body.add("<text class=\"\(cls)\" x=\"")
    number(x)
    body.add("\" y=\"")
    number(y)
    body.add("\" text-anchor=\"\(anchor)\">")
    body.addHTML(s)
    body.add("</text>")
  }

  /// The finished element, with its title for screen readers and shared style and patterns:
  /// `head(title:)`, the elements, `tail`.
  func render(title: String) -> String {
    var out = ByteText(capacity: body.count + 4096)
    out.add(head(title: title))
    out.add(body)
    out.add(SVG.tail)
    return out.text
  }

  /// What comes before the elements in `render(title:)`: the opening tag, the title for screen
  /// readers and the shared style and patterns.
  func head(title: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVG.n(width)) \(SVG.n(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
      + "<title>\(HTML.escape(title))</title>" + SVG.defs
  }

  /// What comes after the elements in `render(title:)`.
  static let tail = "</svg>"

  /// Bytes of elements added since the last `drain`.
  var pendingBytes: Int { body.count }

  /// Sends the elements added so far to `write` and forgets them, so that a chart with a point
  /// per district (a national funnel plot) goes out in chunks instead of whole:
  /// `head(title:)`, every drained chunk, then `tail` give the bytes of `render(title:)`.
  mutating func drain(_ write: (UnsafeRawBufferPointer) -> Void) {
    body.withUnsafeBytes { write($0) }
    body.removeAll()
  }

  static let defs = """
  <defs><pattern id="hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
  <rect width="5" height="5" fill="#fff"/><line x1="0" y1="0" x2="0" y2="5" stroke="#333" stroke-width="2"/></pattern>\
  <pattern id="dots" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#fff"/>\
  <circle cx="2" cy="2" r="0.8" fill="#555"/></pattern></defs>\
  <style>.t{font-size:11px;fill:#000;font-family:sans-serif}.s{font-size:9px;fill:#000;font-family:sans-serif}\
  .ax{stroke:#000;stroke-width:1}.grid{stroke:#ccc;stroke-width:0.5}.ref{stroke:#000;stroke-width:1;stroke-dasharray:2 2}\
  .l95{fill:none;stroke:#000;stroke-width:1;stroke-dasharray:6 3}.l998{fill:none;stroke:#000;stroke-width:1.4}\
  .ph{fill:#000;stroke:#000}.pl{fill:#fff;stroke:#000;stroke-width:1.2}.pn{fill:#fff;stroke:#555;stroke-width:0.8}\
  .bar{fill:url(#hatch);stroke:#000;stroke-width:0.8}.ci{stroke:#000;stroke-width:1.4}.dot{fill:#000}\
  .band{fill:url(#dots);stroke:none}.trend{fill:none;stroke:#000;stroke-width:1.6}.trend2{fill:none;stroke:#000;stroke-width:1;stroke-dasharray:4 3}\
  .mk{fill:#fff;stroke:#000;stroke-width:1.2}</style>
  """
}

/// Axis helpers shared by the charts.
enum Axis {
  /// About `count` round tick values covering 0 ... max.
  static func ticks(max: Double, count: Int = 5) -> [Double] {
    guard max > 0 else { return [0] }
    let raw = max / Double(count)
    var step = 1.0
    while step * 10 <= raw { step *= 10 }
    while step > raw { step /= 10 }
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] where step * m >= raw { step *= m; break }
    var out: [Double] = []
    var v = 0.0
    while v <= max + step * 1e-9 { out.append(v); v += step }
    return out
  }
}
