/// Referral (つなぎ) and exit (出口) rates over the consultation window, per district, area and
/// the centre as a whole, for all categories together and per category (主訴).
///
/// - referral rate = referrals / consultations; exit rate = exits / referrals (an exit is counted
///   among the referred). Both with Wilson score intervals at the configured level (Wilson 1927,
///   JASA 22:209; PHE `phe_proportion`).
/// - Flags: each district and area rate is placed on a proportion funnel around the centre-wide
///   rate of the same category, with its own denominator as n (Spiegelhalter 2005, Stat Med
///   24:1185): `low_95`/`low_99.8` on the exit rate means referrals there rarely lead to an exit
///   compared with the centre ("つなぎっぱなし" risk). No over-dispersion widening (tau2 = 0).
/// - Rows with no consultations are left out, except the all-categories row of every district,
///   area and the centre, so that each district appears once.
public enum ReferralOutcomeEngine {
  public struct Result: Sendable {
    public var outcomes: ReferralOutcomeTable
    public var trend: [(period: Period, consultations: Int, referrals: Int, exits: Int)]
    public var window: (first: Period, last: Period)
  }

  /// Window counts of one unit.
  struct Counts { var consultations = 0, referrals = 0, exits = 0 }

  /// Window counts of one district for a category slot, or all categories (nil).
  static func counts(_ cases: CaseData, district d: Int, category c: Int?) -> Counts {
    let n = cases.districtCount
    var t = Counts()
    for c in c.map({ $0..<($0 + 1) }) ?? cases.categories.indices {
      t.consultations += Int(cases.windowConsultations[c * n + d])
      t.referrals += Int(cases.windowReferrals[c * n + d])
      t.exits += Int(cases.windowExits[c * n + d])
    }
    return t
  }

  /// One outcome row from its counts: rates and Wilson intervals (no centre comparison). `z` is
  /// `ConfidenceIntervals.zValue(level: level)`, solved once by the caller rather than once per
  /// interval (the same intervals: `wilson(successes:trials:level:)` is `wilson(..., z:)` with it).
  static func row(_ unitLevel: ReferralOutcome.Level, key: String, name: String, area: String?, category: CaseCategory?, _ t: Counts, hasExits: Bool, level: Double, z: Double) -> ReferralOutcome {
    var o = ReferralOutcome(
      level: unitLevel, key: key, name: name, category: category,
      consultations: t.consultations, referrals: t.referrals, exits: hasExits ? t.exits : 0)
    o.area = area
    if t.consultations > 0 {
      o.referralRate = Double(t.referrals) / Double(t.consultations)
      o.referralInterval = ConfidenceIntervals.wilson(successes: Double(t.referrals), trials: Double(t.consultations), level: level, z: z)
    }
    if hasExits, t.referrals > 0 {
      o.exitRate = Double(t.exits) / Double(t.referrals)
      o.exitInterval = ConfidenceIntervals.wilson(successes: Double(t.exits), trials: Double(t.referrals), level: level, z: z)
    }
    return o
  }

  /// The funnel flags of a unit's counts against the centre row of the same category.
  static func flags(_ t: Counts, centre: ReferralOutcome, hasExits: Bool) -> (referral: FunnelLabel?, exit: FunnelLabel?) {
    (OutcomeFunnel.label(successes: t.referrals, trials: t.consultations, target: centre.referralRate),
     hasExits ? OutcomeFunnel.label(successes: t.exits, trials: t.referrals, target: centre.exitRate) : nil)
  }

