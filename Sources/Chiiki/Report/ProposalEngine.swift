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

  static func evaluate(_ rules: [ProposalRule], _ c: ReportContext) -> [Match] {
    let index = Index(c)
    let priorities = c.analysis.priorities
    let exact = c.prioritiesListEachDistrictOnce
    // The districts in rank order, read once for all rules (reading a priority copied it).
    let order = priorities.map(\.district)
    // One table for all rules (a fresh one per rule was fresh pages each time).
    var holds: [Bool] = []
    return rules.compactMap { rule in
      let conditions = rule.conditions.map { index.prepare($0, c) }
      holding(conditions, order: order, exact: exact, c, index, into: &holds)
      var matched: [(district: Int, evidence: [String])] = []
      for i in order.indices where holds[i] {
        let d = order[i]
        // Only the first `maxDistricts` districts are cited; the rest are counted (no evidence).
        var evidence: [String] = []
        if matched.count < maxDistricts {
          for k in conditions.indices {
            if let e = check(conditions[k], district: d, c, index, describe: true, position: exact ? i : nil), !e.isEmpty { evidence.append(e) }
          }
        }
        matched.append((d, evidence))
      }
      return matched.isEmpty ? nil : Match(rule: rule, districts: matched)
    }
  }

  /// Sets `holds` to, per position in `order`, whether every condition holds for that district: condition by
  /// condition, each checked only where the ones before it held (as checking a district's
  /// conditions in turn, stopping at the first that fails; whether a condition holds does not
  /// depend on `describe`, and a check changes nothing).
  ///
  /// Condition by condition rather than district by district: the prepared condition is then a
  /// local value passed as it is, where reading it from the array per district and condition
  /// copied it (its payload and tables retained and released, ~1.3 million times nationally).
  static func holding(_ conditions: [Index.Prepared], order: [Int], exact: Bool, _ c: ReportContext, _ index: Index, into holds: inout [Bool]) {
    holds.removeAll(keepingCapacity: true)
    holds.append(contentsOf: repeatElement(true, count: order.count))
    for condition in conditions {
      for i in order.indices where holds[i] {
        if i &+ 16 < order.count { index.prefetch(condition, district: order[i &+ 16]) }
        if check(condition, district: order[i], c, index, describe: false, position: exact ? i : nil) == nil { holds[i] = false }
      }
    }
  }

  /// nil when the condition fails; else the evidence in words ("" when nothing to cite, or
  /// when not `describe`: then only whether the condition holds is worked out).
  ///
  /// `position`: the district's position in `analysis.priorities` (`c.priorityPosition[d]`)
  /// when the caller knows it: `evaluate` walks the priorities in order, and looking each
  /// district up in `priorityPosition` (in rank order, a cache miss per district and rule) was
  /// most of the time of the check at national scale.
  static func check(_ prepared: Index.Prepared, district d: Int, _ c: ReportContext, _ index: Index, describe: Bool = true, position known: Int? = nil) -> String? {
    let l = c.labels
    let priorities = c.analysis.priorities
    let position = known ?? c.priorityPosition[d]
    switch prepared.condition {
    case .needHigh:
      guard let i = prepared.indicator, IssuesSection.isHigh(prepared.funnel[d]) else { return nil }
      guard describe else { return "" }
      let r = c.indicators[i].results[d]
      let masked = c.indicatorMasked(r)
      return l.evidenceNeed(l.indicator(c.indicators[i].summary.config), ratio: masked ? l.masked : c.ratio(r.ratio),
                            interval: masked ? l.masked : c.interval(r.ratioInterval), level: c.levelText)
    case .underReached:
      guard position >= 0, (priorities[position].reach.ratioInterval?.upper ?? 1) < 1 else { return nil }
      return describe ? evidenceReach(priorities[position], c) : ""
    case .underReachedThreeMonths:
      guard position >= 0, priorities[position].underReachedThreeMonths else { return nil }
      return describe ? l.evidencePersistent + l.listSeparator + evidenceReach(priorities[position], c) : ""
    case .fewConsultations(let ages, let share):
      let segments = c.analysis.segments
      var observed = 0.0
      var expected = 0.0
      var lowest: Int? = nil
      for k in index.segmentsOf(d) where ages.contains(segments[k].band) {
        observed += segments[k].reach.observed
        expected += segments[k].reach.expected
        lowest = min(lowest ?? segments[k].band.lower, segments[k].band.lower)
      }
      guard expected >= 1, observed < share * expected, let lowest else { return nil }
      guard describe else { return "" }
      // Name the ages the segments actually cover (the common banding may start above the rule's age).
      let segs = index.segmentsOf(d).map { segments[$0] }.filter { ages.contains($0.band) }
      let covered = AgeBand(lower: lowest, upper: segs.contains { $0.band.upper == nil } ? nil : segs.compactMap(\.band.upper).max())
      return l.evidenceFewConsultations(ages: l.ageBand(covered), share: NumberFormat.percent(share), expected: NumberFormat.fixed(expected, 1))
    case .segmentNeedHigh(let ages, let level):
      let segments = c.analysis.segments
      let found = index.segmentsOf(d).contains { ages.contains(segments[$0].band) && segments[$0].needIndex >= level }
      guard found else { return nil }
      guard describe else { return "" }
      let segs = index.segmentsOf(d).map { segments[$0] }.filter { ages.contains($0.band) && $0.needIndex >= level }
      guard let top = segs.max(by: { $0.needIndex != $1.needIndex ? $0.needIndex < $1.needIndex : $0.rank > $1.rank }) else { return nil }
      return l.evidenceSegmentNeed(sex: l.sex(top.sex), age: l.ageBand(top.band), needIndex: NumberFormat.fixed(top.needIndex, 2))
    case .noResource(let kind):
      guard c.dataset.resources != nil, !prepared.perArea[index.areaSlot(d)] else { return nil }
      guard describe else { return "" }
      let area = c.analysis.districts.districts[d].area
      return l.evidenceNoResource(kind: kind, area: area ?? l.wholeCity)
    case .resourceGap(let kind):
      guard let gap = prepared.gapPerArea[index.areaSlot(d)] else { return nil }
      guard describe else { return "" }
      let area = c.analysis.districts.districts[d].area ?? ""
      return l.evidenceGap(kind: kind, area: area.isEmpty ? l.wholeCity : area, needRatio: c.ratio(gap.needRatio))
    case .lowExitRate:
      // Area rows come before district rows in the outcomes, as before.
      var low = index.lowExitNameOfArea[index.areaSlot(d)]
      if low == nil, !index.lowExitNameOfDistrict.isEmpty, index.lowExitDistrictFlags?[d] ?? true {
        low = index.lowExitNameOfDistrict[c.analysis.districts.districts[d].code.rawValue]
      }
      guard let low else { return nil }
      return describe ? l.evidenceLowExit(low) : ""
    case .priorityTop(let n):
      guard position >= 0, priorities[position].rank <= n else { return nil }
      return describe ? l.evidenceRank(priorities[position].rank) : ""
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
