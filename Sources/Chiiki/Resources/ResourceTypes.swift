/// Resources of one kind in one area against the need that kind serves (issue 9).
public struct ResourceGap: Sendable, Hashable {
  /// Area name (日常生活圏域), or "" for the whole city when districts have no area.
  public var area: String
  public var kind: String
  /// Public and non-public resources of the kind located in the area.
  public var resourceCount: Int
  /// Summed capacity of those that give one (places or people per month); nil if none does.
  public var capacity: Int?
  /// Indicators (and categories) the kind serves, from the configuration.
  public var needIndicators: [IndicatorID]
  public var needCategories: [CaseCategory]
  /// Persons in need in the area: summed observed counts O of the kind's indicators.
  public var personsInNeed: Double
  /// The area's standardised need for the kind: geometric mean of its indicators' O/E.
  public var needRatio: Double?
  /// Lower limit of the need ratio's interval (combined conservatively: the smallest lower limit).
  public var needRatioLower: Double?
  /// Capacity per 1,000 persons in need, where capacity is known.
  public var capacityPerThousandInNeed: Double?
  /// High need (ratio above 1 with its lower limit above 1) and no resource of the kind.
  public var isGap: Bool
}

/// Referrals (つなぎ) and exits (出口) for one district, area or the whole centre, overall or for
/// one category, over the consultation window.
public struct ReferralOutcome: Sendable, Hashable {
  public enum Level: String, Sendable, Hashable { case district, area, centre }
  public var level: Level
  /// District code, area name, or "all".
  public var key: String
  public var name: String
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
  /// Exit-per-referral rate against the centre-wide rate on a proportion funnel
  /// (low_* = referrals rarely lead to an exit here).
  public var exitFlag: FunnelLabel?
}

/// Everything about resources and outcomes that the report and the directory need.
public struct ResourceAnalysis: Sendable {
  /// Resource gaps per area and kind, most severe first.
  public var gaps: [ResourceGap]
  /// Referral outcomes (empty when cases.csv has no referrals/exits columns).
  public var outcomes: [ReferralOutcome]
  /// Centre-wide referrals and exits per month over the window, oldest first.
  public var outcomeTrend: [(period: Period, consultations: Int, referrals: Int, exits: Int)]
  /// What was skipped and why (no resources.csv, no referrals column, ...), for the report.
  public var skipped: [String]

  public init(gaps: [ResourceGap] = [], outcomes: [ReferralOutcome] = [], outcomeTrend: [(period: Period, consultations: Int, referrals: Int, exits: Int)] = [], skipped: [String] = []) {
    self.gaps = gaps
    self.outcomes = outcomes
    self.outcomeTrend = outcomeTrend
    self.skipped = skipped
  }
}
