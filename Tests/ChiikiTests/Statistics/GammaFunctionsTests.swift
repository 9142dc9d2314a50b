import Testing

@testable import Chiiki

extension StatisticsTests {
  @Suite struct GammaFunctionsTests {
    // (a, x, P, Q): scipy.special.gammainc(a, x), gammaincc(a, x), scipy 1.17, computed 2026-11-27.
    static let values: [(a: Double, x: Double, p: Double, q: Double)] = [
      (0.5, 0.01, 0.11246291601828491, 0.887537083981715),
      (0.5, 2.0, 0.9544997361036415, 0.04550026389635857),
      (1.0, 1.0, 0.6321205588285577, 0.36787944117144245),
      (3.0, 0.5, 0.014387677966970684, 0.9856123220330293),
      (3.0, 10.0, 0.9972306042844884, 0.0027693957155115775),
      (10.0, 9.0, 0.4125917556680583, 0.5874082443319417),
      (25.0, 40.0, 0.9955173434344268, 0.00448265656557319),
      (100.0, 90.0, 0.15822098918643007, 0.84177901081357),
      (1000.0, 1050.0, 0.9413288886226819, 0.05867111137731806),
      (5000.0, 4800.0, 0.002102795480730475, 0.9978972045192694),
    ]

    @Test(arguments: values)
    func regularizedGammaMatchesScipy(value: (a: Double, x: Double, p: Double, q: Double)) {
      #expect(isClose(GammaFunctions.regularizedLowerP(a: value.a, x: value.x), value.p, relative: 1e-11))
      #expect(isClose(GammaFunctions.regularizedUpperQ(a: value.a, x: value.x), value.q, relative: 1e-11))
    }

    @Test(arguments: values)
    func inverseRecoversX(value: (a: Double, x: Double, p: Double, q: Double)) {
      // Round trip: P⁻¹(a, P(a, x)) = x, using scipy's P so the check is independent of our P.
      #expect(isClose(GammaFunctions.inverseLowerP(a: value.a, p: value.p), value.x, relative: 1e-10))
      #expect(isClose(GammaFunctions.inverseUpperQ(a: value.a, q: value.q), value.x, relative: 1e-10))
    }

    @Test func invalidAndBoundaryInput() {
      #expect(GammaFunctions.regularizedLowerP(a: 0, x: 1).isNaN)
      #expect(GammaFunctions.regularizedLowerP(a: 2, x: -1).isNaN)
      #expect(GammaFunctions.regularizedLowerP(a: 2, x: 0) == 0)
      #expect(GammaFunctions.regularizedUpperQ(a: 2, x: 0) == 1)
      #expect(GammaFunctions.inverseLowerP(a: 2, p: 0) == 0)
      #expect(GammaFunctions.inverseLowerP(a: 2, p: 1) == .infinity)
    }
  }
}
