import Foundation
import Testing

@testable import Chiiki

/// The reach windows kept compactly (`ReachWindows`) must give the values of the full
/// `ReachEngine.reach` arrays they replace.
@Suite struct ReachWindowsTests {
  @Test func windowsMatchTheFullReachArrays() throws {
    let city = try GeneratedCity(CityGenerator.Options(districts: 300, areas: 3, seed: 21, caseMonths: 26))
    defer { city.remove() }
    let options = LoadOptions(dataDirectory: city.directory)
    let dataset = try DatasetLoader.load(options)
    let cases = dataset.cases
    let n = dataset.districts.count
    var state: UInt64 = 5
    let need = (0..<n).map { _ in 0.5 + splitMixUniform(&state) }
    let raw = (0..<n).map { _ in splitMixUniform(&state) }
    let shares = raw.map { $0 / raw.reduce(0, +) }
    let specs = [
      ReachWindows.Spec(monthsBack: 1, ranked: true, underFlags: true),
      ReachWindows.Spec(monthsBack: 2, ranked: false, underFlags: true),
      ReachWindows.Spec(monthsBack: 12, ranked: true, underFlags: false),
    ]
    let windows = ReachWindows.run(cases: cases, shares: shares, need: need, level: 0.95, specs: specs)
    // Reference: every window's full Reach array, ranked as the Analyzer did before.
    func full(_ monthsBack: Int, intervals: Bool) -> [Reach] {
      let observed = (0..<n).map { Double(cases.windowTotal(district: $0, monthsBack: monthsBack)) }
      return ReachEngine.reach(observed: observed, shares: shares, total: observed.reduce(0, +), level: 0.95, withIntervals: intervals)
    }
    func ranks(_ r: [Reach]) -> (order: [Int], rankOf: [Int], scores: [Double]) {
      let scores = (0..<n).map { PriorityRanking.score(needIndex: need[$0], reach: r[$0]) }
      let order = PriorityRanking.order(scores: scores, needIndex: need, expected: r.map(\.expected))
      var rankOf = [Int](repeating: 0, count: n)
      for (i, d) in order.enumerated() { rankOf[d] = i + 1 }
      return (order, rankOf, scores)
    }
    func describe(_ r: Reach) -> String { String(reflecting: (r.observed, r.expected, r.ratioInterval, r.reliability)) }
    let now = full(0, intervals: true)
    #expect(windows.reach.map(describe) == now.map(describe))
    let nowRanks = ranks(now)
    #expect(windows.ranked.order == nowRanks.order)
    #expect(windows.ranked.rankOf == nowRanks.rankOf)
    #expect(windows.ranked.scores.map(\.bitPattern) == nowRanks.scores.map(\.bitPattern))
    let month = full(1, intervals: true)
    let two = full(2, intervals: true)
    let year = full(12, intervals: false)
    func under(_ r: Reach) -> Bool { (r.ratioInterval?.upper ?? 1) < 1 }
    #expect(windows.earlier[0].rankOf.map(Int.init) == ranks(month).rankOf)
    #expect(windows.earlier[0].missing.map(\.bitPattern) == month.map(\.missing.bitPattern))
    #expect(windows.earlier[0].under == month.map(under))
    #expect(windows.earlier[1].under == two.map(under))
    #expect(windows.earlier[1].rankOf.isEmpty && windows.earlier[1].missing.isEmpty)
    #expect(windows.earlier[2].rankOf.map(Int.init) == ranks(year).rankOf)
    #expect(windows.earlier[2].missing.map(\.bitPattern) == year.map(\.missing.bitPattern))
    #expect(windows.earlier[2].under.isEmpty)
    // The windows differ, so the comparison above could fail.
    #expect(month.map(\.observed) != now.map(\.observed))
    #expect(month.contains(where: under))
  }
}
