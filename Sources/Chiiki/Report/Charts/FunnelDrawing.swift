import Foundation

/// Funnel plot of one indicator: standardised ratio O/E against expected count E (log scale),
/// with 95% (dashed) and 99.8% (solid) control limits from `FunnelPlot.ratioLimits`, widened for
/// over-dispersion when the summary says so. Districts whose observed count is small (1 to
/// threshold-1) are not drawn, since their position would give the count back.
///
/// Laid out here but not yet drawn: `emit` writes its SVG a chunk at a time, so that a
/// national run (a point per district) never holds the whole element in memory; `text` is
/// `emit` collected into a string.
struct FunnelDrawing {
  let title: String
  let note: String
  private let results: [IndicatorResult]
  /// Positions in `results` of the points drawn (a national run has a result per district: no
  /// copies of them).
  private let drawn: [Int]
  /// The points of `drawn` that get a marker, in draw order: all of them, or on a plot with
  /// very many points one per marker class and 1-px cell (`FunnelOverplot`).
  private let markers: [Int]
  private let tau2: Double
  let eMin: Double
  let eMax: Double
  private let yMax: Double
  /// How many results are hidden (masked), for `layout`.
  private let hiddenCount: Int
  /// `log(eMin)` and `log(eMax) - log(eMin)`, worked out once (`x` took three logarithms per
  /// point; the same operations on the same values give the same positions).
  private let logMin: Double
  private let logSpan: Double
  /// The highest few significant districts, named next to their points.
  private let named: [(index: Int, name: String)]
  private let axisExpected: String
  private let axisRatio: String

  private static let (w, h) = (640.0, 330.0)
  static let (left, right, top, bottom) = (56.0, 20.0, 16.0, 44.0)
  static var plotW: Double { w - left - right }
  private static var plotH: Double { h - top - bottom }
  /// Elements held before they go to `emit`'s writer.
  static var chunk: Int { 1 << 20 }

  init(_ summary: IndicatorSummary, _ results: [IndicatorResult], _ c: ReportContext) {
    let l = c.labels
    self.results = results
    // One pass over the results (a national run has one per district) for what four passes
    // (filters, a map and the min/max of their results) gave: the same values, compared in
    // the same order.
    var drawn: [Int] = []
    var hidden = 0
    var high: [Int] = []
    var eLowest: Double? = nil
    var eHighest: Double? = nil
    var ratioHighest: Double? = nil
    for k in results.indices {
      let e = results[k].expected
      guard e > 0 else { continue }
      // `min()` and `max()` of the positive expected counts, in order.
      if let lowest = eLowest { if e < lowest { eLowest = e } } else { eLowest = e }
      if let highest = eHighest { if highest < e { eHighest = e } } else { eHighest = e }
      if c.indicatorMasked(results[k]) {
        hidden += 1
      } else if let ratio = results[k].ratio {
        drawn.append(k)
        if let highest = ratioHighest { if highest < ratio { ratioHighest = ratio } } else { ratioHighest = ratio }
        if IssuesSection.isHigh(results[k].funnel) { high.append(k) }
      }
    }
    self.drawn = drawn
    hiddenCount = hidden
    tau2 = summary.funnelAdjusted ? summary.overdispersion.tau2 : 0

    let eMin = max(0.5, (eLowest ?? 1) * 0.8)
    self.eMin = eMin
    let eMax = max(eMin * 10, (eHighest ?? 10) * 1.25)
    self.eMax = eMax
    logMin = log(eMin)
    logSpan = log(eMax) - log(eMin)
    yMax = min(4.0, max(2.0, (ratioHighest ?? 1) * 1.1))
    let (lm, ls, ym) = (logMin, logSpan, yMax)
    markers = FunnelOverplot.markers(drawn, width: Int(Self.w), height: Int(Self.h)) { k in
      (FunnelOverplot.markerClass(results[k].funnel), Self.x(results[k].expected, lm, ls), Self.y(results[k].ratio!, ym))
    }
    let named = Self.highest(5, of: high) { results[$0].ratio ?? 0 }
    self.named = named.map { ($0, c.name(results[$0].district)) }
    axisExpected = l.axisExpected
    axisRatio = l.axisRatio
    title = l.funnelTitle(l.indicator(summary.config))
    note = l.funnelNote(adjusted: summary.funnelAdjusted, hidden: hidden, threshold: c.suppression.threshold)
      + (markers.count < drawn.count ? l.funnelMerged(districts: drawn.count, markers: markers.count) : "")
  }

  /// The first `count` of `candidates` by `key`, highest first, ties in their order: what
  /// `candidates.sorted { key($0) > key($1) }.prefix(count)` (a stable sort) gives, without
  /// sorting them all (a national run has thousands of significant districts per plot). A key
  /// that is not finite takes the sort, whose order for it this does not repeat.
  static func highest(_ count: Int, of candidates: [Int], key: (Int) -> Double) -> [Int] {
    var top: [(index: Int, key: Double)] = []
    for k in candidates {
      let v = key(k)
      guard v.isFinite else { return Array(candidates.sorted { key($0) > key($1) }.prefix(count)) }
      if top.count == count, let last = top.last, !(last.key < v) { continue }
      let at = top.firstIndex { $0.key < v } ?? top.count
      if at < count { top.insert((k, v), at: at) }
      if top.count > count { top.removeLast() }
    }
    return top.map(\.index)
  }

