import Testing

@testable import Chiiki

/// `IndicatorEngine.finishAll` spreads every indicator's results over all cores and shares one
/// memo of trend intervals between indicators. Reference: `finish` of each indicator alone (its
/// own memo), on random totals where counts repeat within and across indicators, some districts
/// have E = 0 in one period, and one indicator (or every one) has no previous period. Every
/// value must agree bit for bit.
@Suite struct IndicatorFinishAllTests {
  func totals(_ state: inout UInt64, districts: Int, scale: Double) -> [IndirectStandardisation.Totals] {
    (0..<districts).map { _ in
      let expected = splitMixUniform(&state) < 0.05 ? 0 : scale * (0.2 + 3 * splitMixUniform(&state))
      let observed = Double(Int(expected * (0.3 + 1.4 * splitMixUniform(&state))))
      return IndirectStandardisation.Totals(
        observed: observed, expected: expected, denominator: expected > 0 ? expected * 40 : 0,
        excludedCells: Int(splitMix(&state) % 3))
    }
  }

  func describe(_ r: IndicatorResult) -> String {
    String(reflecting: (
      r.district, r.indicator, r.observed, r.expected, r.denominator, r.ratio, r.ratioInterval, r.crudeInterval,
      r.smoothedRatio, r.shrinkageWeight, r.funnel, r.funnelUnadjusted, r.excludedCells, r.previousRatio,
      r.change.map { ($0.rateRatio, $0.interval, $0.pValue, $0.isSignificant) }))
  }

  @Test(arguments: [(UInt64(1), true), (2, true), (3, true), (4, false)])
  func finishAllEqualsEachIndicatorAlone(seed: UInt64, withPrevious: Bool) {
    var state = seed
    let districts = 3000 + Int(splitMix(&state) % 2000)
    let ids = ["unemployment", "welfare", "ltc", "single_parent"].map { IndicatorID($0) }
    let configuration = Configuration()
    let prepared = ids.enumerated().map { i, id in
      IndicatorEngine.Prepared(
        indicator: id, config: configuration.indicator(id), period: Period(year: 2026, month: 4),
        previousPeriod: Period(year: 2025, month: 4), rates: [0.1, nil],
        totals: totals(&state, districts: districts, scale: [2, 8, 30, 400][i]),
        grid: CellGrid(districtCount: 0, bandCount: 1))
    }
    // Similar scales, so that pairs repeat across indicators; the third has no previous period.
    let previous: [[IndirectStandardisation.Totals]?] = prepared.indices.map { i in
      i == 2 || !withPrevious ? nil : totals(&state, districts: districts, scale: [2, 8, 30, 400][i])
    }
    let all = IndicatorEngine.finishAll(prepared, configuration: configuration, previous: previous)
    #expect(all.count == prepared.count)
    var compared = 0
    var changes = 0
    for i in prepared.indices {
      let alone = IndicatorEngine.finish(prepared[i], configuration: configuration, previous: previous[i])
      #expect(String(reflecting: all[i].summary) == String(reflecting: alone.summary))
      #expect(all[i].results.count == alone.results.count)
      for (a, b) in zip(all[i].results, alone.results) where describe(a) != describe(b) {
        Issue.record("indicator \(i) district \(a.district): \(describe(a)) != \(describe(b))")
        break
      }
      compared += alone.results.count
      changes += alone.results.filter { $0.change != nil }.count
    }
    #expect(compared == districts * prepared.count)
    // The trend test ran for most districts of the three indicators with a previous period.
    #expect(withPrevious ? changes > districts * 3 / 2 : changes == 0)
  }
}
