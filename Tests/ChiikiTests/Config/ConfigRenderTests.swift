import Testing

@testable import Chiiki

@Suite struct ConfigRenderTests {
  @Test func defaultRendersEveryKeyInOrder() {
    let text = ConfigurationLoader.render(Configuration())
    let expectedStart = """
      centre_name = ""

      [report]
      language = "ja"
      templates = ""

      [statistics]
      confidence_level = 0.95
      reference = "all"
      composite = "geometric_mean"
      minimum_expected = 5.0

      [privacy]
      small_cell_threshold = 5

      [outreach]
      leaflet_budget = "auto"
      leaflets_per_household = 1.0
      default_districts = 10
      window_months = 12

      [indicators.ltc]
      label_ja = "要介護認定率"
      label_en = "long-term-care certification rate"
      direction = "higher_is_worse"
      weight = 1.0
      denominator = "population"
      min_age = 65
      max_age = "none"
      categories = ["健康", "家族関係", "社会的孤立"]

      [indicators.unemployment]
      """
    #expect(text.hasPrefix(expectedStart), "\(text)")
    // Resource kinds in UTF-8 byte order.
    let kinds = """

      [resources.kinds]
      "中間的就労" = ["unemployment", "welfare", "就労"]
      "住まい" = ["welfare", "住まい"]
      "学習支援" = ["welfare"]
      "就労" = ["unemployment", "就労"]
      "居場所" = ["ltc", "welfare", "社会的孤立"]
      "相談" = ["unemployment", "welfare", "ltc"]
      "食料支援" = ["welfare", "経済的困窮"]

      """
    #expect(text.hasSuffix(kinds), "\(text)")
    #expect(ConfigurationLoader.render(Configuration()) == text)
  }

  @Test func defaultRoundTrips() {
    #expect(loadConfig(ConfigurationLoader.render(Configuration())) == Configuration())
  }

  @Test func customRoundTrips() {
    var c = Configuration()
    c.centreName = "quote \" backslash \\ tab\t newline\n bell\u{07} del\u{7F} 相談 😀"
    c.language = .en
    c.confidenceLevel = 0.1 + 0.2 + 0.6
    c.reference = .externalRates(path: "/data/rates \"2024\".csv")
    c.composite = .exponentialRank
    c.minimumExpected = 1e-7
    c.smallCellThreshold = 3
    c.leafletBudget = 1_234_567
    c.leafletsPerHousehold = 0.333
    c.leafletDefaultDistricts = 99
    c.windowMonths = 60
    let odd = IndicatorID("ひとり親 世帯.率")
    c.indicators[odd] = IndicatorConfig(
      id: odd, labelJa: "ひとり親世帯率", labelEn: "single-parent rate", direction: .lowerIsWorse, weight: 123.456,
      denominator: .population, minAge: 0, maxAge: 150, categories: [CaseCategory("家族関係"), CaseCategory("a,b")])
    c.indicators[IndicatorID("ltc")]?.minAge = nil
    c.indicators[IndicatorID("welfare")]?.weight = 0
    c.resourceKindNeeds["居場所"] = []
    c.resourceKindNeeds["new \"kind\""] = ["x"]
    let text = ConfigurationLoader.render(c)
    #expect(loadConfig(text) == c, "\(text)")
    #expect(ConfigurationLoader.render(loadConfig(text) ?? Configuration()) == text)
  }

  @Test func relativeReferenceRendersResolvedPath() {
    guard let c = loadConfig("[statistics]\nreference = \"ref.csv\"", base: "conf") else { return }
    #expect(ConfigurationLoader.render(c).contains("\nreference = \"conf/ref.csv\"\n"))
  }

  @Test func exampleParsesToDefaults() {
    #expect(loadConfig(ConfigurationLoader.exampleTOML) == Configuration())
  }

  @Test func exampleDocumentsEveryKey() {
    let example = ConfigurationLoader.exampleTOML
    var keys = ConfigSchema.topLevel.map(\.name)
    for section in ConfigSchema.sections {
      #expect(example.contains("\n[\(section.name)]\n"), "[\(section.name)]")
      keys += section.keys.map(\.name)
    }
    keys += ConfigSchema.indicatorKeys.map(\.name)
    for key in keys {
      #expect(example.contains("\n\(key) = "), "\(key) is not in the example")
    }
    #expect(example.contains("\n[resources.kinds]\n"))
  }

  @Test func floatsAreWrittenSoTheyReadBack() {
    for value in [0.95, 5.0, 1e-5, 1e20, 123456789.125, 0.1 + 0.2, -0.0, 5e-324, Double.greatestFiniteMagnitude] {
      let text = "x = \(TOMLWriter.float(value))"
      guard let root = parseTOML(text) else { continue }
      #expect(root.value("x")?.floatValue == value, "\(text)")
    }
    #expect(TOMLWriter.float(.infinity) == "inf")
    #expect(TOMLWriter.float(.nan) == "nan")
  }

  @Test func keysAreQuotedOnlyWhenNeeded() {
    #expect(TOMLWriter.key("ltc") == "ltc")
    #expect(TOMLWriter.key("single-parent_2") == "single-parent_2")
    #expect(TOMLWriter.key("a.b") == "\"a.b\"")
    #expect(TOMLWriter.key("") == "\"\"")
    #expect(TOMLWriter.key("居場所") == "\"居場所\"")
    #expect(TOMLWriter.quoted("a\u{01}\"\\") == #""a\u0001\"\\""#)
  }
}
