import Testing

@testable import Chiiki

extension StatisticsTests {
  @Suite struct PoissonDistributionTests {
    // (k, mean, cdf, pmf): scipy.stats.poisson.cdf / .pmf, scipy 1.17, computed 2026-11-27.
    static let values: [(k: Int, mean: Double, cdf: Double, pmf: Double)] = [
      (0, 0.5, 0.6065306597126334, 0.6065306597126334),
      (3, 2.5, 0.7575761331330662, 0.21376301724973648),
      (10, 15.0, 0.11846441152901499, 0.04861075082960534),
      (50, 37.5, 0.9793777406320671, 0.008559441785281107),
      (1200, 1234.5, 0.1666692586582055, 0.007078602451863978),
    ]

    // (p, mean, k): scipy.stats.poisson.ppf(p, mean), scipy 1.17, computed 2026-11-27.
    static let quantiles: [(p: Double, mean: Double, k: Int)] = [
      (0.001, 15.0, 5), (0.025, 15.0, 8), (0.975, 15.0, 23), (0.999, 15.0, 28),
      (0.5, 0.5, 0), (0.999, 1234.5, 1344), (0.001, 1234.5, 1127),
    ]

    @Test(arguments: values)
    func cdfAndPmfMatchScipy(value: (k: Int, mean: Double, cdf: Double, pmf: Double)) {
      #expect(isClose(PoissonDistribution.cdf(value.k, mean: value.mean), value.cdf, relative: 1e-11))
      #expect(isClose(PoissonDistribution.pmf(value.k, mean: value.mean), value.pmf, relative: 1e-11))
    }

    @Test(arguments: quantiles)
    func quantileMatchesScipy(value: (p: Double, mean: Double, k: Int)) {
      #expect(PoissonDistribution.quantile(value.p, mean: value.mean) == value.k)
    }

    @Test func edges() {
      #expect(PoissonDistribution.cdf(-1, mean: 3) == 0)
      #expect(PoissonDistribution.cdf(0, mean: 0) == 1)
      #expect(PoissonDistribution.cdf(2, mean: -1).isNaN)
      #expect(PoissonDistribution.quantile(0.5, mean: 0) == 0)
    }
  }
}
