/// Methodology (every formula, in words of the language) and the manifest facts.
enum MethodsSection {
  static func build(_ c: ReportContext, rulesSource: String) -> MethodsModel {
    let a = c.analysis
    let l = c.labels
    let config = c.configuration
    let adjusted = a.indicatorSummaries.filter(\.funnelAdjusted).map { l.indicator($0.config) }
    let weights = a.indicatorSummaries.map { "\(l.indicator($0.config)) \(NumberFormat.fixed($0.config.weight, 2))" }
    let items = l.methodology(
      level: c.levelText, window: config.windowMonths, threshold: c.suppression.threshold,
      reference: referenceText(config.reference, l), adjusted: adjusted, weights: weights,
      composite: config.composite, minimumExpected: config.minimumExpected,
      perHousehold: config.leafletsPerHousehold, defaultDistricts: config.leafletDefaultDistricts,
      budgetConfigured: config.leafletBudget != nil)
      .map { MethodItem(name: $0.0, text: $0.1) }
    var facts = [
      KeyValue(key: l.factRunPeriod, value: l.periodWithWareki(a.runPeriod)),
      KeyValue(key: l.factWindow, value: l.window(c.windowStart, a.runPeriod)),
      KeyValue(key: l.factReference, value: referenceText(config.reference, l)),
      KeyValue(key: l.factLevel, value: "\(c.levelText)%"),
      KeyValue(key: l.factThreshold, value: String(c.suppression.threshold)),
      KeyValue(key: l.factComposite, value: l.compositeName(config.composite)),
      KeyValue(key: l.factLeafletBudget, value: NumberFormat.grouped(a.leafletPlan.budget)),
      KeyValue(key: l.factRules, value: rulesSource),
    ]
    for s in a.indicatorSummaries {
      facts.append(KeyValue(key: l.factIndicatorPeriod(l.indicator(s.config)), value: l.periodWithWareki(s.period)))
    }
    let inputs = c.dataset.inputs.map { i in
      InputRow(name: i.name, rows: NumberFormat.grouped(i.rows), encoding: i.encoding.rawValue, sha256: String(i.sha256.prefix(16)))
    }
    return MethodsModel(items: items, facts: facts, inputs: inputs)
  }

  static func referenceText(_ r: ReferenceSource, _ l: Labels) -> String {
    switch r {
    case .allDistricts: l.referenceAll
    case .externalRates(let path): l.referenceExternal(lastComponent(path))
    }
  }

  /// The file name of a path (no folders: the report leaves the centre).
  static func lastComponent(_ path: String) -> String {
    String(path.split(separator: "/").last ?? Substring(path))
  }
}
