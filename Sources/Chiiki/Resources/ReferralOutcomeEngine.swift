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
  struct Counts {
    var consultations = 0, referrals = 0, exits = 0

    @inline(__always) mutating func add(_ other: Counts) {
      consultations += other.consultations
      referrals += other.referrals
      exits += other.exits
    }
  }

  /// The window counts of the centre (`centre[c]`) and of each area (`areas[a · slots + c]`)
  /// for each category slot c, slot `categories.count` being all categories together: one
  /// pass per category over its districts' counts (they lie in a row), instead of one pass over
  /// every district per row. Integer sums, so the totals are those of any order.
  static func totals(_ cases: CaseData, districts: DistrictTable) -> (centre: [Counts], areas: [Counts], slots: Int) {
    let n = cases.districtCount
    let categories = cases.categories.count
    let slots = categories + 1
    var centre = [Counts](repeating: Counts(), count: slots)
    var areas = [Counts](repeating: Counts(), count: districts.areas.count * slots)
    cases.windowConsultations.withUnsafeBufferPointer { consultations in
      cases.windowReferrals.withUnsafeBufferPointer { referrals in
        cases.windowExits.withUnsafeBufferPointer { exits in
          for c in 0..<categories {
            var all = Counts()
            for d in 0..<n {
              let one = Counts(
                consultations: Int(consultations[c * n + d]), referrals: Int(referrals[c * n + d]), exits: Int(exits[c * n + d]))
              all.add(one)
              if let a = districts.areaIndex[d] { areas[a * slots + c].add(one) }
            }
            centre[c] = all
            centre[categories].add(all)
          }
        }
      }
    }
    for a in districts.areas.indices {
      for c in 0..<categories { areas[a * slots + categories].add(areas[a * slots + c]) }
    }
    return (centre, areas, slots)
  }

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

    func row(_ unitLevel: ReferralOutcome.Level, key: String, name: String, area: String?, category c: Int?, _ t: Counts, centre: ReferralOutcome?) -> ReferralOutcome {
      var o = Self.row(unitLevel, key: key, name: name, area: area, category: c.map { cases.categories[$0] }, t, hasExits: hasExits, level: level, z: z)
      if let centre {
        o.centreReferralRate = centre.referralRate
        o.centreExitRate = centre.exitRate
        (o.referralFlag, o.exitFlag) = flags(t, centre: centre, hasExits: hasExits)
      }
      return o
    }

    let totals = Self.totals(cases, districts: districts)
    // Slot of a category in `totals` (nil: all categories).
    func slot(_ c: Int?) -> Int { c ?? cases.categories.count }
    let centreLabel = "all"
    // Centre rows by category slot + 1 (0 = all categories).
    var centreRows = [ReferralOutcome?](repeating: nil, count: cases.categories.count + 1)
    var centre: [ReferralOutcome] = []
    for c in [nil] + categoryOrder.map(Optional.some) {
      let t = totals.centre[slot(c)]
      guard c == nil || t.consultations > 0 else { continue }
      var r = row(.centre, key: centreLabel, name: centreLabel, area: nil, category: c, t, centre: nil)
      r.centreReferralRate = r.referralRate
      r.centreExitRate = r.exitRate
      centreRows[c.map { $0 + 1 } ?? 0] = r
      centre.append(r)
    }

    var areas: [ReferralOutcome] = []
    for (a, name) in districts.areas.enumerated() {
      for c in [nil] + categoryOrder.map(Optional.some) {
        let t = totals.areas[a * totals.slots + slot(c)]
        guard c == nil || t.consultations > 0 else { continue }
        areas.append(row(.area, key: name, name: name, area: name, category: c, t, centre: centreRows[c.map { $0 + 1 } ?? 0]))
      }
    }

    // District rows: only which rows exist and their flags; the rest is rebuilt when read.
    let source = OutcomeSource(cases: cases, districts: districts, level: level, centre: centreRows)
    var districtRows: [ReferralOutcomeTable.DistrictRow] = []
    districtRows.reserveCapacity(n)
    // Each district's counts are read once per category (its all-categories row adds them up, as
    // `counts(_:district:category:)` does), and the row order is one array for every district.
    let rowOrder = [nil] + categoryOrder.map(Optional.some)
    var perCategory = [Counts](repeating: Counts(), count: cases.categories.count)
    for d in 0..<n {
      var all = Counts()
      for c in cases.categories.indices {
        let one = Self.counts(cases, district: d, category: c)
        perCategory[c] = one
        all.add(one)
      }
      for c in rowOrder {
        let t = c.map { perCategory[$0] } ?? all
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
