import Foundation
import Testing

@testable import Chiiki

/// Funnel plots with very many points (`FunnelOverplot`): up to `mergeAbove` points every point
/// is drawn, in order; above it each marker class is drawn once per 1-px cell (checked against
/// the distinct (class, cell) pairs worked out here), every significant district keeps a marker
/// of its class within its pixel, the named districts are unchanged, the note says so, and the
/// bytes are the same for the same input.
@Suite struct FunnelOverplotTests {
  static let plotH = 330.0 - 16 - 44

  /// The marker of result `r` at (`x`, `y`) as the plot wrote it before merging (the reference).
  static func marker(_ r: IndicatorResult, _ x: Double, _ y: Double) -> String {
    switch r.funnel {
    case .high95, .high998: SVGMarkerTests.referenceTriangle(x, y, 4.5, up: true, cls: "ph")
    case .low95, .low998: SVGMarkerTests.referenceTriangle(x, y, 4.5, up: false, cls: "pl")
    case .within: SVGMarkerTests.referenceCircle(x, y, 3, cls: "pn")
    }
  }

  static func y(_ ratio: Double, _ yMax: Double) -> Double { 16 + plotH * (1 - min(max(ratio, 0), yMax) / yMax) }

  /// The marker elements of an SVG, in order.
  static func markers(in svg: String) -> [String] {
    var out: [String] = []
    var rest = svg[...]
    while true {
      let found = ["<circle class=\"p", "<polygon class=\"p"].compactMap { rest.range(of: $0) }
      guard let first = found.min(by: { $0.lowerBound < $1.lowerBound }),
            let end = rest[first.lowerBound...].range(of: "/>") else { break }
      out.append(String(rest[first.lowerBound..<end.upperBound]))
      rest = rest[end.upperBound...]
    }
    return out
  }

  /// `count` results made from the sample data's (so that names resolve): none masked, every
  /// expected count positive; `coarse` of them on a few expected and observed values (so that
  /// many fall on one pixel), the others spread out; random funnel labels.
  static func results(_ base: [IndicatorResult], count: Int, threshold: Int, rng: inout OutputTestRandom) -> [IndicatorResult] {
    let labels = FunnelLabel.allCases
    return (0..<count).map { k in
      var r = base[k % base.count]
      if rng.next() % 2 == 0 {
        r.expected = Double(rng.next() % 40 + 1)
        r.observed = Double(threshold + Int(rng.next() % 30))
      } else {
        r.expected = 0.5 + Double(rng.next() % 1_000_000) / 1000
        r.observed = Double(threshold + Int(rng.next() % 2000))
      }
      r.funnel = labels[Int(rng.next() % UInt64(labels.count))]
      return r
    }
  }

  static func context() throws -> ReportContext {
    let (analysis, dataset) = try ResourceFixture.analyse(ReportRun.repositoryRoot + "/data")
    return ReportContext(analysis: analysis, dataset: dataset)
  }

  @Test func everyPointDrawnUpToTheLimit() throws {
    let c = try Self.context()
    var rng = OutputTestRandom(seed: 61)
    var cases: [[IndicatorResult]] = c.indicators.map(\.results)
    let (summary, base) = c.indicators[0]
    for n in [1_000, FunnelOverplot.mergeAbove] {
      cases.append(Self.results(base, count: n, threshold: c.suppression.threshold, rng: &rng))
    }
    for results in cases {
      let drawing = FunnelDrawing(summary, results, c)
      let layout = drawing.layout
      #expect(drawing.markerPoints == layout.drawn)
      let expected = layout.drawn.map { Self.marker(results[$0], drawing.x(results[$0].expected), Self.y(results[$0].ratio!, layout.yMax)) }
      #expect(Self.markers(in: FunnelDrawing.text(drawing)) == expected)
      #expect(drawing.note == c.labels.funnelNote(adjusted: summary.funnelAdjusted, hidden: layout.hidden, threshold: c.suppression.threshold))
    }
  }

