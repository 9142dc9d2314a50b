import Foundation

/// Applies proposal rules to the findings: per district, every condition must hold; each
/// proposal cites the findings (evidence) behind it, per matched district.
enum ProposalEngine {
  /// Matched districts listed per proposal (the rest are counted).
  static let maxDistricts = 5

  struct Match {
    var rule: ProposalRule
    /// Districts in priority order, each with its evidence.
    var districts: [(district: Int, evidence: [String])]
  }

  /// Lookups built once per report, so that checking a rule for every district stays linear
  /// (a national run has hundreds of thousands of districts and tens of thousands of segments).
  struct Index {
    var segmentsByDistrict: [Int: [SegmentPriority]] = [:]
    /// "kind|area" of every resource (area "" for districts without one).
    var resourceKindAreas = Set<String>()
    /// Resource gaps flagged, keyed "area|kind".
    var gaps: [String: ResourceGap] = [:]
    /// Low-exit outcome rows over all categories, keyed "district|code" or "area|name".
    var lowExit: [String: ReferralOutcome] = [:]

    /// Per indicator id, its position in `ReportContext.indicators` (the first, should an id
    /// appear twice).
    var indicatorPosition: [IndicatorID: Int] = [:]

    init(_ c: ReportContext) {
      for s in c.analysis.segments { segmentsByDistrict[s.district, default: []].append(s) }
      // The same keys as one per resource, made once per kind and area.
      let areaIndex = c.analysis.districts.areaIndex
      var seen = Set<KindArea>()
      for r in c.dataset.resources ?? [] where seen.insert(KindArea(kind: r.kind, area: areaIndex[r.district] ?? -1)).inserted {
        resourceKindAreas.insert(r.kind + "|" + (c.analysis.districts.districts[r.district].area ?? ""))
      }
      for (i, ind) in c.indicators.enumerated() where indicatorPosition[ind.summary.indicator] == nil {
        indicatorPosition[ind.summary.indicator] = i
      }
      for g in c.analysis.resources.gaps where g.isGap && gaps[g.area + "|" + g.kind] == nil { gaps[g.area + "|" + g.kind] = g }
      for o in c.analysis.resources.outcomes where o.category == nil && (o.exitFlag == .low95 || o.exitFlag == .low998) {
        let key = (o.level == .district ? "district|" : o.level == .area ? "area|" : "centre|") + o.key
        if lowExit[key] == nil { lowExit[key] = o }
      }
    }

    /// A resource kind in an area (the index in `DistrictTable.areas`, -1 for none): districts
    /// of one area share its name, so one key per pair gives every "kind|area" there is.
    struct KindArea: Hashable {
      var kind: String
      var area: Int
    }
  }

  static func evaluate(_ rules: [ProposalRule], _ c: ReportContext) -> [Match] {
    let index = Index(c)
    return rules.compactMap { rule in
      var matched: [(district: Int, evidence: [String])] = []
      for p in c.analysis.priorities {
        // Only the first `maxDistricts` districts are cited; the rest are counted.
        let describe = matched.count < maxDistricts
        var evidence: [String] = []
        var holds = true
        for condition in rule.conditions {
          guard let e = check(condition, district: p.district, c, index, describe: describe) else { holds = false; break }
          if !e.isEmpty { evidence.append(e) }
        }
        if holds { matched.append((p.district, evidence)) }
      }
      return matched.isEmpty ? nil : Match(rule: rule, districts: matched)
    }
  }

