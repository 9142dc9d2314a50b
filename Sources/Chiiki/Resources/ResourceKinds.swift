/// Resource kinds: their display order and the needs they serve, read from the configuration.
enum ResourceKinds {
  /// The kinds named in data-contract.md, in the order a reader expects them; other kinds follow
  /// in code-point order.
  static let preferredOrder = ["就労", "中間的就労", "居場所", "学習支援", "食料支援", "住まい", "相談"]

  /// `kinds` sorted: preferred kinds first, in their order, then the rest by UTF-8.
  static func sorted(_ kinds: some Sequence<String>) -> [String] {
    Array(Set(kinds)).sorted { a, b in
      let ia = preferredOrder.firstIndex(of: a) ?? preferredOrder.count
      let ib = preferredOrder.firstIndex(of: b) ?? preferredOrder.count
      if ia != ib { return ia < ib }
      return a.utf8.lexicographicallyPrecedes(b.utf8)
    }
  }

  /// What `Configuration.resourceKindNeeds` lists for a kind, split into indicators that have
  /// data in this run, indicators named but without data, and consultation categories. An entry
  /// is an indicator when it names an indicator of the data or of the configuration; otherwise a
  /// category (主訴).
  static func needs(of kind: String, configuration: Configuration, indicatorsWithData: [IndicatorID]) -> (indicators: [IndicatorID], missing: [IndicatorID], categories: [CaseCategory]) {
    var indicators: [IndicatorID] = []
    var missing: [IndicatorID] = []
    var categories: [CaseCategory] = []
    for entry in configuration.resourceKindNeeds[kind] ?? [] {
      let id = IndicatorID(entry)
      if indicatorsWithData.contains(id) {
        if !indicators.contains(id) { indicators.append(id) }
      } else if configuration.indicators[id] != nil {
        if !missing.contains(id) { missing.append(id) }
      } else if !categories.contains(CaseCategory(entry)) {
        categories.append(CaseCategory(entry))
      }
    }
    return (indicators, missing, categories)
  }
}
