import Testing

@testable import Chiiki

/// `IndicatorEngine` works each district's smoothed ratio and shrinkage weight out from the
/// indicator's prior where the results are built, and its overdispersion from the whole O and
/// E columns: every value must be bit for bit the one of the former computation
/// (`EmpiricalBayes.poissonGamma`'s arrays; `Overdispersion.ratios` of the districts with E > 0).
@Suite struct IndicatorSmoothingTests {
  func totals(_ state: inout UInt64, districts: Int, scale: Double, zeroShare: Double) -> [IndirectStandardisation.Totals] {
    (0..<districts).map { _ in
      let expected = splitMixUniform(&state) < zeroShare ? 0 : scale * (0.2 + 3 * splitMixUniform(&state))
      let observed = Double(Int(expected * (0.1 + 2 * splitMixUniform(&state))))
      return IndirectStandardisation.Totals(observed: observed, expected: expected, denominator: expected * 40, excludedCells: 0)
    }
  }

  /// Seeds, scales and shares of E = 0 (1: no district usable, so no prior at all).
  @Test(arguments: [(UInt64(1), 2.0, 0.05), (2, 30, 0.3), (3, 0.01, 0.0), (4, 5, 1.0)])
  func resultsEqualThePoissonGammaArrays(seed: UInt64, scale: Double, zeroShare: Double) {
    var state = seed
    let districts = 2000 + Int(splitMix(&state) % 1000)
    let configuration = Configuration()
    let id = IndicatorID("welfare")
    let totals = totals(&state, districts: districts, scale: scale, zeroShare: zeroShare)
    let prepared = IndicatorEngine.Prepared(
      indicator: id, config: configuration.indicator(id), period: Period(year: 2026, month: 4), previousPeriod: nil,
      rates: [0.1, nil], totals: totals, grid: CellGrid(districtCount: 0, bandCount: 1))
    let output = IndicatorEngine.finish(prepared, configuration: configuration, previous: nil)
    let observed = totals.map(\.observed)
    let expected = totals.map(\.expected)
    let eb = EmpiricalBayes.poissonGamma(observed: observed, expected: expected)
    #expect(output.results.map(\.smoothedRatio.bitPattern) == eb.smoothed.map(\.bitPattern))
    #expect(output.results.map(\.shrinkageWeight.bitPattern) == eb.shrinkageWeight.map(\.bitPattern))
    let used = totals.indices.filter { totals[$0].expected > 0 }
    let od = Overdispersion.ratios(observed: used.map { observed[$0] }, expected: used.map { expected[$0] })
    #expect(String(reflecting: output.summary.overdispersion) == String(reflecting: od))
    // Smoothing did something (or, without usable districts, nothing at all).
    if zeroShare < 1 {
      let shrunk = eb.shrinkageWeight.contains(where: { $0 > 0 && $0 < 1 })
      #expect(shrunk || eb.priorVariance == 0)
    } else {
      let allNaN = eb.smoothed.allSatisfy(\.isNaN)
      #expect(allNaN)
    }
  }
}
