import Foundation
import Testing

@testable import Chiiki

/// The Analyzer works out each indicator in two halves (totals, then, after segments and with
/// the grids freed, the results) and takes the previous period's totals first. Reference: the
/// indicator worked out in one go from the unreleased grids (`prepare`, then `finish` with its
/// previous totals), on a city where one indicator has a previous period and another has none,
/// so that each must get its own.
@Suite struct AnalyzerOrderTests {
  func city() -> TempDir {
    let dir = Fixtures.copy("tiny")
    var text = (try? String(contentsOfFile: dir.file("statistics.csv"), encoding: .utf8)) ?? ""
    // welfare a year earlier (with different counts), and ltc in the current period only.
    let rows = text.split(separator: "\n").dropFirst().filter { $0.hasPrefix("2026-09") }
    for row in rows {
      var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      fields[0] = "2025-09"
      if let x = Int(fields[5]) { fields[5] = String(x + (x % 3) * 2) }
      text += fields.joined(separator: ",") + "\n"
      fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      fields[4] = "ltc"
      if let x = Int(fields[5]) { fields[5] = String(x / 2 + 1) }
      text += fields.joined(separator: ",") + "\n"
    }
    dir.write("statistics.csv", text)
    return dir
  }

  func describe(_ r: IndicatorResult) -> String {
    String(reflecting: (
      r.district, r.indicator, r.observed, r.expected, r.denominator, r.ratio, r.ratioInterval, r.crudeRate, r.crudeInterval,
      r.smoothedRatio, r.shrinkageWeight, r.funnel, r.funnelUnadjusted, r.excludedCells, r.previousRatio,
      r.change.map { ($0.rateRatio, $0.interval, $0.pValue, $0.isSignificant) }))
  }

  @Test func releasingAnalysisMatchesTheUnreleasedEngine() throws {
    let dir = city()
    defer { dir.remove() }
    let dataset = try DatasetLoader.load(LoadOptions(dataDirectory: dir.path))
    let configuration = Configuration()
    let reference = dataset.statistics.indicators.compactMap { id in
      IndicatorEngine.prepare(indicator: id, dataset: dataset, configuration: configuration).map {
        IndicatorEngine.finish($0, configuration: configuration, previous: IndicatorEngine.previousTotals(indicator: id, dataset: dataset))
      }
    }
    #expect(reference.count == 2)
    #expect(reference.contains { $0.summary.previousPeriod != nil })
    #expect(reference.contains { $0.summary.previousPeriod == nil })
    var copy = dataset
    let analysis = try Analyzer.analyze(&copy, configuration: configuration, releasingGrids: true)
    #expect(analysis.indicatorSummaries.map(\.indicator) == reference.map(\.summary.indicator))
    #expect(analysis.indicatorSummaries.map(\.previousPeriod) == reference.map(\.summary.previousPeriod))
    for (results, output) in zip(analysis.indicatorResults, reference) {
      #expect(results.map(describe) == output.results.map(describe))
    }
    // The previous period really shows: some district of welfare has a change.
    #expect(analysis.indicatorResults.joined().contains { $0.change != nil })
  }
}
