import Testing

@testable import Chiiki

extension StatisticsTests {
  @Suite struct NormalDistributionTests {
    // scipy.stats.norm.ppf(p), scipy 1.17, computed 2026-11-27.
    static let quantiles: [(p: Double, z: Double)] = [
      (1e-300, -37.0470962993612),
      (1e-100, -21.273453560965322),
      (1e-20, -9.262340089798409),
      (1e-10, -6.361340902404056),
      (1e-05, -4.264890793922825),
      (0.001, -3.090232306167813),
      (0.025, -1.9599639845400545),
      (0.1, -1.2815515655446004),
      (0.3, -0.5244005127080409),
      (0.5, 0.0),
      (0.7, 0.5244005127080407),
      (0.975, 1.959963984540054),
      (0.999, 3.090232306167813),
      (0.99999, 4.264890793923841),
      (0.9999999999, 6.361340889697422),
    ]

    // scipy.stats.norm.cdf(x), scipy 1.17, computed 2026-11-27.
    static let cdfValues: [(x: Double, p: Double)] = [
      (-37.0, 5.7255712225239266e-300),
      (-20.0, 2.7536241186061556e-89),
      (-10.0, 7.61985302416047e-24),
      (-6.0, 9.865876450376946e-10),
      (-3.090232306167813, 0.0009999999999999998),
      (-1.96, 0.024997895148220435),
      (-0.5, 0.3085375387259869),
      (0.0, 0.5),
      (0.3, 0.6179114221889526),
      (1.0, 0.8413447460685429),
      (1.959963984540054, 0.975),
      (3.0, 0.9986501019683699),
      (5.0, 0.9999997133484281),
      (8.0, 0.9999999999999993),
    ]

    @Test(arguments: quantiles)
    func quantileMatchesScipy(point: (p: Double, z: Double)) {
      #expect(isClose(NormalDistribution.quantile(point.p), point.z, relative: 1e-12))
    }

    @Test(arguments: cdfValues)
    func cdfMatchesScipy(point: (x: Double, p: Double)) {
      #expect(isClose(NormalDistribution.cdf(point.x), point.p, relative: 1e-12))
    }

    @Test func quantileEdgesAndInvalidInput() {
      #expect(NormalDistribution.quantile(0) == -.infinity)
      #expect(NormalDistribution.quantile(1) == .infinity)
      #expect(NormalDistribution.quantile(-0.1).isNaN)
      #expect(NormalDistribution.quantile(1.5).isNaN)
    }

    @Test func quantileIsAntisymmetric() {
      // Φ⁻¹(1 − p) = −Φ⁻¹(p) for p whose complement is exact in binary (p = k/64).
      for k in 1..<32 {
        let p = Double(k) / 64
        #expect(NormalDistribution.quantile(1 - p) == -NormalDistribution.quantile(p))
      }
    }
  }
}
