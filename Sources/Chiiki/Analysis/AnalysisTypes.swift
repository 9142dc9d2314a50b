/// City-wide facts about one indicator.
public struct IndicatorSummary: Sendable {
  public var indicator: IndicatorID
  public var config: IndicatorConfig
  public var period: Period
  public var previousPeriod: Period?
  public var observed: Double
  public var expected: Double
  public var denominator: Double
  /// Overall crude rate of the reference (sum of numerators / sum of denominators).
  public var referenceRate: Double
  public var overdispersion: OverdispersionEstimate
  /// Whether funnel labels use limits widened for over-dispersion.
  public var funnelAdjusted: Bool
  public var excludedCells: Int
  /// Districts significantly above reference (funnel high_95 or high_99.8).
  public var districtsHigh: Int
  public var districtsLow: Int
}

/// Consultations against need for one district (or segment, or area).
public struct Reach: Sendable {
  /// Consultations in the window.
  public var observed: Double
  /// Consultations expected if the centre reached need evenly (contract formula).
  public var expected: Double
  /// expected - observed (positive = under-reached).
  public var missing: Double { expected - observed }
  /// observed / expected, or nil when expected = 0.
  public var ratio: Double? { expected > 0 ? observed / expected : nil }
  /// Exact Poisson interval of observed, divided by expected.
  public var ratioInterval: Interval?
  /// Empirical-Bayes reliability weight of the consultation ratio (0 = no information).
  public var reliability: Double
  /// missing x reliability: the shortfall that survives shrinkage for noise.
  public var shrunkMissing: Double { reliability * missing }
}

/// One district's place in the outreach plan.
///
/// Stored compactly (no heap array, no 8-byte indices: one per district, 220,000 at national
/// scale): the drivers in a `DriverSet`, ranks and the district as 4-byte values, the earlier
/// windows' rank and shortfall without optionals' padding. Every value reads back as stored.
public struct DistrictPriority: Sendable {
  /// need_index x max(0, shrunk missing consultations); see Methodology.
  public var score: Double
  public var needIndex: Double
  public var reach: Reach
  public var leaflets: Int
  private var monthMissing: Double
  private var yearMissing: Double
  private var districtIndex: UInt32
  private var rankValue: UInt32
  private var monthRank: UInt32
  private var yearRank: UInt32
  /// The drivers as stored (`drivers` builds the array from it).
  private(set) var driverSet: DriverSet
  /// Too little data to rank on its own (summed expected counts below the configured minimum).
  public var lowData: Bool
  /// Significantly under-reached (upper limit of the consultation ratio < 1) in each of the
  /// last three windows.
  public var underReachedThreeMonths: Bool
  private var hasMonth: Bool
  private var hasYear: Bool

  init(
    district: Int, rank: Int, score: Double, needIndex: Double, reach: Reach, leaflets: Int, drivers: DriverSet,
    lowData: Bool, previousMonth: (rank: Int, missing: Double)?, previousYear: (rank: Int, missing: Double)?,
    underReachedThreeMonths: Bool
  ) {
    self.score = score
    self.needIndex = needIndex
    self.reach = reach
    self.leaflets = leaflets
    monthMissing = previousMonth?.missing ?? 0
    yearMissing = previousYear?.missing ?? 0
    districtIndex = UInt32(district)
    rankValue = UInt32(rank)
    monthRank = UInt32(previousMonth?.rank ?? 0)
    yearRank = UInt32(previousYear?.rank ?? 0)
    driverSet = drivers
    self.lowData = lowData
    self.underReachedThreeMonths = underReachedThreeMonths
    hasMonth = previousMonth != nil
    hasYear = previousYear != nil
  }

  public var district: Int {
    get { Int(districtIndex) }
    set { districtIndex = UInt32(newValue) }
  }

  public var rank: Int {
    get { Int(rankValue) }
    set { rankValue = UInt32(newValue) }
  }

  /// The reasons, as structured drivers; rendered in words per language.
  public var drivers: [PriorityDriver] { driverSet.drivers }

  /// Rank and missing consultations for the window ending one month and twelve months earlier.
  public var previousMonth: (rank: Int, missing: Double)? { hasMonth ? (Int(monthRank), monthMissing) : nil }
  public var previousYear: (rank: Int, missing: Double)? { hasYear ? (Int(yearRank), yearMissing) : nil }
}

/// One indicator's evidence for a unit, from which the drivers are chosen.
public struct IndicatorEvidence: Sendable {
  /// The indicator, its direction and weight (from its configuration: only what the drivers
  /// read, so that building evidence for every district copies no labels).
  public var indicator: IndicatorID
  public var higherIsWorse: Bool
  public var weight: Double
  /// Empirical-Bayes smoothed ratio (ranks the drivers).
  public var smoothed: Double
  /// Raw O/E and its interval (shown in the reasons).
  public var ratio: Double
  public var interval: Interval?
  /// The indicator's code in `IndicatorCodes` (what a `DriverSet` stores).
  var code: UInt32

