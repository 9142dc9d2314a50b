/// The need behind one resource kind in one area, for one indicator (issue 9).
public struct KindNeed: Sendable, Hashable {
  public var indicator: IndicatorID
  /// The area's observed count O of the indicator (e.g. unemployed persons).
  public var observed: Double
  /// The area's expected count E (indirect standardisation).
  public var expected: Double
  /// O / E, nil when E = 0.
  public var ratio: Double?
  /// Exact Poisson interval of O divided by E (from the area roll-up).
  public var interval: Interval?
}

/// Resources of one kind in one area against the need that kind serves (issue 9).
///
/// See `ResourceGapEngine` for how need, capacity and the gap decision are computed.
public struct ResourceGap: Sendable, Hashable {
  /// Area name (日常生活圏域), or "" for the whole city when districts have no area.
  public var area: String
  public var kind: String
  /// Public and non-public resources of the kind located in the area.
  public var resourceCount: Int
  /// Summed capacity of those that give one (places or people per month); nil if none does.
  public var capacity: Int?
  /// Indicators (and categories) the kind serves, from the configuration. Indicators without
  /// data in this run are left out of `needIndicators`.
  public var needIndicators: [IndicatorID]
  public var needCategories: [CaseCategory]
  /// Persons in need in the area: summed observed counts O of the kind's indicators.
  public var personsInNeed: Double
  /// The area's standardised need for the kind: weighted geometric mean of its indicators' O/E
  /// (weights from the configuration); nil when the kind has no indicator with data.
  public var needRatio: Double?
  /// Lower limit of the need ratio's interval at the configured level: on the log scale,
  /// log(needRatio) ± sqrt(Σ w_i² h_i²) / Σ w_i, where h_i is the half-width of log of indicator
  /// i's exact Poisson interval (delta method, indicators treated as independent); with one
  /// indicator, that indicator's own interval.
  public var needRatioLower: Double?
  /// Upper limit of the same interval.
  public var needRatioUpper: Double? = nil
  /// The numbers behind the need ratio, one per indicator in `needIndicators`.
  public var needs: [KindNeed] = []
  /// Capacity per 1,000 persons in need, where capacity is known.
  public var capacityPerThousandInNeed: Double?
  /// The same over the whole city (all areas), for comparison.
  public var cityCapacityPerThousandInNeed: Double? = nil
  /// The centre's own window counts for the kind's categories in the area (raw, unsuppressed).
  public var consultations: Int = 0
  public var referrals: Int = 0
  public var exits: Int = 0
  /// High need (needRatio > 1 with its interval's lower limit above 1) and no resource of the kind.
  public var isGap: Bool
  /// High need as above, resources present, but capacity per person in need below half the
  /// city-wide level.
  public var isLowCapacity: Bool = false
}

/// Referrals (つなぎ) and exits (出口) for one district, area or the whole centre, overall or for
/// one category, over the consultation window.
public struct ReferralOutcome: Sendable, Hashable {
  public enum Level: String, Sendable, Hashable {
    case district, area, centre
  }
  public var level: Level
  /// District code, area name, or "all" for the centre.
  public var key: String
  public var name: String
  /// The area of a district row (nil if it has none), or of an area row.
  public var area: String? = nil
  /// nil = all categories together.
  public var category: CaseCategory?
  public var consultations: Int
  public var referrals: Int
  public var exits: Int
  /// referrals / consultations, Wilson interval.
  public var referralRate: Double?
  public var referralInterval: Interval?
  /// exits / referrals, Wilson interval.
  public var exitRate: Double?
  public var exitInterval: Interval?
  /// The centre-wide exit-per-referral rate for the same category (the funnel's target).
  public var centreExitRate: Double? = nil
  /// Exit-per-referral rate against the centre-wide rate on a proportion funnel
  /// (low_* = referrals rarely lead to an exit here).
  public var exitFlag: FunnelLabel?
  /// Referral rate against the centre-wide referral rate for the same category
  /// (low_* = consultations are rarely connected onwards here).
  public var referralFlag: FunnelLabel? = nil
  public var centreReferralRate: Double? = nil

  /// Referrals here rarely lead to an exit compared with the centre (exit funnel low_95 or low_99.8).
  public var rarelyExits: Bool { exitFlag == .low95 || exitFlag == .low998 }
}

/// Everything about resources and outcomes that the report and the directory need.
public struct ResourceAnalysis: Sendable {
  /// Resource gaps per area and kind, most severe first.
  public var gaps: [ResourceGap]
  /// Referral outcomes (empty when cases.csv has no referrals column): district, area and centre
  /// rows over the window, each for all categories and per category.
  public var outcomes: ReferralOutcomeTable
  /// Centre-wide referrals and exits per month over the window, oldest first.
  public var outcomeTrend: [(period: Period, consultations: Int, referrals: Int, exits: Int)]
  /// What was skipped and why (no resources.csv, no referrals column, ...), for the report,
  /// in the report language.
  public var skipped: [String]
  /// The window the outcomes cover (nil when there are none).
  public var window: (first: Period, last: Period)? = nil
  /// Whether cases.csv had an exits column (exit rates and flags are empty otherwise).
  public var outcomesHaveExits = false

  public init(gaps: [ResourceGap] = [], outcomes: ReferralOutcomeTable = ReferralOutcomeTable(), outcomeTrend: [(period: Period, consultations: Int, referrals: Int, exits: Int)] = [], skipped: [String] = []) {
    self.gaps = gaps
    self.outcomes = outcomes
    self.outcomeTrend = outcomeTrend
    self.skipped = skipped
  }

  /// Gaps to put before the meeting: no resource, or too little capacity, where need is high.
  public var flaggedGaps: [ResourceGap] { gaps.filter { $0.isGap || $0.isLowCapacity } }
}