  /// nil when the condition fails; else the evidence in words ("" when nothing to cite, or
  /// when not `describe`: then only whether the condition holds is worked out).
  static func check(_ condition: ProposalCondition, district d: Int, _ c: ReportContext, _ index: Index, describe: Bool = true) -> String? {
    let l = c.labels
    switch condition {
    case .needHigh(let id):
      guard let i = index.indicatorPosition[id] else { return nil }
      let r = c.indicators[i].results[d]
      guard IssuesSection.isHigh(r.funnel) else { return nil }
      guard describe else { return "" }
      let masked = c.indicatorMasked(r)
      return l.evidenceNeed(l.indicator(c.indicators[i].summary.config), ratio: masked ? l.masked : c.ratio(r.ratio),
                            interval: masked ? l.masked : c.interval(r.ratioInterval), level: c.levelText)
    case .underReached:
      guard let p = c.priority(of: d), (p.reach.ratioInterval?.upper ?? 1) < 1 else { return nil }
      return describe ? evidenceReach(p, c) : ""
    case .underReachedThreeMonths:
      guard let p = c.priority(of: d), p.underReachedThreeMonths else { return nil }
      return describe ? l.evidencePersistent + l.listSeparator + evidenceReach(p, c) : ""
    case .fewConsultations(let ages, let share):
      let segs = (index.segmentsByDistrict[d] ?? []).filter { ages.contains($0.band) }
      let observed = segs.reduce(0) { $0 + $1.reach.observed }
      let expected = segs.reduce(0) { $0 + $1.reach.expected }
      guard expected >= 1, observed < share * expected, let lowest = segs.map(\.band.lower).min() else { return nil }
      guard describe else { return "" }
      // Name the ages the segments actually cover (the common banding may start above the rule's age).
      let covered = AgeBand(lower: lowest, upper: segs.contains { $0.band.upper == nil } ? nil : segs.compactMap(\.band.upper).max())
      return l.evidenceFewConsultations(ages: l.ageBand(covered), share: NumberFormat.percent(share), expected: NumberFormat.fixed(expected, 1))
    case .segmentNeedHigh(let ages, let level):
      let segs = (index.segmentsByDistrict[d] ?? []).filter { ages.contains($0.band) && $0.needIndex >= level }
      guard describe else { return segs.isEmpty ? nil : "" }
      guard let top = segs.max(by: { $0.needIndex != $1.needIndex ? $0.needIndex < $1.needIndex : $0.rank > $1.rank }) else { return nil }
      return l.evidenceSegmentNeed(sex: l.sex(top.sex), age: l.ageBand(top.band), needIndex: NumberFormat.fixed(top.needIndex, 2))
    case .noResource(let kind):
      guard c.dataset.resources != nil else { return nil }
      let area = c.analysis.districts.districts[d].area
      guard !index.resourceKindAreas.contains(kind + "|" + (area ?? "")) else { return nil }
      guard describe else { return "" }
      return l.evidenceNoResource(kind: kind, area: area ?? l.wholeCity)
    case .resourceGap(let kind):
      let area = c.analysis.districts.districts[d].area ?? ""
      guard let gap = index.gaps[area + "|" + kind] else { return nil }
      guard describe else { return "" }
      return l.evidenceGap(kind: kind, area: area.isEmpty ? l.wholeCity : area, needRatio: c.ratio(gap.needRatio))
    case .lowExitRate:
      let district = c.analysis.districts.districts[d]
      // Area rows come before district rows in the outcomes, as before.
      let low = district.area.flatMap { index.lowExit["area|" + $0] } ?? index.lowExit["district|" + district.code.rawValue]
      guard let low else { return nil }
      return describe ? l.evidenceLowExit(low.name) : ""
    case .priorityTop(let n):
      guard let p = c.priority(of: d), p.rank <= n else { return nil }
      return describe ? l.evidenceRank(p.rank) : ""
    }
  }

  static func evidenceReach(_ p: DistrictPriority, _ c: ReportContext) -> String {
    let state = c.consultationState(p.district)
    return c.labels.evidenceReach(observed: c.consultationText(p.district), expected: NumberFormat.fixed(p.reach.expected, 1),
                                  interval: state == .shown ? c.percentInterval(p.reach.ratioInterval) : nil, level: c.levelText)
  }

  /// The proposals section.
  static func section(_ matches: [Match], _ c: ReportContext, rulesSource: String) -> ProposalsModel {
    let l = c.labels
    let lang = c.configuration.language
    let items = matches.enumerated().map { i, m in
      let names = m.districts.prefix(maxDistricts).map { c.name($0.district) }
      var list = names.joined(separator: l.nameSeparator)
      if m.districts.count > maxDistricts { list += l.andMore(m.districts.count - maxDistricts) }
      return ProposalItem(
        number: String(i + 1), title: m.rule.text(m.rule.title, lang),
        action: m.rule.text(m.rule.action, lang).replacingOccurrences(of: "{districts}", with: list),
        partners: m.rule.partners.isEmpty ? nil : m.rule.text(m.rule.partners, lang), districts: list,
        evidence: m.districts.prefix(maxDistricts).map { Line(text: l.evidenceLine(name: c.name($0.district), $0.evidence)) })
    }
    return ProposalsModel(intro: l.proposalsIntro, hasItems: !items.isEmpty, items: items, none: l.noProposals, rulesSource: rulesSource)
  }
}
