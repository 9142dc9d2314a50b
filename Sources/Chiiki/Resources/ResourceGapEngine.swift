import Foundation

/// Resources against need, per area (日常生活圏域) and resource kind.
///
/// For each area and kind (kinds of the configuration's `resourceKindNeeds` and of resources.csv):
/// - resources: every resource of the kind in the area's districts, public or not (a private
///   shelter still serves); capacity: the sum of the capacities given.
/// - need: the kind's indicators (from the configuration) rolled up over the area, O and E summed
///   with the exact Poisson interval (`analysis.areas`; the whole city when there are no areas).
///   The need ratio is the weighted geometric mean of the indicators' O/E (weights from the
///   configuration, as the need index). Its interval combines, on the log scale, each indicator's
///   interval half-width h_i = (log U_i − log L_i)/2 as independent: log R ± sqrt(Σ w_i² h_i²)/Σ w_i
///   (delta method; positively correlated indicators would widen it, so it leans liberal). With
///   one indicator the interval is that indicator's exact interval.
/// - persons in need: the summed O of the kind's indicators; capacity per 1,000 persons in need,
///   and the same over the whole city.
/// - decision: a **gap** is an area whose need for the kind is significantly above the reference
///   (need ratio > 1 and the interval's lower limit > 1) and which has no resource of the kind;
///   **low capacity** is the same high need with resources whose capacity per person in need is
///   below half the city-wide level.
/// Kinds with no indicator in the data get no need ratio and are never a gap.
public enum ResourceGapEngine {
  public static func run(analysis: Analysis, resources: [Resource], cases: CaseData) -> (gaps: [ResourceGap], notes: [String]) {
    let configuration = analysis.configuration
    let districts = analysis.districts
    let n = districts.count
    let indicatorIDs = analysis.indicatorSummaries.map(\.indicator)
    var notes: [String] = []

    // Units: the areas, or the whole city.
    typealias Need = (observed: Double, expected: Double, ratio: Double?, interval: Interval?)
    var units: [(name: String, members: [Int], needs: [IndicatorID: Need])] = analysis.areas.map { ($0.area, $0.districts, $0.indicators) }
    let allDistricts = Array(0..<n)
    let cityNeeds = Dictionary(uniqueKeysWithValues: analysis.indicatorSummaries.indices.map { i -> (IndicatorID, Need) in
      let o = allDistricts.reduce(0) { $0 + analysis.indicatorResults[i][$1].observed }
      let e = allDistricts.reduce(0) { $0 + analysis.indicatorResults[i][$1].expected }
      var interval: Interval? = nil
      if e > 0 {
        let ci = ConfidenceIntervals.exactPoisson(count: o, level: configuration.confidenceLevel)
        interval = Interval(lower: ci.lower / e, upper: ci.upper / e)
      }
      return (analysis.indicatorSummaries[i].indicator, (o, e, e > 0 ? o / e : nil, interval))
    })
    if units.isEmpty { units = [("", allDistricts, cityNeeds)] }
    let unitOf: [Int?] = {
      var map = [Int?](repeating: nil, count: n)
      for (u, unit) in units.enumerated() { for d in unit.members { map[d] = u } }
      return map
    }()
    let unplaced = resources.filter { unitOf[$0.district] == nil }.count
    if unplaced > 0 {
      notes.append("\(unplaced) resource(s) lie in districts without an area; they are left out of the resource gaps by area")
    }

    // Window counts of a unit's districts in one category, summed once however many kinds
    // name the category (integer sums: the totals are those of summing per kind).
    var unitCategoryCounts: [Int: (c: Int, r: Int, x: Int)] = [:]
    func unitCounts(_ u: Int, _ c: Int) -> (c: Int, r: Int, x: Int) {
      let key = u * cases.categories.count + c
      if let known = unitCategoryCounts[key] { return known }
      var t = (c: 0, r: 0, x: 0)
      for d in units[u].members {
        t.c += Int(cases.windowConsultations[c * n + d])
        t.r += Int(cases.windowReferrals[c * n + d])
        t.x += Int(cases.windowExits[c * n + d])
      }
      unitCategoryCounts[key] = t
      return t
    }

    let kindOf = resources.map(\.kind)  // decoded once (`Resource.kind` reads shared bytes)
    let kinds = ResourceKinds.sorted(Array(configuration.resourceKindNeeds.keys) + kindOf)
    var gaps: [ResourceGap] = []
    for kind in kinds {
      let need = ResourceKinds.needs(of: kind, configuration: configuration, indicatorsWithData: indicatorIDs)
      if configuration.resourceKindNeeds[kind] == nil {
        notes.append("resource kind '\(kind)' has no need mapping in the configuration (resource_kind_needs); no gap is judged for it")
      } else if need.indicators.isEmpty {
        notes.append("resource kind '\(kind)': none of its indicators (\((configuration.resourceKindNeeds[kind] ?? []).joined(separator: ", "))) has data in this run; no gap is judged for it")
      }
      let ofKind = resources.indices.filter { kindOf[$0] == kind }.map { resources[$0] }
      let categoryIndices = need.categories.compactMap { cases.categoryIndex(of: $0) }

      // City-wide capacity per 1,000 persons in need.
      let cityInNeed = need.indicators.reduce(0.0) { $0 + (cityNeeds[$1]?.observed ?? 0) }
      let cityCapacities = ofKind.compactMap(\.capacity)
      let cityPerThousand = (!cityCapacities.isEmpty && cityInNeed > 0) ? Double(cityCapacities.reduce(0, +)) / cityInNeed * 1000 : nil

      for (u, unit) in units.enumerated() {
        let here = ofKind.filter { unitOf[$0.district] == u }
        let capacities = here.compactMap(\.capacity)
        let capacity = capacities.isEmpty ? nil : capacities.reduce(0, +)
        let needs = need.indicators.map { id -> KindNeed in
          let v = unit.needs[id]
          return KindNeed(indicator: id, observed: v?.observed ?? 0, expected: v?.expected ?? 0, ratio: v?.ratio, interval: v?.interval)
        }
        let inNeed = needs.reduce(0) { $0 + $1.observed }
        let combined = combine(needs, weights: needs.map { configuration.indicator($0.indicator).weight })
        var t = (c: 0, r: 0, x: 0)
        for c in categoryIndices {
          let one = unitCounts(u, c)
          t.c += one.c
          t.r += one.r
          t.x += one.x
        }
        var gap = ResourceGap(
          area: unit.name, kind: kind, resourceCount: here.count, capacity: capacity,
          needIndicators: need.indicators, needCategories: need.categories, personsInNeed: inNeed,
          needRatio: combined?.ratio, needRatioLower: combined?.lower, isGap: false)
        gap.needRatioUpper = combined?.upper
        gap.needs = needs
        gap.capacityPerThousandInNeed = (capacity != nil && inNeed > 0) ? Double(capacity!) / inNeed * 1000 : nil
        gap.cityCapacityPerThousandInNeed = cityPerThousand
        gap.consultations = t.c
        gap.referrals = t.r
        gap.exits = cases.hasExits ? t.x : 0
        let highNeed = (combined?.ratio ?? 0) > 1 && (combined?.lower ?? 0) > 1
        gap.isGap = highNeed && here.isEmpty
        if highNeed, !here.isEmpty, let mine = gap.capacityPerThousandInNeed, let city = cityPerThousand {
          gap.isLowCapacity = mine < 0.5 * city
        }
        gaps.append(gap)
      }
    }
    let unitOrder = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1.name, $0) })
    let kindOrder = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
    func severity(_ g: ResourceGap) -> Int { g.isGap ? 0 : g.isLowCapacity ? 1 : 2 }
    gaps.sort { a, b in
      if severity(a) != severity(b) { return severity(a) < severity(b) }
      if severity(a) < 2, a.needRatioLower != b.needRatioLower { return (a.needRatioLower ?? 0) > (b.needRatioLower ?? 0) }
      if a.area != b.area { return unitOrder[a.area, default: 0] < unitOrder[b.area, default: 0] }
      return kindOrder[a.kind, default: 0] < kindOrder[b.kind, default: 0]
    }
    return (gaps, notes)
  }

  /// Weighted geometric mean of the ratios and its log-scale interval (see the type's doc).
  /// nil when no indicator has E > 0.
  static func combine(_ needs: [KindNeed], weights: [Double]) -> (ratio: Double, lower: Double, upper: Double)? {
    var sumW = 0.0, sumLog = 0.0, sumVar = 0.0
    for (i, need) in needs.enumerated() {
      guard let ratio = need.ratio, need.expected > 0 else { continue }
      let w = weights[i]
      guard w > 0 else { continue }
      sumW += w
      sumLog += w * log(ratio)
      if let iv = need.interval, iv.lower > 0, iv.upper.isFinite, iv.upper >= iv.lower {
        let h = (log(iv.upper) - log(iv.lower)) / 2
        sumVar += w * w * h * h
      } else {
        sumVar = .infinity
      }
    }
    guard sumW > 0 else { return nil }
    // One indicator: its own (exact) interval.
    let used = needs.indices.filter { needs[$0].ratio != nil && needs[$0].expected > 0 && weights[$0] > 0 }
    if used.count == 1, let ratio = needs[used[0]].ratio {
      let iv = needs[used[0]].interval
      return (ratio, iv?.lower ?? 0, iv?.upper ?? .infinity)
    }
    let centre = sumLog / sumW
    let half = sumVar.squareRoot() / sumW
    // A zero ratio (O = 0) gives log 0 = -inf: the mean is 0 and the interval [0, upper].
    guard centre.isFinite else { return (0, 0, half.isFinite ? 0 : .infinity) }
    return (exp(centre), half.isFinite ? exp(centre - half) : 0, half.isFinite ? exp(centre + half) : .infinity)
  }
}
