/// Every key chiiki.toml accepts, in the order `ConfigurationLoader.render` writes them.
///
/// To add a key: add the field to `Configuration`, add one line to the right section below
/// (the factories in `ConfigKey` check type and range and write the value back), and document
/// it in `ExampleConfig.swift` (a test checks that every key here appears there).
/// To add a section: add a `Section` to `sections`.
enum ConfigSchema {
  /// A `[name]` table of fixed keys that set fields of `Configuration`.
  struct Section: Sendable {
    let name: String
    let keys: [ConfigKey<Configuration>]
  }

  /// Keys at the top of the file, before any `[table]`.
  static let topLevel: [ConfigKey<Configuration>] = [
    .text("centre_name", \.centreName)
  ]

  static let sections: [Section] = [
    Section(name: "report", keys: [
      .choice("language", \.language, [ReportLanguage.ja, .en]),
      .text("templates", \.reportTemplates),
    ]),
    Section(name: "statistics", keys: [
      confidenceLevel,
      reference,
      .choice("composite", \.composite, [CompositeMethod.geometricMean, .percentileRank, .exponentialRank]),
      .number("minimum_expected", \.minimumExpected, in: 0...1e12, expects: "a number of at least 0"),
    ]),
    Section(name: "privacy", keys: [
      .integer("small_cell_threshold", \.smallCellThreshold, in: 2...1000)
    ]),
    Section(name: "outreach", keys: [
      leafletBudget,
      .number(
        "leaflets_per_household", \.leafletsPerHousehold, in: 0...100, excludingLowerBound: true,
        expects: "a number above 0 and at most 100"),
      .integer("default_districts", \.leafletDefaultDistricts, in: 1...100_000),
      .integer("window_months", \.windowMonths, in: 1...60),
    ]),
  ]

  /// Keys of an `[indicators.<id>]` table.
  static let indicatorKeys: [ConfigKey<IndicatorConfig>] = [
    .text("label_ja", \.labelJa, allowEmpty: false),
    .text("label_en", \.labelEn, allowEmpty: false),
    .choice("direction", \.direction, [IndicatorDirection.higherIsWorse, .lowerIsWorse]),
    .number("weight", \.weight, in: 0...1e6, expects: "a number of at least 0"),
    .choice("denominator", \.denominator, [DenominatorSource.given, .population]),
    .optionalInteger("min_age", \.minAge, in: 0...150, orWord: "none"),
    .optionalInteger("max_age", \.maxAge, in: 0...150, orWord: "none"),
    categories,
  ]

  /// The table of per-indicator tables, `[indicators.<id>]`.
  static let indicatorsTable = "indicators"
  /// `[resources.kinds]`: resource kind -> indicators and categories it serves.
  static let resourcesTable = "resources"
  static let kindsKey = "kinds"

  /// What may stand at the top level, for "expected one of" in messages.
  static var topLevelNames: [String] {
    topLevel.map(\.name) + sections.map { "[\($0.name)]" } + ["[\(indicatorsTable).<id>]", "[\(resourcesTable).\(kindsKey)]"]
  }

  /// Where a key belongs (`in [report]`, `at the top level`, `in [indicators.<id>]`), for a
  /// key written in the wrong table; nil if no table has it.
  static func home(of key: String) -> String? {
    if topLevel.contains(where: { $0.name == key }) { return "at the top level" }
    if let section = sections.first(where: { $0.keys.contains { $0.name == key } }) { return "in [\(section.name)]" }
    if indicatorKeys.contains(where: { $0.name == key }) { return "in [\(indicatorsTable).<id>]" }
    return nil
  }

  // MARK: Keys with their own rules

  /// 0.5 … 0.9999, or a percentage 50 … 99.99 (so `95` means 0.95). Written back as a fraction.
  static let confidenceLevel = ConfigKey<Configuration>(
    name: "confidence_level",
    apply: { node, target, _ throws(ConfigValueError) in
      let expects = "a number between 0.5 and 0.9999 (or a percentage between 50 and 99.99)"
      guard let value = node.number else { throw .mismatch("confidence_level", expects: expects, node) }
      if (0.5...0.9999).contains(value) {
        target.confidenceLevel = value
      } else if (50...99.99).contains(value) {
        target.confidenceLevel = value / 100
      } else {
        throw .mismatch("confidence_level", expects: expects, node)
      }
    },
    render: { TOMLWriter.float($0.confidenceLevel) })

  /// "all", or the path of a reference-rates CSV relative to the configuration file's folder.
  static let reference = ConfigKey<Configuration>(
    name: "reference",
    apply: { node, target, context throws(ConfigValueError) in
      guard case .string(let text) = node.value, !text.isEmpty else {
        throw .mismatch("reference", expects: "\"all\" or the path of a reference-rates CSV file in quotes", node)
      }
      target.reference = text == "all" ? .allDistricts : .externalRates(path: context.resolve(text))
    },
    render: { target in
      switch target.reference {
      case .allDistricts: return TOMLWriter.quoted("all")
      case .externalRates(let path): return TOMLWriter.quoted(path)
      }
    })

  /// A whole number of leaflets, or "auto" for one per household of the top districts.
  static let leafletBudget = ConfigKey<Configuration>(
    name: "leaflet_budget",
    apply: { node, target, _ throws(ConfigValueError) in
      if case .string("auto") = node.value {
        target.leafletBudget = nil
        return
      }
      guard let value = node.wholeNumber, (0...1_000_000_000).contains(value) else {
        throw .mismatch("leaflet_budget", expects: "a whole number between 0 and 1000000000 or \"auto\"", node)
      }
      target.leafletBudget = value
    },
    render: { target in target.leafletBudget.map { String($0) } ?? TOMLWriter.quoted("auto") })

  /// Consultation categories (主訴) that answer an indicator's kind of need.
  static let categories = ConfigKey<IndicatorConfig>(
    name: "categories",
    apply: { node, target, _ throws(ConfigValueError) in
      target.categories = try node.textList("categories").map(CaseCategory.init)
    },
    render: { TOMLWriter.stringArray($0.categories.map(\.rawValue)) })
}
