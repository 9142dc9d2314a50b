import Testing

@testable import Chiiki

extension StatisticsTests {
  @Suite struct TrendTestTests {
    /* Reference values computed 2026-11-27 with scipy 1.17 (independent of our code):
       n = o1 + o2; pi0 = e2/(e1 + e2); p = scipy.stats.binomtest(o2, n, pi0).pvalue  (two-sided, minlike)
       piL = beta.ppf(a/2, o2, n − o2 + 1) (0 if o2 = 0); piU = beta.isf(a/2, o2 + 1, n − o2) (1 if o2 = n)
       R = (o2/e2)/(o1/e1); R bounds = pi·e1/((1 − pi)·e2)
    */
    static let cases:
      [(o1: Double, e1: Double, o2: Double, e2: Double, level: Double, ratio: Double, lower: Double, upper: Double, p: Double)] = [
        (20, 25.0, 40, 28.0, 0.95, 1.7857142857142856, 1.0195639328653952, 3.2241688452067967, 0.03788025543695756),
        (10, 10.0, 12, 10.0, 0.95, 1.2, 0.47515417273779426, 3.100682147309103, 0.8318119049072266),
        (0, 5.0, 6, 5.0, 0.95, .infinity, 1.1774247257241781, .infinity, 0.03125),
        (30, 22.5, 18, 24.0, 0.9, 0.5625, 0.3264079238325491, 0.9519219414666983, 0.05989352565099264),
      ]

    @Test(arguments: cases)
    func matchesScipy(
      value: (o1: Double, e1: Double, o2: Double, e2: Double, level: Double, ratio: Double, lower: Double, upper: Double, p: Double)
    ) {
      let result = TrendTest.compareRatios(
        observedBefore: value.o1, expectedBefore: value.e1, observedNow: value.o2, expectedNow: value.e2,
        level: value.level)
      #expect(isClose(result.rateRatio, value.ratio))
      #expect(isClose(result.interval.lower, value.lower))
      #expect(isClose(result.interval.upper, value.upper))
      #expect(isClose(result.pValue, value.p))
      #expect(result.isSignificant == (value.p < 1 - value.level))
    }

    @Test func significanceFollowsLevel() {
      // p = 0.0379 (scipy above): significant at 95%, not at 99%.
      let at95 = TrendTest.compareRatios(
        observedBefore: 20, expectedBefore: 25, observedNow: 40, expectedNow: 28, level: 0.95)
      let at99 = TrendTest.compareRatios(
        observedBefore: 20, expectedBefore: 25, observedNow: 40, expectedNow: 28, level: 0.99)
      #expect(at95.isSignificant)
      #expect(!at99.isSignificant)
    }

    @Test func noEventsCarryNoInformation() {
      let result = TrendTest.compareRatios(
        observedBefore: 0, expectedBefore: 3, observedNow: 0, expectedNow: 4, level: 0.95)
      #expect(result.rateRatio.isNaN)
      #expect(result.interval == Interval(lower: 0, upper: .infinity))
      #expect(result.pValue == 1)
      #expect(!result.isSignificant)
    }
  }
}
