import Testing

@testable import Chiiki

/// Unknown keys, wrong types and out-of-range values: each at its line and column.
@Suite struct ConfigValidationTests {
  @Test func unknownKeyInSection() {
    let text = "[outreach]\nleaflet_budget = 10\n\nleaflet_budgt = 3000\n"
    let errors = configErrors(text)
    #expect(errors.map(\.description) == [
      "chiiki.toml:4:1: error: unknown key 'leaflet_budgt' in [outreach]; expected one of leaflet_budget, "
        + "leaflets_per_household, default_districts, window_months (did you mean 'leaflet_budget'?)"
    ])
  }

  @Test func unknownTablesAndTopLevelKeys() {
    expectError("\n[outreech]\n", line: 2, column: 2, "unknown table [outreech]; expected one of centre_name, [report]")
    expectError("\n[outreech]\n", line: 2, column: 2, "(did you mean [outreach]?)")
    expectError("center_name = \"x\"", line: 1, column: 1, "unknown key 'center_name' at the top level")
    expectError("center_name = \"x\"", line: 1, column: 1, "(did you mean 'centre_name'?)")
    expectError("[statistics.extra]\nx = 1", line: 1, column: 13, "unknown table [statistics.extra]")
    expectError("[resources]\nkind = {}", line: 2, column: 1, "unknown key 'kind' in [resources]; expected one of kinds (did you mean 'kinds'?)")
    expectError("[indicators.ltc]\nweigth = 2", line: 2, column: 1, "unknown key 'weigth' in [indicators.ltc]; expected one of label_ja, label_en, direction, weight")
    expectError("[indicators.ltc]\nweigth = 2", line: 2, column: 1, "(did you mean 'weight'?)")
    expectError("zzz = 1", line: 1, column: 1, "unknown key 'zzz' at the top level")
    #expect(!(configErrors("zzz = 1").first?.message.contains("did you mean") ?? true))
  }

  @Test func keysInTheWrongTable() {
    expectError(
      "language = \"en\"", line: 1, column: 1,
      "unknown key 'language' at the top level; expected one of centre_name, [report], [statistics], [privacy], "
        + "[outreach], [indicators.<id>], [resources.kinds] (language belongs in [report])")
    expectError("[outreach]\nconfidence_level = 0.9", line: 2, column: 1, "(confidence_level belongs in [statistics])")
    expectError("[report]\nweight = 2", line: 2, column: 1, "(weight belongs in [indicators.<id>])")
    expectError("[report]\ncentre_name = \"x\"", line: 2, column: 1, "(centre_name belongs at the top level)")
  }

  @Test func wrongTypes() {
    let errors = configErrors("[statistics]\n\nconfidence_level    = \"95%\"\n")
    #expect(errors.map(\.description) == [
      "chiiki.toml:3:23: error: confidence_level must be a number between 0.5 and 0.9999 "
        + "(or a percentage between 50 and 99.99), not \"95%\""
    ])
    expectError("[report]\nlanguage = 1", line: 2, column: 12, #"language must be one of "ja", "en", not 1"#)
    expectError("[privacy]\nsmall_cell_threshold = \"5\"", line: 2, column: 24, #"must be a whole number between 2 and 1000, not "5""#)
    expectError("[outreach]\nwindow_months = [12]", line: 2, column: 17, "window_months must be a whole number between 1 and 60, not an array")
    expectError("[outreach]\nwindow_months = 12.5", line: 2, column: 17, "not 12.5")
    expectError("centre_name = 1_000", line: 1, column: 15, "centre_name must be text in quotes, not 1_000")
    expectError("[indicators.ltc]\ncategories = \"健康\"", line: 2, column: 14, "categories must be an array of texts")
    expectError("[indicators.ltc]\ncategories = [\"健康\", 3, \"x\"]", line: 2, column: 21, "every element of categories must be non-empty text in quotes, not 3")
    expectError("[indicators.ltc]\nlabel_ja = \"\"", line: 2, column: 12, "label_ja must be non-empty text in quotes")
    expectError("[resources.kinds]\n\"居場所\" = \"ltc\"", line: 2, column: 9, #""居場所" must be an array of texts"#)
    expectError("[resources.kinds]\n\"居場所\" = [\"\"]", line: 2, column: 10, "every element of \"居場所\" must be non-empty text")
    expectError("[statistics.confidence_level]\n", line: 1, column: 13, "confidence_level must be a number between 0.5 and 0.9999 (or a percentage between 50 and 99.99), not a table")
  }

  @Test func sectionsThatAreNotTables() {
    expectError("report = \"ja\"", line: 1, column: 1, "report must be a table, written as [report] followed by lines such as language = …, not \"ja\"")
    expectError("[indicators]\nltc = 2", line: 2, column: 1, "indicators.ltc must be a table such as [indicators.ltc]")
    expectError("resources = []", line: 1, column: 1, "resources must be a table")
    expectError("[resources]\nkinds = 1", line: 2, column: 1, "resources.kinds must be a table")
    expectError("[indicators.\"\"]\nweight = 1", line: 1, column: 13, "an indicator id must not be empty")
    expectError("[resources.kinds]\n\"\" = []", line: 2, column: 1, "a resource kind must not be empty")
  }

  @Test func outOfRange() {
    expectError("[statistics]\nconfidence_level = 1", line: 2, column: 20, "confidence_level must be a number between 0.5 and 0.9999")
    expectError("[statistics]\nconfidence_level = 0.49", line: 2, column: 20, "not 0.49")
    expectError("[statistics]\nconfidence_level = 99.995", line: 2, column: 20, "not 99.995")
    expectError("[statistics]\nconfidence_level = nan", line: 2, column: 20, "not nan")
    expectError("[statistics]\nminimum_expected = -1.0", line: 2, column: 20, "minimum_expected must be a number of at least 0, not -1.0")
    expectError("[statistics]\nminimum_expected = inf", line: 2, column: 20, "not inf")
    expectError("[privacy]\nsmall_cell_threshold = 1", line: 2, column: 24, "not 1")
    expectError("[outreach]\nleaflet_budget = -1", line: 2, column: 18, #"leaflet_budget must be a whole number between 0 and 1000000000 or "auto", not -1"#)
    expectError("[outreach]\nleaflet_budget = \"lots\"", line: 2, column: 18, #"not "lots""#)
    expectError("[outreach]\nleaflets_per_household = 0", line: 2, column: 26, "leaflets_per_household must be a number above 0 and at most 100, not 0")
    expectError("[outreach]\ndefault_districts = 0", line: 2, column: 21, "default_districts must be a whole number between 1 and 100000, not 0")
    expectError("[outreach]\nwindow_months = 61", line: 2, column: 17, "window_months must be a whole number between 1 and 60, not 61")
    expectError("[outreach]\nwindow_months = 1e300", line: 2, column: 17, "not 1e300")
    expectError("[indicators.x]\nweight = -0.5", line: 2, column: 10, "weight must be a number of at least 0, not -0.5")
    expectError("[indicators.x]\nmin_age = 151", line: 2, column: 11, #"min_age must be a whole number between 0 and 150 or "none", not 151"#)
    expectError("[indicators.x]\ndirection = \"up\"", line: 2, column: 13, #"direction must be one of "higher_is_worse", "lower_is_worse", not "up""#)
    expectError("[indicators.x]\ndenominator = \"pop\"", line: 2, column: 15, #"denominator must be one of "given", "population", not "pop""#)
    expectError("[statistics]\ncomposite = \"mean\"", line: 2, column: 13, #"one of "geometric_mean", "percentile_rank", "exponential_rank", not "mean""#)
    expectError("[statistics]\nreference = \"\"", line: 2, column: 13, "reference must be \"all\" or the path of a reference-rates CSV file in quotes")
  }

  @Test func ageLimitsMustBeOrdered() {
    expectError("[indicators.x]\nmax_age = 10\nmin_age = 20", line: 2, column: 11, "max_age (10) must not be below min_age (20) in [indicators.x]")
    // The default minimum of ltc (65) counts too.
    expectError("[indicators.ltc]\nmax_age = 40", line: 2, column: 11, "max_age (40) must not be below min_age (65)")
  }

  @Test func longValuesAreShortenedInMessages() {
    let long = String(repeating: "あ", count: 100)
    let message = configErrors("[report]\nlanguage = \"\(long)\"").first?.message ?? ""
    #expect(message.hasSuffix("\"" + String(repeating: "あ", count: 40) + "\"…"))
  }

  @Test func allErrorsAreCollected() {
    let text = """
      [report]
      language = "fr"
      [privacy]
      small_cell_threshold = 0
      [outreach]
      window = 3
      """
    let errors = configErrors(text)
    #expect(errors.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["2:12", "4:24", "6:1"])
  }

  @Test func suggestions() {
    #expect(Suggestion.closest(to: "leaflet_budgt", among: ["leaflet_budget", "window_months"]) == "'leaflet_budget'")
    #expect(Suggestion.closest(to: "lnaguage", among: ["language"]) == "'language'")
    #expect(Suggestion.closest(to: "xyz", among: ["language"]) == nil)
    #expect(Suggestion.closest(to: "report", among: ["[report]"]) == nil)
    #expect(Suggestion.closest(to: "reprot", among: ["[report]"]) == "[report]")
    #expect(Suggestion.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)) == 3)
  }
}