  @Test(arguments: [ReportLanguage.ja, .en])
  func mergedAboveTheLimit(language: ReportLanguage) throws {
    let (analysis, dataset) = try ResourceFixture.analyse(ReportRun.repositoryRoot + "/data", language: language)
    let c = ReportContext(analysis: analysis, dataset: dataset)
    var rng = OutputTestRandom(seed: 67)
    let (summary, base) = c.indicators[0]
    for n in [FunnelOverplot.mergeAbove + 1, 20_000] {
      let results = Self.results(base, count: n, threshold: c.suppression.threshold, rng: &rng)
      let drawing = FunnelDrawing(summary, results, c)
      let layout = drawing.layout
      #expect(layout.drawn.count == n)
      #expect(layout.named == FunnelLayoutTests.reference(results, c).named)
      // The distinct (class, cell) pairs, and the first point of each in draw order.
      func key(_ k: Int) -> String {
        let cls = IssuesSection.isHigh(results[k].funnel) ? "h" : results[k].funnel == .within ? "n" : "l"
        return "\(cls) \(Int(drawing.x(results[k].expected).rounded())) \(Int(Self.y(results[k].ratio!, layout.yMax).rounded()))"
      }
      var firsts: [String: Int] = [:]
      var order: [Int] = []
      for k in layout.drawn where firsts[key(k)] == nil {
        firsts[key(k)] = k
        order.append(k)
      }
      #expect(order.count < n)
      #expect(drawing.markerPoints == order)
      let svg = FunnelDrawing.text(drawing)
      let drawn = Self.markers(in: svg)
      #expect(drawn.count == firsts.count)
      #expect(drawn == order.map { Self.marker(results[$0], drawing.x(results[$0].expected), Self.y(results[$0].ratio!, layout.yMax)) })
      // Every significant district has a marker of its class within its pixel.
      let kept = Set(drawing.markerPoints)
      for k in layout.drawn where results[k].funnel != .within {
        guard let m = firsts[key(k)] else { Issue.record("no marker for \(k)"); continue }
        #expect(kept.contains(m))
        #expect(abs(drawing.x(results[m].expected) - drawing.x(results[k].expected)) <= 1)
        #expect(abs(Self.y(results[m].ratio!, layout.yMax) - Self.y(results[k].ratio!, layout.yMax)) <= 1)
      }
      // The named districts are still named.
      for k in layout.named { #expect(svg.contains(">\(HTML.escape(c.name(results[k].district)))</text>")) }
      // The note says the markers were merged and how many districts the plot shows.
      let plain = c.labels.funnelNote(adjusted: summary.funnelAdjusted, hidden: layout.hidden, threshold: c.suppression.threshold)
      #expect(drawing.note == plain + c.labels.funnelMerged(districts: n, markers: order.count))
      #expect(drawing.note.contains(NumberFormat.grouped(n)))
      #expect(drawing.note.contains(language == .ja ? "1ピクセル" : "within one pixel"))
      // Same input, same bytes (in chunks too).
      #expect(FunnelDrawing.text(FunnelDrawing(summary, results, c)) == svg)
      var chunked: [UInt8] = []
      drawing.emit(chunk: 512) { chunked.append(contentsOf: $0) }
      #expect(String(decoding: chunked, as: UTF8.self) == svg)
    }
  }

  @Test func cellSetAgainstASet() {
    var rng = OutputTestRandom(seed: 71)
    var cells = CellSet(classes: 3, width: 641, height: 331)
    var reference: Set<[Int]> = []
    for _ in 0..<50_000 {
      let cls = Int(rng.next() % 3)
      let x = Double(Int(rng.next() % 700)) - 30, y = Double(Int(rng.next() % 400)) - 30
      let inside = x >= 0 && y >= 0 && x <= 640 && y <= 330
      let fresh = !reference.contains([cls, Int(x), Int(y)])
      if inside { reference.insert([cls, Int(x), Int(y)]) }
      let added = cells.insert(cls: cls, x: x, y: y)
      #expect(added == (inside ? fresh : true))
    }
    // Not finite: never recorded, always new.
    for _ in 0..<2 {
      let added = cells.insert(cls: 0, x: .nan, y: 3)
      #expect(added)
    }
  }
}
