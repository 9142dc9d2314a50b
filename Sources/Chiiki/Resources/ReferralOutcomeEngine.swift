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
    public var outcomes: [ReferralOutcome]
    public var trend: [(period: Period, consultations: Int, referrals: Int, exits: Int)]
    public var window: (first: Period, last: Period)
  }

  public static func run(cases: CaseData, districts: DistrictTable, level: Double) -> Result {
    let n = cases.districtCount
    let categoryOrder = cases.categories.indices.sorted { cases.categories[$0] < cases.categories[$1] }
    let hasExits = cases.hasExits

    // Counts per (category index or nil = all) for a set of districts.
    struct Counts { var consultations = 0, referrals = 0, exits = 0 }
    func counts(_ members: [Int], category c: Int?) -> Counts {
      var t = Counts()
      let cs = c.map { [$0] } ?? Array(cases.categories.indices)
      for c in cs {
        for d in members {
          t.consultations += Int(cases.windowConsultations[c * n + d])
          t.referrals += Int(cases.windowReferrals[c * n + d])
          t.exits += Int(cases.windowExits[c * n + d])
        }
      }
      return t
    }

    func row(_ unitLevel: ReferralOutcome.Level, key: String, name: String, area: String?, category c: Int?, _ t: Counts, centre: ReferralOutcome?) -> ReferralOutcome {
      var o = ReferralOutcome(
        level: unitLevel, key: key, name: name, category: c.map { cases.categories[$0] },
        consultations: t.consultations, referrals: t.referrals, exits: hasExits ? t.exits : 0)
      o.area = area
      if t.consultations > 0 {
        o.referralRate = Double(t.referrals) / Double(t.consultations)
        o.referralInterval = ConfidenceIntervals.wilson(successes: Double(t.referrals), trials: Double(t.consultations), level: level)
      }
      if hasExits, t.referrals > 0 {
        o.exitRate = Double(t.exits) / Double(t.referrals)
        o.exitInterval = ConfidenceIntervals.wilson(successes: Double(t.exits), trials: Double(t.referrals), level: level)
      }
      if let centre {
        o.centreReferralRate = centre.referralRate
        o.centreExitRate = centre.exitRate
        o.referralFlag = OutcomeFunnel.label(successes: t.referrals, trials: t.consultations, target: centre.referralRate)
        if hasExits { o.exitFlag = OutcomeFunnel.label(successes: t.exits, trials: t.referrals, target: centre.exitRate) }
      }
      return o
    }

    let everyone = Array(0..<n)
    let centreLabel = "all"
    var centreRows: [Int?: ReferralOutcome] = [:]
    var outcomes: [ReferralOutcome] = []
    for c in [nil] + categoryOrder.map(Optional.some) {
      let t = counts(everyone, category: c)
      guard c == nil || t.consultations > 0 else { continue }
      var r = row(.centre, key: centreLabel, name: centreLabel, area: nil, category: c, t, centre: nil)
      r.centreReferralRate = r.referralRate
      r.centreExitRate = r.exitRate
      centreRows[c] = r
      outcomes.append(r)
    }

    func unitRows(_ level: ReferralOutcome.Level, key: String, name: String, area: String?, members: [Int]) {
      for c in [nil] + categoryOrder.map(Optional.some) {
        let t = counts(members, category: c)
        guard c == nil || t.consultations > 0 else { continue }
        outcomes.append(row(level, key: key, name: name, area: area, category: c, t, centre: centreRows[c]))
      }
    }
    for (a, name) in districts.areas.enumerated() {
      unitRows(.area, key: name, name: name, area: name, members: everyone.filter { districts.areaIndex[$0] == a })
    }
    for d in everyone {
      let district = districts.districts[d]
      unitRows(.district, key: district.code.rawValue, name: district.name, area: district.area, members: [d])
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
    return Result(outcomes: outcomes, trend: trend, window: (cases.firstKeptMonth.adding(months: firstSlot), cases.runPeriod))
  }
}
