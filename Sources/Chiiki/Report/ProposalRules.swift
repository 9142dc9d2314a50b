import Foundation

/// Proposal rules (議題案ルール): patterns in the findings mapped to candidate actions.
///
/// The rules are data, in a small line-based text format that a centre can edit (the default
/// set is `DefaultProposalRules.text`; its header documents the format). A rule holds
/// conditions that must all hold for a district, and the wording of the proposal in Japanese
/// and English; `{districts}` in the wording is replaced by the matched districts' names.
public struct ProposalRule: Sendable, Hashable {
  public var id: String
  public var conditions: [ProposalCondition]
  public var title: [ReportLanguage: String]
  public var action: [ReportLanguage: String]
  public var partners: [ReportLanguage: String]

  /// The wording in a language, falling back to Japanese.
  func text(_ field: [ReportLanguage: String], _ language: ReportLanguage) -> String {
    field[language] ?? field[.ja] ?? ""
  }
}

/// One condition of a rule, evaluated per district.
public enum ProposalCondition: Sendable, Hashable {
  /// The indicator lies above its funnel's 95% limit (significantly above reference).
  case needHigh(IndicatorID)
  /// Consultations significantly below expected (upper limit of the ratio below 1).
  case underReached
  /// Significantly under-reached in each of the last three windows.
  case underReachedThreeMonths
  /// Consultations from persons in `ages` below `share` x expected (segments on the common banding).
  case fewConsultations(ages: AgeBand, share: Double)
  /// A sex x age group within `ages` has a need index of at least `level`.
  case segmentNeedHigh(ages: AgeBand, level: Double)
  /// No resource of the kind in the district's area (resources.csv; whole city without areas).
  case noResource(kind: String)
  /// The resource-gap analysis flags the kind in the district's area.
  case resourceGap(kind: String)
  /// Referrals from the district or its area rarely lead to an exit (low on the exit funnel).
  case lowExitRate
  /// The district ranks in the top N of the outreach plan.
  case priorityTop(Int)
}

/// Reads the rule format.
public enum ProposalRulesParser {
  public static func parse(_ text: String, source: String) throws(ReportError) -> [ProposalRule] {
    var rules: [ProposalRule] = []
    var current: ProposalRule? = nil
    var currentLine = 0
    func finish() throws(ReportError) {
      guard let rule = current else { return }
      if rule.conditions.isEmpty { throw .proposalRules(source: source, line: currentLine, message: "rule [\(rule.id)] has no `when` line") }
      if rule.title[.ja] == nil && rule.title[.en] == nil { throw .proposalRules(source: source, line: currentLine, message: "rule [\(rule.id)] has no title") }
      if rule.action[.ja] == nil && rule.action[.en] == nil { throw .proposalRules(source: source, line: currentLine, message: "rule [\(rule.id)] has no action") }
      rules.append(rule)
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (i, raw) in lines.enumerated() {
      let number = i + 1
      var line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("\u{FEFF}") { line.removeFirst() }
      if line.hasSuffix("\r") { line.removeLast() }
      if line.isEmpty || line.hasPrefix("#") { continue }
      if line.hasPrefix("[") {
        guard line.hasSuffix("]"), line.count > 2 else { throw .proposalRules(source: source, line: number, message: "expected `[rule-id]`") }
        try finish()
        let id = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        if rules.contains(where: { $0.id == id }) { throw .proposalRules(source: source, line: number, message: "rule [\(id)] is defined twice") }
        current = ProposalRule(id: id, conditions: [], title: [:], action: [:], partners: [:])
        currentLine = number
        continue
      }
      guard let eq = line.firstIndex(of: "=") else { throw .proposalRules(source: source, line: number, message: "expected `key = value`") }
      guard current != nil else { throw .proposalRules(source: source, line: number, message: "a `key = value` line before the first [rule-id]") }
      let key = line[..<eq].trimmingCharacters(in: .whitespaces)
      let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
      switch key {
      case "when":
        for part in value.split(separator: ";") where !part.trimmingCharacters(in: .whitespaces).isEmpty {
          current!.conditions.append(try condition(part.trimmingCharacters(in: .whitespaces), source: source, line: number))
        }
      case "title.ja": current!.title[.ja] = value
      case "title.en": current!.title[.en] = value
      case "action.ja": current!.action[.ja] = value
      case "action.en": current!.action[.en] = value
      case "partners.ja": current!.partners[.ja] = value
      case "partners.en": current!.partners[.en] = value
      default: throw .proposalRules(source: source, line: number, message: "unknown key `\(key)` (use when, title.ja, title.en, action.ja, action.en, partners.ja, partners.en)")
      }
    }
    try finish()
    return rules
  }

  static func condition(_ text: String, source: String, line: Int) throws(ReportError) -> ProposalCondition {
    var name = text
    var args: [String] = []
    if let open = text.firstIndex(of: "(") {
      guard text.hasSuffix(")") else { throw .proposalRules(source: source, line: line, message: "missing `)` in `\(text)`") }
      name = text[..<open].trimmingCharacters(in: .whitespaces)
      args = text[text.index(after: open)..<text.index(before: text.endIndex)].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
    func arity(_ n: Int) throws(ReportError) {
      if args.count != n { throw .proposalRules(source: source, line: line, message: "`\(name)` takes \(n) argument\(n == 1 ? "" : "s"), got \(args.count)") }
    }
    func ages(_ s: String) throws(ReportError) -> AgeBand {
      guard let band = AgeBand.parse(s) else { throw .proposalRules(source: source, line: line, message: "`\(s)` is not an age range such as 65+ or 15-39") }
      return band
    }
    func number(_ s: String) throws(ReportError) -> Double {
      guard let x = Double(s), x.isFinite, x >= 0 else { throw .proposalRules(source: source, line: line, message: "`\(s)` is not a number") }
      return x
    }
    switch name {
    case "need_high": try arity(1); return .needHigh(IndicatorID(args[0]))
    case "under_reached": try arity(0); return .underReached
    case "under_reached_3_months": try arity(0); return .underReachedThreeMonths
    case "few_consultations": try arity(2); return .fewConsultations(ages: try ages(args[0]), share: try number(args[1]))
    case "segment_need_high": try arity(2); return .segmentNeedHigh(ages: try ages(args[0]), level: try number(args[1]))
    case "no_resource": try arity(1); return .noResource(kind: args[0])
    case "resource_gap": try arity(1); return .resourceGap(kind: args[0])
    case "low_exit_rate": try arity(0); return .lowExitRate
    case "priority_top":
      try arity(1)
      guard let n = Int(args[0]), n > 0 else { throw .proposalRules(source: source, line: line, message: "`\(args[0])` is not a positive whole number") }
      return .priorityTop(n)
    default:
      throw .proposalRules(source: source, line: line, message: "unknown condition `\(name)` (need_high, under_reached, under_reached_3_months, few_consultations, segment_need_high, no_resource, resource_gap, low_exit_rate, priority_top)")
    }
  }
}