  /// What `init` worked out of the results (tests compare it with the four passes it replaced).
  var layout: (drawn: [Int], hidden: Int, named: [Int], eMin: Double, eMax: Double, yMax: Double) {
    (drawn, hiddenCount, named.map(\.index), eMin, eMax, yMax)
  }

  /// The points that get a marker, in draw order (tests check the merging of `FunnelOverplot`).
  var markerPoints: [Int] { markers }

  /// The whole `<svg>` element as text (`emit` collected).
  static func text(_ drawing: FunnelDrawing) -> String {
    var bytes: [UInt8] = []
    drawing.emit { bytes.append(contentsOf: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The horizontal position of expected count `e` (log scale between `eMin` and `eMax`).
  func x(_ e: Double) -> Double { Self.x(e, logMin, logSpan) }

  private static func x(_ e: Double, _ logMin: Double, _ logSpan: Double) -> Double {
    left + plotW * (log(e) - logMin) / logSpan
  }

  private func y(_ r: Double) -> Double { Self.y(r, yMax) }

  private static func y(_ r: Double, _ yMax: Double) -> Double { top + plotH * (1 - min(max(r, 0), yMax) / yMax) }

  /// Where the names of `named` go (`LabelPlacement`, font of the `s` class: 9 px; markers 4.5 px).
  func namePlaces() -> [LabelPlacement.Placed] {
    let points = named.map { (x: x(results[$0.index].expected), y: y(results[$0.index].ratio!)) }
    let bounds = LabelPlacement.Box(minX: Self.left, minY: 0, maxX: Self.w, maxY: Self.top + Self.plotH)
    return LabelPlacement.place(points: points, names: named.map(\.name), fontSize: 9, marker: 4.5, bounds: bounds)
  }

  /// Writes the whole `<svg>` element to `write`, in chunks of about `chunk` bytes (smaller in
  /// tests).
  func emit(chunk: Int = FunnelDrawing.chunk, _ write: (UnsafeRawBufferPointer) -> Void) {
    let (left, top, plotW, plotH, h) = (Self.left, Self.top, Self.plotW, Self.plotH, Self.h)
    var svg = SVG(width: Self.w, height: Self.h)
    var head = svg.head(title: title)
    head.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    for t in Axis.ticks(max: yMax, count: 4) {
      svg.line(left, y(t), left + plotW, y(t), cls: "grid")
      svg.text(left - 6, y(t) + 4, NumberFormat.fixed(t, 1), anchor: "end", cls: "s")
    }
    var decade = pow(10, floor(log10(eMin)))
    while decade <= eMax {
      for m in [1.0, 2.0, 5.0] where decade * m >= eMin && decade * m <= eMax {
        svg.line(x(decade * m), top, x(decade * m), top + plotH, cls: "grid")
        svg.text(x(decade * m), top + plotH + 14, NumberFormat.fixed(decade * m, decade * m < 1 ? 1 : 0), anchor: "middle", cls: "s")
      }
      decade *= 10
    }
    svg.line(left, top + plotH, left + plotW, top + plotH, cls: "ax")
    svg.line(left, top, left, top + plotH, cls: "ax")
    svg.line(left, y(1), left + plotW, y(1), cls: "ref")

    // Control limits along the x range.
    let steps = 80
    let grid = (0...steps).map { i in exp(log(eMin) + (log(eMax) - log(eMin)) * Double(i) / Double(steps)) }
    let limits = grid.map { FunnelPlot.ratioLimits(expected: $0, target: 1, tau2: tau2) }
    svg.polyline(zip(grid, limits).map { (x($0), y($1.upper95)) }, cls: "l95")
    svg.polyline(zip(grid, limits).map { (x($0), y($1.lower95)) }, cls: "l95")
    svg.polyline(zip(grid, limits).map { (x($0), y($1.upper998)) }, cls: "l998")
    svg.polyline(zip(grid, limits).map { (x($0), y($1.lower998)) }, cls: "l998")

    // Points: filled triangle up = above 95%, hollow triangle down = below 95%, circle = within.
    for i in markers {
      let (px, py) = (x(results[i].expected), y(results[i].ratio!))
      switch results[i].funnel {
      case .high95, .high998: svg.triangle(px, py, 4.5, up: true, cls: "ph")
      case .low95, .low998: svg.triangle(px, py, 4.5, up: false, cls: "pl")
      case .within: svg.circle(px, py, 3, cls: "pn")
      }
      if svg.pendingBytes >= chunk { svg.drain(write) }
    }
    // Name the highest few significant districts, each name where it meets no other name or
    // named point.
    for (place, name) in zip(namePlaces(), named.map(\.name)) {
      svg.text(place.x, place.y, name, anchor: place.anchor, cls: "s")
    }

    svg.text(left + plotW / 2, h - 8, axisExpected, anchor: "middle")
    svg.add("<text class=\"t\" transform=\"translate(14,\(SVG.n(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">\(HTML.escape(axisRatio))</text>")
    svg.drain(write)
    var tail = SVG.tail
    tail.withUTF8 { write(UnsafeRawBufferPointer($0)) }
  }
}
