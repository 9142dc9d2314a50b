import Foundation
import Mustache
import Testing

@testable import Chiiki

/// `child(named:)` of the report's view model against the `Mirror` lookup Mustache would use
/// without it, for every field of every type reached in the sample city's report (and names
/// that are not fields): the templates see the same values either way.
@Suite struct ReportModelLookupTests {
  /// What swift-mustache's `Mirror.getValue(forKey:)` gives: the stored property, one optional
  /// level unwrapped, nil when there is none.
  static func mirrorValue(_ object: Any, _ name: String) -> Any? {
    guard let match = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
    let inner = Mirror(reflecting: match.value)
    guard inner.displayStyle == .optional else { return match.value }
    return inner.children.first?.value
  }

  static func text(_ value: Any?) -> String {
    guard let value else { return "nil" }
    return "\(type(of: value)): \(String(reflecting: value))"
  }

  static func walk(_ value: Any, visited: inout Set<String>, bad: inout [String]) {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional?, .collection?:
      for c in mirror.children { walk(c.value, visited: &visited, bad: &bad) }
    case .struct?:
      if let parent = value as? MustacheParent {
        let type = String(describing: Swift.type(of: value))
        visited.insert(type)
        for name in mirror.children.compactMap(\.label) + ["", ".", "unknown", "count", "first"] {
          let expected = text(mirrorValue(value, name))
          let got = text(parent.child(named: name))
          if expected != got { bad.append("\(type).\(name): \(got) instead of \(expected)") }
        }
      }
      for c in mirror.children { walk(c.value, visited: &visited, bad: &bad) }
    default:
      return
    }
  }

  @Test func everyFieldAsMirrorGivesIt() throws {
    var configuration = Configuration()
    configuration.language = .ja
    let dataset = try DatasetLoader.load(LoadOptions(dataDirectory: ReportRun.repositoryRoot + "/data", configuration: configuration))
    var analysis = try Analyzer.analyze(dataset, configuration: configuration)
    ResourceAnalyzer.attach(to: &analysis, dataset: dataset)
    let model = ReportBuilder.build(analysis: analysis, dataset: dataset, rules: MeetingReport.builtInRules(),
                                    rulesSource: DefaultProposalRules.source, problems: ["a problem"], css: "css")
    var visited = Set<String>()
    var bad: [String] = []
    Self.walk(model, visited: &visited, bad: &bad)
    #expect(bad.count == 0, "\(bad.prefix(5))")
    // Every type of the view model was reached (so every one was checked).
    let all: Set<String> = [
      "ReportModel", "Line", "KeyValue", "DistrictRow", "AreaRow", "SegmentRow", "OutreachModel", "IndicatorDistrictRow",
      "IndicatorIssue", "HeatCell", "HeatRow", "UnderRow", "CategoryRow", "MonthRow", "IssuesModel", "GapRow", "OutcomeRow",
      "ResourcesModel", "ProposalItem", "ProposalsModel", "QualityModel", "MethodItem", "InputRow", "MethodsModel",
      "ChartItem", "ChartsModel",
    ]
    #expect(all.subtracting(visited).isEmpty, "not reached: \(all.subtracting(visited).sorted())")
  }
}
