/// The outreach plan: ranked districts with leaflets and reasons, areas, and segments.
enum OutreachSection {
  /// Districts listed in the report (all are in outreach_targets.csv).
  static let districtRows = 15
  static let segmentRows = 15

  static func build(_ c: ReportContext) -> OutreachModel {
    let a = c.analysis
    let l = c.labels
    let rows = a.priorities.prefix(districtRows).map { districtRow($0, c) }
    let plan = a.leafletPlan
    var leaflets = [Line(text: l.leafletPlan(budget: plan.budget, allocated: plan.allocated, districts: a.priorities.filter { $0.leaflets > 0 }.count, perHousehold: plan.perHousehold))]
    if let d = plan.partialDistrict { leaflets.append(Line(text: l.leafletPartial(c.name(d)))) }
    if plan.leftOver > 0 { leaflets.append(Line(text: l.leafletLeftOver(plan.leftOver))) }
    if !plan.skippedNoHouseholds.isEmpty {
      leaflets.append(Line(text: l.leafletSkipped(plan.skippedNoHouseholds.map(c.name))))
    }
    leaflets.append(Line(text: l.leafletRule))

    let areas = a.areas.map { area in
      AreaRow(name: area.area, districts: String(area.districts.count), needIndex: NumberFormat.fixed(area.needIndex, 2),
              households: NumberFormat.grouped(area.households), leaflets: NumberFormat.grouped(area.leaflets))
    }
    let segments = a.segments.prefix(segmentRows).map { s in
      SegmentRow(
        rank: String(s.rank), district: c.name(s.district), sex: l.sex(s.sex), age: l.ageBand(s.band),
        population: s.population.map { c.personCount($0) } ?? l.masked,
        needIndex: NumberFormat.fixed(s.needIndex, 2),
        expected: NumberFormat.fixed(s.reach.expected, 1),
        below: (s.reach.ratio ?? 1) < 0.9 ? l.belowMark : "",
        // Segment counts are small by nature: no consultation share and no ratio or interval
        // (ratio x expected, or the interval's width, would give the count back); the
        // indicators that drive need are named only.
        reasons: s.drivers.compactMap { driver -> String? in
          switch driver {
          case .reach: nil
          case .need(let id, _, _): l.needReasonPlain(c.configuration.indicator(id))
          case .lowData: l.lowDataReason
          }
        }.joined(separator: l.listSeparator))
    }
    return OutreachModel(
      intro: l.outreachIntro(window: l.window(c.windowStart, a.runPeriod), total: c.windowTotalText),
      districts: Array(rows),
      moreNote: a.priorities.count > districtRows ? l.moreDistricts(shown: districtRows, of: a.priorities.count) : nil,
      leaflets: leaflets, hasAreas: !areas.isEmpty, areas: areas,
      hasSegments: !segments.isEmpty, segments: Array(segments), segmentNote: l.segmentNote)
  }

  static func districtRow(_ p: DistrictPriority, _ c: ReportContext) -> DistrictRow {
    let l = c.labels
    let state = c.consultationState(p.district)
    let d = c.analysis.districts.districts[p.district]
    var flags: [String] = []
    if p.underReachedThreeMonths { flags.append(l.flagPersistent) }
    if p.lowData { flags.append(l.flagLowData) }
    return DistrictRow(
      rank: String(p.rank), name: d.name, area: d.area ?? "",
      needIndex: NumberFormat.fixed(p.needIndex, 2),
      observed: c.consultationText(p.district),
      expected: NumberFormat.fixed(p.reach.expected, 1),
      missing: c.suppression.derived(NumberFormat.fixed(p.reach.missing, 1), states: [state], labels: l),
      ratio: c.suppression.derived(NumberFormat.percent(p.reach.ratio), states: [state], labels: l),
      ratioInterval: c.suppression.derived(c.percentInterval(p.reach.ratioInterval), states: [state], labels: l),
      leaflets: NumberFormat.grouped(p.leaflets),
      change: l.rankChange(now: p.rank, lastMonth: p.previousMonth?.rank, lastYear: p.previousYear?.rank),
      reasons: c.reasons(p.drivers, district: p.district, consultationState: state),
      flags: flags.isEmpty ? nil : flags.joined(separator: l.listSeparator))
  }
}
