import Testing

@testable import Chiiki

extension StatisticsTests {
  @Suite struct BetaFunctionsTests {
    // (a, b, x, I_x(a, b)): scipy.special.betainc(a, b, x), scipy 1.17, computed 2026-11-27.
    static let values: [(a: Double, b: Double, x: Double, i: Double)] = [
      (1.0, 10.0, 0.05, 0.4012630607616211),
      (2.5, 3.5, 0.4, 0.4869041915261176),
      (20.0, 80.0, 0.25, 0.8906094618271505),
      (0.5, 0.5, 0.9, 0.7951672353008665),
      (200.0, 300.0, 0.41, 0.677628164772179),
      (5.0, 995.0, 0.001, 0.003621633989882994),
    ]

    @Test(arguments: values)
    func incompleteBetaMatchesScipy(value: (a: Double, b: Double, x: Double, i: Double)) {
      #expect(isClose(BetaFunctions.regularizedIncompleteBeta(a: value.a, b: value.b, x: value.x), value.i, relative: 1e-11))
    }

    @Test(arguments: values)
    func inverseRecoversX(value: (a: Double, b: Double, x: Double, i: Double)) {
      #expect(
        isClose(BetaFunctions.inverseRegularizedIncompleteBeta(a: value.a, b: value.b, p: value.i), value.x, relative: 1e-10))
    }

    @Test func boundaries() {
      #expect(BetaFunctions.regularizedIncompleteBeta(a: 2, b: 3, x: 0) == 0)
      #expect(BetaFunctions.regularizedIncompleteBeta(a: 2, b: 3, x: 1) == 1)
      #expect(BetaFunctions.regularizedIncompleteBeta(a: 0, b: 3, x: 0.5).isNaN)
      #expect(BetaFunctions.inverseRegularizedIncompleteBeta(a: 2, b: 3, p: 0) == 0)
      #expect(BetaFunctions.inverseRegularizedIncompleteBeta(a: 2, b: 3, p: 1) == 1)
    }
  }
}
