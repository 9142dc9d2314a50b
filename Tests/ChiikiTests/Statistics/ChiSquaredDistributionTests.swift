import Testing

@testable import Chiiki

extension StatisticsTests {
  @Suite struct ChiSquaredDistributionTests {
    // (df, p, x): scipy.stats.chi2.ppf(p, df), scipy 1.17, computed 2026-11-27.
    static let quantiles: [(df: Double, p: Double, x: Double)] = [
      (0.5, 1e-10, 1.3499395786223568e-40),
      (0.5, 0.001, 1.3499395786230753e-12),
      (0.5, 0.025, 5.273202591259991e-07),
      (0.5, 0.5, 0.0873476047057468),
      (0.5, 0.975, 3.433235299960771),
      (0.5, 0.999, 8.752888515773373),
      (1.0, 1e-10, 1.570796326794896e-20),
      (1.0, 0.001, 1.5707971492624921e-06),
      (1.0, 0.025, 0.0009820691171752555),
      (1.0, 0.5, 0.454936423119572),
      (1.0, 0.975, 5.023886187314888),
      (1.0, 0.999, 10.827566170662733),
      (2.0, 1e-10, 2.0000000000999938e-10),
      (2.0, 0.001, 0.002001000667167068),
      (2.0, 0.025, 0.05063561596857975),
      (2.0, 0.5, 1.386294361119891),
      (2.0, 0.975, 7.377758908227871),
      (2.0, 0.999, 13.815510557964274),
      (3.0, 1e-10, 5.20939762143448e-07),
      (3.0, 0.001, 0.024297585815692732),
      (3.0, 0.025, 0.21579528262389785),
      (3.0, 0.5, 2.3659738843753377),
      (3.0, 0.975, 9.348403604496148),
      (3.0, 0.999, 16.26623619623813),
      (5.0, 1e-10, 0.00032335571462496966),
      (5.0, 0.001, 0.2102126026292192),
      (5.0, 0.025, 0.8312116134866625),
      (5.0, 0.5, 4.351460191095526),
      (5.0, 0.975, 12.832501994030027),
      (5.0, 0.999, 20.515005652432873),
      (10.0, 1e-10, 0.05233106563190542),
      (10.0, 0.001, 1.4787434638356647),
      (10.0, 0.025, 3.2469727802368413),
      (10.0, 0.5, 9.34181776559197),
      (10.0, 0.975, 20.483177350807388),
      (10.0, 0.999, 29.58829844507442),
      (20.0, 1e-10, 0.9454441852127045),
      (20.0, 0.001, 5.92104074548752),
      (20.0, 0.025, 9.590777392264867),
      (20.0, 0.5, 19.337429229428256),
      (20.0, 0.975, 34.16960690283833),
      (20.0, 0.999, 45.31474661812586),
      (50.0, 1e-10, 9.771114875877126),
      (50.0, 0.001, 24.67390527187726),
      (50.0, 0.025, 32.357363695658655),
      (50.0, 0.5, 49.33493673397683),
      (50.0, 0.975, 71.42019518750642),
      (50.0, 0.999, 86.66081519040317),
      (100.0, 1e-10, 34.399823909124784),
      (100.0, 0.001, 61.91793920693662),
      (100.0, 0.025, 74.22192747492373),
      (100.0, 0.5, 99.33412923598846),
      (100.0, 0.975, 129.5611971858366),
      (100.0, 0.999, 149.44925277903886),
      (200.0, 1e-10, 97.76618410759188),
      (200.0, 0.001, 143.8427949900008),
      (200.0, 0.025, 162.72798250184627),
      (200.0, 0.5, 199.33372983863097),
      (200.0, 0.975, 241.05789550631093),
      (200.0, 0.999, 267.5405278227572),
    ]

    @Test(arguments: quantiles)
    func quantileMatchesScipy(point: (df: Double, p: Double, x: Double)) {
      #expect(isClose(ChiSquaredDistribution.quantile(point.p, degreesOfFreedom: point.df), point.x))
    }

    // Regression points for the inversion far in the tails (bracketing and starting value), from
    // scipy.stats.chi2.ppf / chi2.isf, scipy 1.17, computed 2026-11-27.
    @Test func extremeTails() {
      #expect(isClose(ChiSquaredDistribution.quantile(1e-12, degreesOfFreedom: 20000), 18625.257939708452))
      #expect(isClose(ChiSquaredDistribution.quantile(1e-300, degreesOfFreedom: 20.1), 1.2825755544094438e-29))
      #expect(isClose(ChiSquaredDistribution.quantile(1e-300, degreesOfFreedom: 3), 2.4179879310247908e-200))
      #expect(isClose(ChiSquaredDistribution.quantile(0.001, degreesOfFreedom: 0.02), 1.132147629412453e-300))
      #expect(isClose(ChiSquaredDistribution.upperQuantile(1e-12, degreesOfFreedom: 150), 305.8476894344141))
    }

    @Test func zeroDegreesOfFreedomGivesZeroLikeR() {
      // R: qchisq(0.025, 0) == 0 (scipy gives NaN); PHE's exact lower limit at x = 0 relies on it.
      #expect(ChiSquaredDistribution.quantile(0.025, degreesOfFreedom: 0) == 0)
      #expect(ChiSquaredDistribution.quantile(0.999, degreesOfFreedom: 0) == 0)
    }

    @Test func edgesAndInvalidInput() {
      #expect(ChiSquaredDistribution.quantile(0, degreesOfFreedom: 3) == 0)
      #expect(ChiSquaredDistribution.quantile(1, degreesOfFreedom: 3) == .infinity)
      #expect(ChiSquaredDistribution.quantile(0.5, degreesOfFreedom: -1).isNaN)
      #expect(ChiSquaredDistribution.quantile(1.2, degreesOfFreedom: 3).isNaN)
    }

    @Test func cdfInvertsQuantile() {
      // chi2.cdf(7.377758908227871, 2) = 0.975 (scipy, computed 2026-11-27).
      #expect(isClose(ChiSquaredDistribution.cdf(7.377758908227871, degreesOfFreedom: 2), 0.975, relative: 1e-12))
    }
  }
}
