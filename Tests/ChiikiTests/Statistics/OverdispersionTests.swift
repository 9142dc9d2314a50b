import Testing

@testable import Chiiki

extension StatisticsTests {
  @Suite struct OverdispersionTests {
    /* Reference values computed 2026-11-27 with numpy/scipy by this script (same formula, written
       independently):

       import numpy as np
       from scipy.stats import chi2
       def est(z, w):
           lo, hi = np.quantile(z, [0.1, 0.9])          # numpy default 'linear' == R type 7
           zw = np.clip(z, lo, hi)
           I = len(z); phi = np.mean(zw**2)
           den = w.sum() - (w**2).sum()/w.sum()
           tau2 = max(0.0, (I*phi - (I-1))/den)
           return phi, tau2, I, bool(phi > 1 and I*phi > chi2.ppf(0.95, I-1))
       O = np.array([0, 4, 35, 18, 70, 30, 95, 60, 160, 80, 210, 150, 330.])
       E = np.array([8, 10, 20, 30, 40, 50, 60, 80, 100, 120, 150, 200, 250.])
       z = np.log(np.where(O == 0, 0.5, O)/E)*np.sqrt(E)               # target 1
       z3 = (np.log(np.where(O == 0, 0.5, O)/E) - np.log(1.2))*np.sqrt(E)  # target 1.2
       x = np.array([5, 40, 20, 60, 30, 90, 60, 170, 110, 250.])
       n = np.array([50, 80, 100, 120, 150, 200, 300, 400, 500, 600.])
       zp = (np.arcsin(np.sqrt(x/n)) - np.arcsin(np.sqrt(0.3)))*2*np.sqrt(n)
       print(est(z, E), est(z3, E), est(zp, 4*n))
    */
    static let observed: [Double] = [0, 4, 35, 18, 70, 30, 95, 60, 160, 80, 210, 150, 330]
    static let expected: [Double] = [8, 10, 20, 30, 40, 50, 60, 80, 100, 120, 150, 200, 250]

    @Test func overdispersedRatios() {
      let result = Overdispersion.ratios(observed: Self.observed, expected: Self.expected)
      #expect(result.units == 13)
      #expect(isClose(result.phi, 13.586902483014718))
      #expect(isClose(result.tau2, 0.16964315798567312))
      #expect(result.isOverdispersed)
    }

    @Test func overdispersedRatiosAroundATarget() {
      let result = Overdispersion.ratios(observed: Self.observed, expected: Self.expected, target: 1.2)
      #expect(isClose(result.phi, 17.009671807913683))
      #expect(isClose(result.tau2, 0.21549418416920207))
      #expect(result.isOverdispersed)
    }

    @Test func calmRatiosHaveNoOverdispersion() {
      // O within ±1 of E: φ = 0.008016194579553633 by the script above applied to these data.
      let observed: [Double] = [10, 21, 29, 40, 51, 59, 80, 101, 119, 150, 201, 249]
      let expected: [Double] = [10, 20, 30, 40, 50, 60, 80, 100, 120, 150, 200, 250]
      let result = Overdispersion.ratios(observed: observed, expected: expected)
      #expect(isClose(result.phi, 0.008016194579553633))
      #expect(result.tau2 == 0)
      #expect(!result.isOverdispersed)
    }

    @Test func overdispersedProportions() {
      let successes: [Double] = [5, 40, 20, 60, 30, 90, 60, 170, 110, 250]
      let trials: [Double] = [50, 80, 100, 120, 150, 200, 300, 400, 500, 600]
      let result = Overdispersion.proportions(successes: successes, trials: trials, target: 0.3)
      #expect(result.units == 10)
      #expect(isClose(result.phi, 16.76333964413186))
      #expect(isClose(result.tau2, 0.01872726243357337))
      #expect(result.isOverdispersed)
    }

    @Test func unusableUnitsAreLeftOut() {
      // Units with E = 0 drop out; the remaining two are exactly on target: φ = 0, τ² = 0.
      let result = Overdispersion.ratios(observed: [3, 5, 10], expected: [0, 5, 10])
      #expect(result.units == 2)
      #expect(result.phi == 0)
      #expect(result.tau2 == 0)
      #expect(!result.isOverdispersed)
    }

    @Test func winsorisationUsesTypeSevenQuantiles() {
      // numpy.quantile([1..10], [0.1, 0.9]) = [1.9, 9.1] (linear, = R type 7).
      let values = (1...10).map(Double.init)
      let clipped = Winsorisation.winsorise(values, fraction: 0.1)
      #expect(isClose(clipped[0], 1.9, relative: 1e-15))
      #expect(isClose(clipped[9], 9.1, relative: 1e-15))
      #expect(clipped[4] == 5)
    }
  }
}
