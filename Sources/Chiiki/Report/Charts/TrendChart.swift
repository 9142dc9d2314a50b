/// Monthly new consultations city-wide (`analysis.monthlyConsultations`) as a line with
/// markers; the consultation window is shaded with dots. Suppressed or protected months break
/// the line and are marked on the axis instead of being drawn at their value.
enum TrendChart {
  static func render(_ c: ReportContext) -> ChartItem? {
    let l = c.labels
    let months = c.analysis.monthlyConsultations
    guard months.count >= 2 else { return nil }
    let (w, h) = (640.0, 230.0)
    let (left, right, top, bottom) = (48.0, 16.0, 14.0, 40.0)
    let plotW = w - left - right
    let plotH = h - top - bottom
    let yMax = Double(max(10, months.map(\.count).max() ?? 0)) * 1.15
    let step = plotW / Double(months.count - 1)
    func x(_ i: Int) -> Double { left + step * Double(i) }
    func y(_ v: Double) -> Double { top + plotH * (1 - v / yMax) }

    var svg = SVG(width: w, height: h)
    let windowStart = max(0, months.count - c.configuration.windowMonths)
    svg.rect(x(windowStart) - step / 2, top, x(months.count - 1) - x(windowStart) + step / 2, plotH, cls: "band")
    for t in Axis.ticks(max: yMax, count: 4) {
      svg.line(left, y(t), left + plotW, y(t), cls: "grid")
      svg.text(left - 6, y(t) + 4, NumberFormat.fixed(t, 0), anchor: "end", cls: "s")
    }
    svg.line(left, top + plotH, left + plotW, top + plotH, cls: "ax")
    svg.line(left, top, left, top + plotH, cls: "ax")
    var run: [(Double, Double)] = []
    for (i, m) in months.enumerated() {
      if c.monthlyStates[i] == .shown {
        run.append((x(i), y(Double(m.count))))
      } else {
        svg.polyline(run, cls: "trend")
        run = []
        svg.text(x(i), top + plotH - 4, c.suppression.text(m.count, c.monthlyStates[i], labels: l), anchor: "middle", cls: "s")
      }
    }
    svg.polyline(run, cls: "trend")
    for (i, m) in months.enumerated() where c.monthlyStates[i] == .shown {
      svg.circle(x(i), y(Double(m.count)), 2.8, cls: "mk")
    }
    let labelEvery = months.count > 12 ? 3 : 1
    for (i, m) in months.enumerated() where (months.count - 1 - i) % labelEvery == 0 {
      svg.text(x(i), top + plotH + 14, l.shortPeriod(m.period), anchor: "middle", cls: "s")
    }
    svg.text(left + plotW / 2, h - 6, l.trendAxis, anchor: "middle", cls: "s")
    let title = l.trendTitle
    return ChartItem(title: title, svg: svg.render(title: title), note: l.trendNote)
  }
}
