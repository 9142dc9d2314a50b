/// Ranked chart of the outreach plan: districts in priority order; left, the need index as a
/// hatched bar (reference line at 1.0); right, the consultation ratio (observed / expected) with
/// its interval as a dot and whisker (reference line at 100%). Districts whose consultations are
/// suppressed show the mark instead of a dot, since the ratio would give the count back.
enum RankedBarChart {
  static let rows = 15

  static func render(_ c: ReportContext) -> ChartItem? {
    let l = c.labels
    let list = Array(c.analysis.priorities.prefix(rows))
    guard !list.isEmpty else { return nil }
    let rowH = 20.0
    let (w, top) = (640.0, 34.0)
    let h = top + rowH * Double(list.count) + 30
    let nameW = 130.0
    let (p1x, p1w) = (nameW + 24, 200.0)
    let (p2x, p2w) = (p1x + p1w + 40, w - (p1x + p1w + 40) - 16)
    let needMax = max(1.5, (list.map(\.needIndex).max() ?? 1) * 1.1)
    let ratioMax = 2.0
    func xNeed(_ v: Double) -> Double { p1x + p1w * min(v, needMax) / needMax }
    func xRatio(_ v: Double) -> Double { p2x + p2w * min(max(v, 0), ratioMax) / ratioMax }

    var svg = SVG(width: w, height: h)
    svg.text(p1x, 14, l.chartNeedPanel, cls: "t")
    svg.text(p2x, 14, l.chartReachPanel(c.levelText), cls: "t")
    let bottomY = top + rowH * Double(list.count)
    for t in Axis.ticks(max: needMax, count: 4) {
      svg.line(xNeed(t), top - 6, xNeed(t), bottomY, cls: "grid")
      svg.text(xNeed(t), bottomY + 14, NumberFormat.fixed(t, 1), anchor: "middle", cls: "s")
    }
    for t in [0.0, 0.5, 1.0, 1.5, 2.0] {
      svg.line(xRatio(t), top - 6, xRatio(t), bottomY, cls: "grid")
      svg.text(xRatio(t), bottomY + 14, NumberFormat.percent(t), anchor: "middle", cls: "s")
    }
    for (i, p) in list.enumerated() {
      let cy = top + rowH * Double(i) + rowH / 2
      svg.text(nameW + 18, cy + 4, "\(p.rank). \(c.name(p.district))", anchor: "end", cls: "s")
      svg.rect(p1x, cy - 6, xNeed(p.needIndex) - p1x, 12, cls: "bar")
      if c.consultationState(p.district) == .shown, let r = p.reach.ratio {
        if let ci = p.reach.ratioInterval {
          svg.line(xRatio(ci.lower), cy, xRatio(ci.upper), cy, cls: "ci")
          svg.line(xRatio(ci.lower), cy - 4, xRatio(ci.lower), cy + 4, cls: "ci")
          if ci.upper <= ratioMax { svg.line(xRatio(ci.upper), cy - 4, xRatio(ci.upper), cy + 4, cls: "ci") }
        }
        svg.circle(xRatio(r), cy, 3.5, cls: "dot")
      } else {
        svg.text(p2x + 4, cy + 4, l.chartMasked(c.suppression.threshold), cls: "s")
      }
    }
    svg.line(xNeed(1), top - 6, xNeed(1), bottomY, cls: "ref")
    svg.line(xRatio(1), top - 6, xRatio(1), bottomY, cls: "ref")
    svg.line(p1x, top - 6, p1x, bottomY, cls: "ax")
    svg.line(p2x, top - 6, p2x, bottomY, cls: "ax")
    let title = l.rankedTitle
    return ChartItem(title: title, svg: svg.render(title: title), note: l.rankedNote(c.suppression.threshold))
  }
}
