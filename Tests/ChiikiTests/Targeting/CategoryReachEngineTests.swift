import Foundation
import Testing

@testable import Chiiki

/// `CategoryReachEngine` keeps each category's expected counts and reliability weights and
/// picks the under-reached districts without building a `Reach` per district: its summaries and
/// columns must be those of the full `ReachEngine.reach` arrays (the former implementation,
/// rebuilt here as the reference).
@Suite struct CategoryReachEngineTests {
  @Test func matchesTheFullReachArrays() throws {
    let city = try GeneratedCity(CityGenerator.Options(districts: 300, areas: 3, seed: 8, caseMonths: 14))
    defer { city.remove() }
    let options = LoadOptions(dataDirectory: city.directory)
    let dataset = try DatasetLoader.load(options)
    let analysis = try Analyzer.analyze(dataset, configuration: options.configuration)
    let outputs = zip(analysis.indicatorSummaries, analysis.indicatorResults).map { IndicatorEngine.Output(summary: $0, results: $1) }
    let (summaries, table) = CategoryReachEngine.run(outputs: outputs, dataset: dataset, configuration: options.configuration)
    let n = dataset.districts.count
    let cases = dataset.cases
    #expect(summaries.count == cases.categories.count && summaries.count > 1)
    var rows: [CategoryReach] = []
    table.forEachRow { rows.append($0) }
    var underSeen = 0
    for (k, summary) in summaries.enumerated() {
      let c = try #require(cases.categories.firstIndex(of: summary.category))
      let mapped = outputs.indices.filter { outputs[$0].summary.config.categories.contains(summary.category) }
      let used = mapped.isEmpty ? Array(outputs.indices) : mapped
      let shares = ReachEngine.needShares(
        observed: used.map { outputs[$0].results.map(\.observed) }, weights: used.map { outputs[$0].summary.config.weight }, units: n)
      let observed = (0..<n).map { Double(cases.windowConsultations[c * n + $0]) }
      let reach = ReachEngine.reach(observed: observed, shares: shares, total: observed.reduce(0, +), level: options.configuration.confidenceLevel)
      let under = (0..<n).filter { (reach[$0].ratioInterval?.upper ?? 1) < 1 }
        .sorted { reach[$0].missing != reach[$1].missing ? reach[$0].missing > reach[$1].missing : $0 < $1 }
      #expect(summary.underReachedDistricts == under, "\(summary.category)")
      underSeen += under.count
      let part = rows[(k * n)..<((k + 1) * n)]
      #expect(part.map { String(reflecting: ($0.reach.observed, $0.reach.expected, $0.reach.ratioInterval, $0.reach.reliability)) }
        == reach.map { String(reflecting: ($0.observed, $0.expected, $0.ratioInterval, $0.reliability)) })
    }
    #expect(underSeen > 0)
  }
}
