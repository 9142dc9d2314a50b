/// Whether a higher value of an indicator means more need.
public enum IndicatorDirection: String, Sendable, Hashable {
  case higherIsWorse = "higher_is_worse"
  case lowerIsWorse = "lower_is_worse"
}

/// Where an indicator's denominator comes from: statistics.csv itself, or population.csv.
public enum DenominatorSource: String, Sendable, Hashable {
  case given
  case population
}

/// How an indicator is labelled, weighted and read. Indicators are data: one not configured
/// gets `IndicatorConfig.fallback(for:)` (its id as label, higher is worse, weight 1).
public struct IndicatorConfig: Sendable, Hashable {
  public var id: IndicatorID
  public var labelJa: String
  public var labelEn: String
  public var direction: IndicatorDirection
  /// Weight in the need index and in expected consultations (default 1).
  public var weight: Double
  /// Where an empty `denominator` cell is filled from.
  public var denominator: DenominatorSource
  /// Age restriction of the population denominator (e.g. 65 for `ltc`: persons 65+).
  public var minAge: Int?
  public var maxAge: Int?
  /// Consultation categories (主訴) that answer this kind of need, for the per-category gap.
  public var categories: [CaseCategory]

  public init(
    id: IndicatorID, labelJa: String, labelEn: String, direction: IndicatorDirection = .higherIsWorse,
    weight: Double = 1, denominator: DenominatorSource = .given, minAge: Int? = nil, maxAge: Int? = nil,
    categories: [CaseCategory] = []
  ) {
    self.id = id
    self.labelJa = labelJa
    self.labelEn = labelEn
    self.direction = direction
    self.weight = weight
    self.denominator = denominator
    self.minAge = minAge
    self.maxAge = maxAge
    self.categories = categories
  }

  public static func fallback(for id: IndicatorID) -> IndicatorConfig {
    IndicatorConfig(id: id, labelJa: id.rawValue, labelEn: id.rawValue)
  }
}

/// How the need index combines the indicators' smoothed ratios.
public enum CompositeMethod: String, Sendable, Hashable {
  /// Weighted geometric mean of smoothed ratios (the contract's default); 1.0 = reference level.
  case geometricMean = "geometric_mean"
  /// CDC SVI: mean of percentile ranks (min-tie rule), rescaled so the median district is about 1.
  case percentileRank = "percentile_rank"
  /// English IMD: exponential transform of ranks, weighted sum.
  case exponentialRank = "exponential_rank"
}

/// The reference against which expected counts are computed.
public enum ReferenceSource: Sendable, Hashable {
  /// All districts of the input together (the contract's default).
  case allDistricts
  /// External rates per indicator x sex x age band, from a CSV file
  /// (`indicator, sex, age_group, rate`), e.g. national rates.
  case externalRates(path: String)
}

/// Report language.
public enum ReportLanguage: String, Sendable, Hashable {
  case ja, en
}

/// Everything a run can be configured with (chiiki.toml), with the contract's defaults.
public struct Configuration: Sendable, Hashable {
  public var indicators: [IndicatorID: IndicatorConfig]
  public var reference: ReferenceSource = .allDistricts
  /// Two-sided confidence level for intervals (default 0.95).
  public var confidenceLevel: Double = 0.95
  /// Counts from 1 to threshold-1 are shown as `<threshold` in output that leaves the centre.
  public var smallCellThreshold: Int = 5
  /// Leaflets available this month; nil = one per household of the top `leafletDefaultDistricts`.
  public var leafletBudget: Int? = nil
  public var leafletsPerHousehold: Double = 1
  public var leafletDefaultDistricts: Int = 10
  public var language: ReportLanguage = .ja
  /// Months of consultations counted, ending with the run period.
  public var windowMonths: Int = 12
  public var composite: CompositeMethod = .geometricMean
  /// Districts whose summed expected count over the indicators is below this are flagged as
  /// having too little data to rank on their own.
  public var minimumExpected: Double = 5
  /// Resource kind (社会資源の種類) -> indicators and categories it serves.
  public var resourceKindNeeds: [String: [String]]
  /// Name of the centre, shown in the report title.
  public var centreName: String = ""
  /// Folder of report template overrides (`meeting_summary.md.mustache`,
  /// `meeting_summary.html.mustache`, `meeting_summary.css`); "" = the built-in templates.
  /// A relative path is taken from the data folder.
  public var reportTemplates: String = ""

  public init() {
    indicators = Configuration.defaultIndicators
    resourceKindNeeds = Configuration.defaultResourceKindNeeds
  }

  /// The configuration of an indicator, configured or not.
  public func indicator(_ id: IndicatorID) -> IndicatorConfig {
    indicators[id] ?? .fallback(for: id)
  }

  public static let defaultIndicators: [IndicatorID: IndicatorConfig] = [
    IndicatorID("unemployment"): IndicatorConfig(
      id: IndicatorID("unemployment"), labelJa: "失業率", labelEn: "unemployment rate",
      categories: [CaseCategory("就労"), CaseCategory("経済的困窮")]),
    IndicatorID("welfare"): IndicatorConfig(
      id: IndicatorID("welfare"), labelJa: "生活保護率", labelEn: "public assistance rate",
      denominator: .population, categories: [CaseCategory("経済的困窮"), CaseCategory("住まい"), CaseCategory("債務")]),
    IndicatorID("ltc"): IndicatorConfig(
      id: IndicatorID("ltc"), labelJa: "要介護認定率", labelEn: "long-term-care certification rate",
      denominator: .population, minAge: 65, categories: [CaseCategory("健康"), CaseCategory("家族関係"), CaseCategory("社会的孤立")]),
  ]

  public static let defaultResourceKindNeeds: [String: [String]] = [
    "就労": ["unemployment", "就労"],
    "中間的就労": ["unemployment", "welfare", "就労"],
    "居場所": ["ltc", "welfare", "社会的孤立"],
    "学習支援": ["welfare"],
    "食料支援": ["welfare", "経済的困窮"],
    "住まい": ["welfare", "住まい"],
    "相談": ["unemployment", "welfare", "ltc"],
  ]
}