  public init(indicator: IndicatorID, higherIsWorse: Bool, weight: Double, smoothed: Double, ratio: Double, interval: Interval?) {
    self.init(
      indicator: indicator, code: IndicatorCodes.shared.code(indicator), higherIsWorse: higherIsWorse, weight: weight,
      smoothed: smoothed, ratio: ratio, interval: interval)
  }

  /// With the indicator's code given (worked out once per indicator by callers making many).
  init(indicator: IndicatorID, code: UInt32, higherIsWorse: Bool, weight: Double, smoothed: Double, ratio: Double, interval: Interval?) {
    self.indicator = indicator
    self.code = code
    self.higherIsWorse = higherIsWorse
    self.weight = weight
    self.smoothed = smoothed
    self.ratio = ratio
    self.interval = interval
  }

  public init(config: IndicatorConfig, smoothed: Double, ratio: Double, interval: Interval?) {
    self.init(
      indicator: config.id, higherIsWorse: config.direction == .higherIsWorse, weight: config.weight, smoothed: smoothed,
      ratio: ratio, interval: interval)
  }
}

/// One driver of a district's or segment's priority, for the `reasons` text.
public enum PriorityDriver: Sendable, Hashable {
  /// An indicator's standardised ratio O/E with its exact interval (chosen as a driver by its
  /// smoothed ratio, so that noise does not pick the drivers).
  case need(IndicatorID, ratio: Double, interval: Interval?)
  /// Consultations at a share of expected.
  case reach(ratio: Double)
  /// Few data: the ranking leans on the city-wide average.
  case lowData
}

/// One district x sex x age group of the common banding.
public struct SegmentPriority: Sendable {
  public var district: Int
  public var sex: Sex
  public var band: AgeBand
  public var rank: Int
  public var score: Double
  public var needIndex: Double
  public var reach: Reach
  public var population: Double?
  public var drivers: [PriorityDriver]
}

/// The leaflet plan: budget and how it was spent.
public struct LeafletPlan: Sendable {
  public var budget: Int
  public var allocated: Int
  /// Districts given a partial run because the budget ran out inside them.
  public var partialDistrict: Int?
  /// Leaflets not allocated (every district with a shortfall was covered).
  public var leftOver: Int
  /// Districts skipped because households are unknown.
  public var skippedNoHouseholds: [Int]
  /// Expected extra consultations per leaflet, if the plan closed each covered district's shrunk gap.
  public var expectedReachPerLeaflet: Double?
  public var perHousehold: Double
}

/// Per district x category consultations against need of the indicators mapped to the category.
public struct CategoryReach: Sendable {
  public var category: CaseCategory
  public var district: Int
  public var reach: Reach
}

/// City-wide view of one category: how unevenly it reaches need.
public struct CategorySummary: Sendable {
  public var category: CaseCategory
  public var consultations: Int
  /// Indicators whose need this category answers (from the configuration).
  public var indicators: [IndicatorID]
  /// Share of the category's consultations that would have to move between districts to match
  /// need (index of dissimilarity, 0 = matches need, 1 = entirely elsewhere).
  public var dissimilarity: Double
  /// Districts significantly under-reached for this category.
  public var underReachedDistricts: [Int]
}

/// Area (日常生活圏域) roll-up.
public struct AreaResult: Sendable {
  public var area: String
  public var districts: [Int]
  public var indicators: [IndicatorID: (observed: Double, expected: Double, ratio: Double?, interval: Interval?)]
  public var needIndex: Double
  public var reach: Reach
  public var households: Int
  public var leaflets: Int
}

/// Everything computed for one run: pure values, no I/O.
public struct Analysis: Sendable {
  public var runPeriod: Period
  public var configuration: Configuration
  public var districts: DistrictTable
  public var indicatorSummaries: [IndicatorSummary]
  /// Per indicator (in `indicatorSummaries` order), per district.
  public var indicatorResults: [[IndicatorResult]]
  public var priorities: [DistrictPriority]
  /// The best-ranked segments (all of them for a city; the top `SegmentsWriter.maximumRows` at
  /// national scale).
  public var segments: [SegmentPriority]
  /// How many segments were scored in all.
  public var segmentCount: Int
  public var segmentBanding: [AgeBand]
  public var leafletPlan: LeafletPlan
  public var categorySummaries: [CategorySummary]
  public var categoryReach: CategoryReachTable
  public var areas: [AreaResult]
  /// Window consultations over all districts (C in the contract's formula).
  public var windowConsultations: Int
  /// Monthly consultations city-wide, oldest first, with their months.
  public var monthlyConsultations: [(period: Period, count: Int)]
  public var monthlyByCategory: [(period: Period, counts: [CaseCategory: Int])]
  public var diagnostics: DiagnosticLog
  /// Resource gaps and referral outcomes (issue 9); empty until computed.
  public var resources = ResourceAnalysis()
  /// The public resources, for the directory (empty without resources.csv).
  public var resourceList: [Resource] = []
}
