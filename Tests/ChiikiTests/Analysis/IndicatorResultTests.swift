import Testing

@testable import Chiiki

/// The compact `IndicatorResult` (Analysis/IndicatorResult.swift) must read back every value
/// the engine used to store: the derived properties against the expressions they replace
/// (O/E, O/denominator, the intervals' presence) and the previous-period part against
/// `TrendTest.compareRatios` itself (the reference), on random inputs, bit for bit.
@Suite struct IndicatorResultTests {
  /// SplitMix64 (Steele, Lea & Flood 2014), seeded, so every run sees the same inputs.
  struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
      splitMix(&state)
    }
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    /// A count-like total: often 0, sometimes large.
    mutating func total() -> Double {
      switch next() % 5 {
      case 0: 0
      case 1: Double(next() % 4)
      default: Double(next() % 5000)
      }
    }
    /// An expected value: sometimes 0, otherwise a non-integer.
    mutating func expected() -> Double { next() % 6 == 0 ? 0 : uniform() * 300 }
  }

  func randomTotals(_ rng: inout Random, count: Int) -> [IndirectStandardisation.Totals] {
    (0..<count).map { _ in
      IndirectStandardisation.Totals(
        observed: rng.total(), expected: rng.expected(), denominator: rng.next() % 7 == 0 ? 0 : rng.total() + 1,
        excludedCells: Int(rng.next() % 40))
    }
  }

  func same(_ a: Double?, _ b: Double?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case let (x?, y?): x.bitPattern == y.bitPattern
    default: false
    }
  }

  func same(_ a: Interval?, _ b: Interval?) -> Bool { same(a?.lower, b?.lower) && same(a?.upper, b?.upper) && (a == nil) == (b == nil) }

  @Test func layoutIsAtMost96Bytes() {
    // Before: ~240 bytes (every optional and Int stored, RatioComparison inline).
    #expect(MemoryLayout<IndicatorResult>.stride <= 96)
  }

  @Test func derivedValuesMatchTheFormulasTheyReplace() {
    var rng = Random(state: 42)
    let code = IndicatorCodes.shared.code(IndicatorID("welfare"))
    for (d, t) in randomTotals(&rng, count: 5000).enumerated() {
      let ratioCI = t.expected > 0 ? Interval(lower: rng.uniform(), upper: rng.uniform() + 1) : nil
      let crudeCI = t.denominator > 0 ? Interval(lower: rng.uniform() / 10, upper: rng.uniform()) : nil
      let smoothed = rng.uniform() * 2
      let weight = rng.uniform()
      let r = IndicatorResult(
        district: d, indicatorCode: code, totals: t, ratioInterval: ratioCI, crudeInterval: crudeCI,
        smoothedRatio: smoothed, shrinkageWeight: weight, funnel: FunnelLabel.allCases[d % 5],
        funnelUnadjusted: FunnelLabel.allCases[(d / 5) % 5], trend: nil)
      #expect(r.district == d)
      #expect(r.indicator == IndicatorID("welfare"))
      #expect(r.observed.bitPattern == t.observed.bitPattern)
      #expect(r.expected.bitPattern == t.expected.bitPattern)
      #expect(r.denominator.bitPattern == t.denominator.bitPattern)
      #expect(r.excludedCells == t.excludedCells)
      // The engine's expressions: ratio = O/E when E > 0, crude = O/denominator when > 0.
      #expect(same(r.ratio, t.expected > 0 ? t.observed / t.expected : nil))
      #expect(same(r.crudeRate, t.denominator > 0 ? t.observed / t.denominator : nil))
      #expect(same(r.ratioInterval, ratioCI))
      #expect(same(r.crudeInterval, crudeCI))
      #expect(r.smoothedRatio.bitPattern == smoothed.bitPattern)
      #expect(r.shrinkageWeight.bitPattern == weight.bitPattern)
      #expect(r.funnel == FunnelLabel.allCases[d % 5])
      #expect(r.funnelUnadjusted == FunnelLabel.allCases[(d / 5) % 5])
      #expect(r.previousRatio == nil && r.change == nil)
    }
  }

  @Test(arguments: [0.95, 0.998])
  func trendMatchesCompareRatios(level: Double) {
    var rng = Random(state: 7)
    let n = 3000
    let previous = randomTotals(&rng, count: n)
    let now = randomTotals(&rng, count: n)
    var pairs: [ClopperPearsonIntervals.Pair] = []
    for d in 0..<n {
      if let pair = TrendTest.conditionalPair(
        observedBefore: previous[d].observed, expectedBefore: previous[d].expected, observedNow: now[d].observed,
        expectedNow: now[d].expected, level: level)
      {
        pairs.append(pair)
      }
    }
    let trend = IndicatorTrend(previous: previous, now: now, intervals: ClopperPearsonIntervals(level: level, pairs: pairs))
    let code = IndicatorCodes.shared.code(IndicatorID("ltc"))
    var compared = 0
    for d in 0..<n {
      let t = now[d]
      let p = previous[d]
      let r = IndicatorResult(
        district: d, indicatorCode: code, totals: t, ratioInterval: nil, crudeInterval: nil, smoothedRatio: 1,
        shrinkageWeight: 0, funnel: .within, funnelUnadjusted: .within, trend: trend)
      // The engine's rule: previous ratio when the previous E > 0, change when both are > 0.
      #expect(same(r.previousRatio, p.expected > 0 ? p.observed / p.expected : nil))
      guard p.expected > 0, t.expected > 0 else {
        #expect(r.change == nil)
        continue
      }
      let reference = TrendTest.compareRatios(
        observedBefore: p.observed, expectedBefore: p.expected, observedNow: t.observed, expectedNow: t.expected, level: level)
      guard let change = r.change else {
        Issue.record("no change for district \(d)")
        continue
      }
      #expect(change.rateRatio.bitPattern == reference.rateRatio.bitPattern)
      #expect(change.interval.lower.bitPattern == reference.interval.lower.bitPattern)
      #expect(change.interval.upper.bitPattern == reference.interval.upper.bitPattern)
      #expect(change.pValue.bitPattern == reference.pValue.bitPattern)
      #expect(change.isSignificant == reference.isSignificant)
      compared += 1
    }
    #expect(compared > 1000)
  }

  @Test func codesAreStablePerIdentifier() {
    let a = IndicatorCodes.shared.code(IndicatorID("code-test-a"))
    let b = IndicatorCodes.shared.code(IndicatorID("code-test-b"))
    #expect(a != b)
    #expect(IndicatorCodes.shared.code(IndicatorID("code-test-a")) == a)
    #expect(IndicatorCodes.shared.indicator(b) == IndicatorID("code-test-b"))
  }
}
