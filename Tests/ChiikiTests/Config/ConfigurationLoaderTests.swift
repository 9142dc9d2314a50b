import Foundation
import Testing

@testable import Chiiki

@Suite struct ConfigLoaderTests {
  @Test func emptyFileGivesDefaults() {
    #expect(loadConfig("") == Configuration())
    #expect(loadConfig("# only a comment\n\n[report]\n[outreach]\n") == Configuration())
  }

  @Test func everyKeyIsApplied() {
    let text = """
      centre_name = "みなと相談センター"
      [report]
      language = "en"
      [statistics]
      confidence_level = 0.9
      reference = "rates/national.csv"
      composite = "percentile_rank"
      minimum_expected = 2.5
      [privacy]
      small_cell_threshold = 10
      [outreach]
      leaflet_budget = 3_000
      leaflets_per_household = 2
      default_districts = 15
      window_months = 6
      [indicators.unemployment]
      label_ja = "完全失業率"
      label_en = "jobless rate"
      direction = "lower_is_worse"
      weight = 0.5
      denominator = "population"
      min_age = 15
      max_age = 64
      categories = ["就労"]
      [resources.kinds]
      "中間的就労" = ["unemployment", "就労"]
      "フードバンク" = ["welfare"]
      """
    guard let c = loadConfig(text, base: "conf") else { return }
    #expect(c.centreName == "みなと相談センター")
    #expect(c.language == .en)
    #expect(c.confidenceLevel == 0.9)
    #expect(c.reference == .externalRates(path: "conf/rates/national.csv"))
    #expect(c.composite == .percentileRank)
    #expect(c.minimumExpected == 2.5)
    #expect(c.smallCellThreshold == 10)
    #expect(c.leafletBudget == 3000)
    #expect(c.leafletsPerHousehold == 2)
    #expect(c.leafletDefaultDistricts == 15)
    #expect(c.windowMonths == 6)
    let u = c.indicator(IndicatorID("unemployment"))
    #expect(u == IndicatorConfig(
      id: IndicatorID("unemployment"), labelJa: "完全失業率", labelEn: "jobless rate", direction: .lowerIsWorse,
      weight: 0.5, denominator: .population, minAge: 15, maxAge: 64, categories: [CaseCategory("就労")]))
    #expect(c.resourceKindNeeds["中間的就労"] == ["unemployment", "就労"])
    #expect(c.resourceKindNeeds["フードバンク"] == ["welfare"])
    // Untouched parts keep their defaults.
    #expect(c.indicators[IndicatorID("ltc")] == Configuration.defaultIndicators[IndicatorID("ltc")])
    #expect(c.resourceKindNeeds["居場所"] == Configuration.defaultResourceKindNeeds["居場所"])
  }

  @Test func referencePaths() {
    #expect(loadConfig("[statistics]\nreference = \"all\"")?.reference == .allDistricts)
    #expect(loadConfig("[statistics]\nreference = \"r.csv\"", base: "/srv/chiiki/")?.reference == .externalRates(path: "/srv/chiiki/r.csv"))
    #expect(loadConfig("[statistics]\nreference = \"/abs/r.csv\"", base: "conf")?.reference == .externalRates(path: "/abs/r.csv"))
    #expect(loadConfig("[statistics]\nreference = \"r.csv\"", base: "")?.reference == .externalRates(path: "r.csv"))
  }

  @Test func confidenceLevelAcceptsPercentages() {
    #expect(loadConfig("[statistics]\nconfidence_level = 95")?.confidenceLevel == 0.95)
    #expect(loadConfig("[statistics]\nconfidence_level = 99.8")?.confidenceLevel == 0.998)
    #expect(loadConfig("[statistics]\nconfidence_level = 0.5")?.confidenceLevel == 0.5)
    #expect(loadConfig("[statistics]\nconfidence_level = 0.9999")?.confidenceLevel == 0.9999)
  }

  @Test func sentinelsAndWholeNumbers() {
    #expect(loadConfig("[outreach]\nleaflet_budget = 500")?.leafletBudget == 500)
    #expect(loadConfig("[outreach]\nleaflet_budget = 500\n")?.leafletBudget == 500)
    var budget = Configuration()
    budget.leafletBudget = 0
    #expect(loadConfig("[outreach]\nleaflet_budget = 0") == budget)
    #expect(loadConfig("[outreach]\nleaflet_budget = \"auto\"")?.leafletBudget == nil)
    #expect(loadConfig("[outreach]\ndefault_districts = 12.0")?.leafletDefaultDistricts == 12)
    let ltc = loadConfig("[indicators.ltc]\nmin_age = \"none\"")?.indicator(IndicatorID("ltc"))
    #expect(ltc?.minAge == nil)
    #expect(ltc?.labelJa == "要介護認定率")
  }

  @Test func newIndicatorStartsFromFallback() {
    let c = loadConfig("[indicators.single_parent]\nweight = 2\n")
    var expected = IndicatorConfig.fallback(for: IndicatorID("single_parent"))
    expected.weight = 2
    #expect(c?.indicators[IndicatorID("single_parent")] == expected)
    #expect(c?.indicators.count == 4)
  }

  @Test func inlineAndDottedFormsWork() {
    let text = """
      [indicators]
      ltc.weight = 3
      welfare = { label_en = "welfare rate", categories = [] }
      """
    guard let c = loadConfig(text) else { return }
    #expect(c.indicator(IndicatorID("ltc")).weight == 3)
    #expect(c.indicator(IndicatorID("welfare")).labelEn == "welfare rate")
    #expect(c.indicator(IndicatorID("welfare")).categories.isEmpty)
  }

  @Test func loadsFromDiskWithNameAndFolder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chiiki-config-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("chiiki.toml")
    try Data("\u{FEFF}[statistics]\nreference = \"ref.csv\"\n".utf8).write(to: file)
    let c = try ConfigurationLoader.load(path: file.path)
    #expect(c.reference == .externalRates(path: folder.appendingPathComponent("ref.csv").path))

    try Data("[privacy]\nsmall_cell_threshold = 1\n".utf8).write(to: file)
    #expect {
      try ConfigurationLoader.load(path: file.path, displayName: "設定/chiiki.toml")
    } throws: { error in
      guard case ChiikiError.invalidInput(let log) = error, let d = log.errors.first else { return false }
      return d.description
        == "設定/chiiki.toml:2:24: error: small_cell_threshold must be a whole number between 2 and 1000, not 1"
    }
  }

  @Test func invalidUTF8NamesTheLine() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chiiki-config-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("chiiki.toml")
    try Data([0x61, 0x3D, 0x31, 0x0A, 0x23, 0x0A, 0x62, 0x3D, 0x22, 0x82, 0xA0, 0x22, 0x0A]).write(to: file)
    #expect {
      try ConfigurationLoader.load(path: file.path)
    } throws: { error in
      guard case ChiikiError.invalidInput(let log) = error, let d = log.errors.first else { return false }
      return d.description == "chiiki.toml:3: error: the file is not valid UTF-8 text; save it as UTF-8"
    }
  }

  @Test func missingFileIsAnIOError() {
    #expect {
      try ConfigurationLoader.load(path: "/nonexistent/chiiki.toml")
    } throws: { error in
      guard case ChiikiError.io(let path, _) = error else { return false }
      return path == "/nonexistent/chiiki.toml"
    }
  }
}
