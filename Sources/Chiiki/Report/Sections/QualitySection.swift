/// Data-quality notes: suppression used, missing or suppressed input cells, small districts,
/// consultations of unknown sex or age, and the run's warnings and notes.
enum QualitySection {
  static func build(_ c: ReportContext, problems: [String]) -> QualityModel {
    let a = c.analysis
    let l = c.labels
    var items = [l.suppressionNote(threshold: c.suppression.threshold)]
    for s in a.indicatorSummaries where s.excludedCells > 0 {
      items.append(l.excludedCells(l.indicator(s.config), s.excludedCells))
    }
    let low = a.priorities.filter(\.lowData).map { c.name($0.district) }
    if !low.isEmpty { items.append(l.lowDataDistricts(low, minimum: c.configuration.minimumExpected)) }
    let unknown = c.dataset.cases.windowUnknownConsultations
    if unknown > 0 { items.append(l.unknownConsultations(c.suppression.count(unknown, labels: l))) }
    items += problems
    let log = a.diagnostics
    for d in log.warnings { items.append(l.warningLine(masked(d, c.suppression))) }
    for d in log.notes { items.append(l.noteLine(masked(d, c.suppression))) }
    let heldBack = (log.warningCount - log.warnings.count) + (log.noteCount - log.notes.count)
    if heldBack > 0 { items.append(l.moreDiagnostics(heldBack)) }
    return QualityModel(items: items.map { Line(text: $0) })
  }

  /// A diagnostic as printed: its location, then its message with every standalone small number
  /// (1 ... threshold-1) shown as `<threshold`, since messages may quote counts.
  static func masked(_ d: Diagnostic, _ s: Suppression) -> String {
    var message = ""
    let chars = Array(d.message)
    var i = 0
    func joins(_ ch: Character?) -> Bool {
      guard let ch else { return false }
      return ch.isLetter || ch.isNumber || ch == "." || ch == "-" || ch == "/" || ch == ":" || ch == "_"
    }
    while i < chars.count {
      guard chars[i].isASCII, chars[i].isNumber else { message.append(chars[i]); i += 1; continue }
      var j = i
      while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
      let run = String(chars[i..<j])
      let standalone = !joins(i > 0 ? chars[i - 1] : nil) && !joins(j < chars.count ? chars[j] : nil)
      if standalone, let n = Int(run), s.isSmall(n) { message += "<\(s.threshold)" } else { message += run }
      i = j
    }
    return "\(d.location): \(d.severity.rawValue): \(message)"
  }
}
