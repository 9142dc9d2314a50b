/// 出口 and 社会資源: resource gaps in high-need areas and referral outcomes (issue 9's numbers).
enum ResourcesSection {
  static let gapRows = 20

  static func build(_ c: ReportContext) -> ResourcesModel {
    let r = c.analysis.resources
    let l = c.labels
    let gaps = r.gaps.prefix(gapRows).map { g in
      GapRow(
        area: g.area.isEmpty ? l.wholeCity : g.area, kind: g.kind,
        resources: String(g.resourceCount), capacity: g.capacity.map(NumberFormat.grouped) ?? l.masked,
        needRatio: c.ratio(g.needRatio), needLower: c.ratio(g.needRatioLower),
        capacityPerThousand: g.capacityPerThousandInNeed.map { NumberFormat.fixed($0, 1) } ?? l.masked,
        gap: g.isGap ? l.gapMark : "")
    }
    let missing = r.gaps.filter(\.isGap).map { l.gapSentence(area: $0.area.isEmpty ? l.wholeCity : $0.area, kind: $0.kind, needRatio: c.ratio($0.needRatio), lower: c.ratio($0.needRatioLower)) }

    // Outcomes: the centre overall and by category, each count group protected with its total.
    let centre = r.outcomes.centreLevelRows
    let overall = centre.first { $0.category == nil }
    let byCategory = centre.filter { $0.category != nil }.sorted { $0.category! < $1.category! }
    let s = c.suppression
    let cons = s.group(byCategory.map(\.consultations))
    let refs = s.group(byCategory.map(\.referrals))
    let exits = s.group(byCategory.map(\.exits))
    var rows: [OutcomeRow] = []
    func row(_ o: ReferralOutcome, _ cs: Suppression.State, _ rs: Suppression.State, _ es: Suppression.State) -> OutcomeRow {
      OutcomeRow(
        name: o.name, category: o.category?.rawValue ?? l.allCategories,
        consultations: s.text(o.consultations, cs, labels: l), referrals: s.text(o.referrals, rs, labels: l),
        referralRate: s.derived(rateText(o.referralRate, o.referralInterval, c), states: [cs, rs], labels: l),
        exits: s.text(o.exits, es, labels: l),
        exitRate: s.derived(rateText(o.exitRate, o.exitInterval, c), states: [rs, es], labels: l),
        flag: o.exitFlag.map { ($0 == .low95 || $0 == .low998) ? l.lowExitMark : "" } ?? "")
    }
    if let overall {
      let total = { (g: Suppression.Group, v: Int) in g.totalShown || byCategory.isEmpty ? s.state(v) : .secondary }
      rows.append(row(overall, total(cons, overall.consultations), total(refs, overall.referrals), total(exits, overall.exits)))
    }
    for (i, o) in byCategory.enumerated() { rows.append(row(o, cons.states[i], refs.states[i], exits.states[i])) }

    // Districts and areas where referrals rarely lead to an exit: names and flags only.
    // (By position: a national run has an outcome row per district and category.)
    let flagged = r.outcomes.positions { $0.level != .centre && ($0.exitFlag == .low95 || $0.exitFlag == .low998) }
      .map { r.outcomes[$0] }.map { Line(text: l.lowExitSentence(name: $0.name, category: $0.category?.rawValue)) }

    var notComputed: String? = nil
    if r.gaps.isEmpty && r.outcomes.isEmpty && r.skipped.isEmpty { notComputed = l.resourcesNotComputed }
    return ResourcesModel(
      hasGaps: !gaps.isEmpty, gaps: Array(gaps), gapSummary: missing.map { Line(text: $0) },
      hasOutcomes: !rows.isEmpty, outcomes: rows, flagged: flagged,
      skipped: r.skipped.map { Line(text: $0) }, notComputed: notComputed)
  }

  static func rateText(_ rate: Double?, _ interval: Interval?, _ c: ReportContext) -> String {
    guard let rate else { return c.labels.masked }
    return "\(NumberFormat.percent(rate)) (\(c.percentInterval(interval)))"
  }
}