  public static func run(cases: CaseData, districts: DistrictTable, level: Double) -> Result {
    let n = cases.districtCount
    let categoryOrder = cases.categories.indices.sorted { cases.categories[$0] < cases.categories[$1] }
    let hasExits = cases.hasExits
    let z = ConfidenceIntervals.zValue(level: level)

    // Counts per (category index or nil = all) for a set of districts.
    func counts(_ members: [Int], category c: Int?) -> Counts {
      var t = Counts()
      for d in members {
        let one = Self.counts(cases, district: d, category: c)
        t.consultations += one.consultations
        t.referrals += one.referrals
        t.exits += one.exits
      }
      return t
    }

    func row(_ unitLevel: ReferralOutcome.Level, key: String, name: String, area: String?, category c: Int?, _ t: Counts, centre: ReferralOutcome?) -> ReferralOutcome {
      var o = Self.row(unitLevel, key: key, name: name, area: area, category: c.map { cases.categories[$0] }, t, hasExits: hasExits, level: level, z: z)
      if let centre {
        o.centreReferralRate = centre.referralRate
        o.centreExitRate = centre.exitRate
        (o.referralFlag, o.exitFlag) = flags(t, centre: centre, hasExits: hasExits)
      }
      return o
    }

    let everyone = Array(0..<n)
    let centreLabel = "all"
    // Centre rows by category slot + 1 (0 = all categories).
    var centreRows = [ReferralOutcome?](repeating: nil, count: cases.categories.count + 1)
    var centre: [ReferralOutcome] = []
    for c in [nil] + categoryOrder.map(Optional.some) {
      let t = counts(everyone, category: c)
      guard c == nil || t.consultations > 0 else { continue }
      var r = row(.centre, key: centreLabel, name: centreLabel, area: nil, category: c, t, centre: nil)
      r.centreReferralRate = r.referralRate
      r.centreExitRate = r.exitRate
      centreRows[c.map { $0 + 1 } ?? 0] = r
      centre.append(r)
    }

    var areas: [ReferralOutcome] = []
    for (a, name) in districts.areas.enumerated() {
      let members = everyone.filter { districts.areaIndex[$0] == a }
      for c in [nil] + categoryOrder.map(Optional.some) {
        let t = counts(members, category: c)
        guard c == nil || t.consultations > 0 else { continue }
        areas.append(row(.area, key: name, name: name, area: name, category: c, t, centre: centreRows[c.map { $0 + 1 } ?? 0]))
      }
    }

    // District rows: only which rows exist and their flags; the rest is rebuilt when read.
    let source = OutcomeSource(cases: cases, districts: districts, level: level, centre: centreRows)
    var districtRows: [ReferralOutcomeTable.DistrictRow] = []
    districtRows.reserveCapacity(n)
    for d in everyone {
      for c in [nil] + categoryOrder.map(Optional.some) {
        let t = Self.counts(cases, district: d, category: c)
        guard c == nil || t.consultations > 0 else { continue }
        var flagged = (referral: FunnelLabel?.none, exit: FunnelLabel?.none)
        if let centre = centreRows[c.map { $0 + 1 } ?? 0] { flagged = flags(t, centre: centre, hasExits: hasExits) }
        districtRows.append(ReferralOutcomeTable.DistrictRow(
          district: UInt32(d), category: Int16(c ?? -1),
          referralFlag: FunnelLabel.code(flagged.referral), exitFlag: FunnelLabel.code(flagged.exit)))
      }
    }

    // Centre-wide monthly counts over the window, from the per-area monthly arrays.
    let firstSlot = cases.monthsKept - cases.windowMonths
    var trend: [(period: Period, consultations: Int, referrals: Int, exits: Int)] = []
    for m in firstSlot..<cases.monthsKept {
      trend.append((
        period: cases.firstKeptMonth.adding(months: m),
        consultations: cases.areaMonthlyConsultations[m].reduce(0) { $0 + Int($1) },
        referrals: cases.areaMonthlyReferrals[m].reduce(0) { $0 + Int($1) },
        exits: hasExits ? cases.areaMonthlyExits[m].reduce(0) { $0 + Int($1) } : 0))
    }
    return Result(
      outcomes: ReferralOutcomeTable(centre: centre, areas: areas, districtRows: districtRows, source: source),
      trend: trend, window: (cases.firstKeptMonth.adding(months: firstSlot), cases.runPeriod))
  }
}
