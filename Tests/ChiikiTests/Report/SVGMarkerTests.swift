import Foundation
import Testing

@testable import Chiiki

/// The funnel plots' markers written in pieces against the interpolated strings and point
/// arrays they replaced (kept here as the reference), on random positions and sizes.
@Suite struct SVGMarkerTests {
  static func referenceCircle(_ x: Double, _ y: Double, _ r: Double, cls: String) -> String {
    "<circle class=\"\(cls)\" cx=\"\(SVG.n(x))\" cy=\"\(SVG.n(y))\" r=\"\(SVG.n(r))\"/>"
  }

  static func referenceTriangle(_ x: Double, _ y: Double, _ r: Double, up: Bool, cls: String) -> String {
    let pts = up ? [(x, y - r), (x - r, y + r * 0.8), (x + r, y + r * 0.8)] : [(x, y + r), (x - r, y - r * 0.8), (x + r, y - r * 0.8)]
    return "<polygon class=\"\(cls)\" points=\"" + pts.map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }.joined(separator: " ") + "\"/>"
  }

  @Test func markersMatchTheReference() {
    var rng = OutputTestRandom(seed: 23)
    var svg = SVG(width: 100, height: 100)
    var expected = ""
    for k in 0..<3000 {
      let x = Double(Int64(bitPattern: rng.next()) % 200_000) / 97, y = Double(Int64(bitPattern: rng.next()) % 200_000) / 89
      let r = [3, 4.5, 0.05, 2.8][k % 4]
      switch k % 3 {
      case 0:
        svg.circle(x, y, r, cls: "pn")
        expected += Self.referenceCircle(x, y, r, cls: "pn")
      default:
        svg.triangle(x, y, r, up: k % 3 == 1, cls: k % 3 == 1 ? "ph" : "pl")
        expected += Self.referenceTriangle(x, y, r, up: k % 3 == 1, cls: k % 3 == 1 ? "ph" : "pl")
      }
    }
    let empty = SVG(width: 100, height: 100).render(title: "t")
    let rendered = svg.render(title: "t")
    #expect(rendered == empty.replacingOccurrences(of: SVG.tail, with: expected + SVG.tail))
  }
}
