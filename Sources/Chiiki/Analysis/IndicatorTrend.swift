/// The previous-period part of one indicator's `IndicatorResult`s, kept beside them rather than
/// in each (most runs have one period, and then there is none): per district the previous O and
/// E, and the exact parts of the trend test (interval and p-value, from special functions). The
/// rest of `TrendTest.compareRatios`' answer — the rate ratio and the decision — is cheap and
/// recomputed on access by the same expressions, so every value equals the test's bit for bit.
final class IndicatorTrend: Sendable {
  /// The exact parts of one district's comparison (NaN where there is none).
  struct Test: Sendable {
    var lower: Double
    var upper: Double
    var pValue: Double
  }

  let level: Double
  let previousObserved: [Double]
  let previousExpected: [Double]
  let tests: [Test]

  init(level: Double, previousObserved: [Double], previousExpected: [Double], tests: [Test]) {
    self.level = level
    self.previousObserved = previousObserved
    self.previousExpected = previousExpected
    self.tests = tests
  }

  /// Works out every district's test (in parallel chunks) from both periods' totals, with the
  /// Clopper–Pearson intervals of `intervals`.
  convenience init(previous: [IndirectStandardisation.Totals], now: [IndirectStandardisation.Totals], intervals: ClopperPearsonIntervals) {
    let chunkSize = max(8192, (now.count + 7) / 8)
    let tests = ParallelMap.build(count: now.count, chunkSize: chunkSize) { (range, emit: (Test) -> Void) in
      for d in range {
        let p = previous[d]
        let t = now[d]
        guard p.expected > 0, t.expected > 0 else {
          emit(Test(lower: .nan, upper: .nan, pValue: .nan))
          continue
        }
        let c = TrendTest.compareRatios(
          observedBefore: p.observed, expectedBefore: p.expected, observedNow: t.observed, expectedNow: t.expected,
          intervals: intervals)
        emit(Test(lower: c.interval.lower, upper: c.interval.upper, pValue: c.pValue))
      }
    }
    self.init(level: intervals.level, previousObserved: previous.map(\.observed), previousExpected: previous.map(\.expected), tests: tests)
  }

  /// O/E of the previous period, nil when its E = 0.
  @inline(__always) func previousRatio(district d: Int) -> Double? {
    let e = previousExpected[d]
    return e > 0 ? previousObserved[d] / e : nil
  }

  /// `TrendTest.compareRatios` of district `d` (nil unless both periods have E > 0): the rate
  /// ratio and decision recomputed, the interval and p-value stored.
  func change(district d: Int, observedNow: Double, expectedNow: Double) -> RatioComparison? {
    let before = previousObserved[d]
    let expectedBefore = previousExpected[d]
    guard expectedBefore > 0, expectedNow > 0 else { return nil }
    guard
      let pair = TrendTest.conditionalPair(
        observedBefore: before, expectedBefore: expectedBefore, observedNow: observedNow, expectedNow: expectedNow, level: level)
    else { return TrendTest.noInformation }
    let test = tests[d]
    return RatioComparison(
      rateRatio: TrendTest.rateRatio(pair, expectedBefore: expectedBefore, expectedNow: expectedNow),
      interval: Interval(lower: test.lower, upper: test.upper), pValue: test.pValue,
      isSignificant: TrendTest.isSignificant(pValue: test.pValue, level: level))
  }
}
