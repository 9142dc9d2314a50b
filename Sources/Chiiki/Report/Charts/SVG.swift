/// A tiny SVG writer for the report's charts: numbers formatted deterministically, every text
/// escaped. Charts are black-and-white safe: meaning is carried by line style, marker shape and
/// hatching, never by colour alone.
struct SVG {
  let width: Double
  let height: Double
  private(set) var body: [String] = []

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  static func n(_ x: Double) -> String { NumberFormat.fixed(x, 1) }

  mutating func add(_ element: String) { body.append(element) }

  mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, cls: String) {
    add("<line class=\"\(cls)\" x1=\"\(SVG.n(x1))\" y1=\"\(SVG.n(y1))\" x2=\"\(SVG.n(x2))\" y2=\"\(SVG.n(y2))\"/>")
  }

  mutating func polyline(_ points: [(Double, Double)], cls: String) {
    guard points.count > 1 else { return }
    add("<polyline class=\"\(cls)\" points=\"\(points.map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }.joined(separator: " "))\"/>")
  }

  mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, cls: String) {
    add("<rect class=\"\(cls)\" x=\"\(SVG.n(x))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(max(0, w)))\" height=\"\(SVG.n(max(0, h)))\"/>")
  }

  mutating func circle(_ x: Double, _ y: Double, _ r: Double, cls: String) {
    add("<circle class=\"\(cls)\" cx=\"\(SVG.n(x))\" cy=\"\(SVG.n(y))\" r=\"\(SVG.n(r))\"/>")
  }

  /// Triangle pointing up (`up`) or down, centred on (x, y).
  mutating func triangle(_ x: Double, _ y: Double, _ r: Double, up: Bool, cls: String) {
    let pts = up ? [(x, y - r), (x - r, y + r * 0.8), (x + r, y + r * 0.8)] : [(x, y + r), (x - r, y - r * 0.8), (x + r, y - r * 0.8)]
    add("<polygon class=\"\(cls)\" points=\"\(pts.map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }.joined(separator: " "))\"/>")
  }

  mutating func text(_ x: Double, _ y: Double, _ s: String, anchor: String = "start", cls: String = "t") {
    add("<text class=\"\(cls)\" x=\"\(SVG.n(x))\" y=\"\(SVG.n(y))\" text-anchor=\"\(anchor)\">\(HTML.escape(s))</text>")
  }

  /// The finished element, with its title for screen readers and shared style and patterns.
  func render(title: String) -> String {
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVG.n(width)) \(SVG.n(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
    out += "<title>\(HTML.escape(title))</title>"
    out += SVG.defs
    out += body.joined()
    out += "</svg>"
    return out
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
