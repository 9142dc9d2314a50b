/// The text `chiiki validate` prints: what was read, per file and per indicator.
public enum ValidationSummary {
  public static func render(_ dataset: Dataset) -> String {
    var lines: [String] = []
    lines.append("run period: \(dataset.runPeriod) (\(dataset.runPeriod.wareki))")
    lines.append("districts: \(dataset.districts.count)" + (dataset.districts.areas.isEmpty ? "" : " in \(dataset.districts.areas.count) areas (\(dataset.districts.areas.joined(separator: ", ")))"))
    for input in dataset.inputs {
      lines.append("\(input.name): \(input.rows) rows, \(input.bytes) bytes, \(input.encoding.rawValue)")
    }
    for indicator in dataset.statistics.indicators {
      let periods = (dataset.statistics.grids[indicator]?.keys.sorted() ?? []).map(\.description)
      let used = dataset.statistics.periods(of: indicator, notAfter: dataset.runPeriod)
      lines.append("indicator \(indicator): periods \(periods.joined(separator: ", ")); uses \(used.current?.description ?? "none")"
        + (used.previous.map { ", trend against \($0)" } ?? "")
        + "; suppressed cells \(dataset.statistics.suppressedCells[indicator] ?? 0)"
        + "; denominators from population.csv \(dataset.statistics.filledFromPopulation[indicator] ?? 0)")
    }
    let c = dataset.cases
    lines.append("cases: window \(c.runPeriod.adding(months: -(c.windowMonths - 1)))–\(c.runPeriod), \(c.windowConsultations.reduce(0) { $0 + Int($1) }) consultations in \(c.categories.count) categories; referrals \(c.hasReferrals ? "yes" : "no"), exits \(c.hasExits ? "yes" : "no")")
    lines.append("warnings: \(dataset.diagnostics.warningCount), notes: \(dataset.diagnostics.noteCount)")
    return lines.joined(separator: "\n")
  }
}
