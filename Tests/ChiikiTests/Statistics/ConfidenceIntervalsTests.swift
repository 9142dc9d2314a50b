import Testing

@testable import Chiiki

extension StatisticsTests {
  @Suite struct ConfidenceIntervalsTests {
    // MARK: PHEindicatormethods golden values (methods-anchors.md §2.5, from testdata_Byars_Wilson.xlsx
    // and testdata_Rate.xlsx, PHEindicatormethods v2.1.0).

    @Test func pheWilsonOneInHundred() {
      let ci = ConfidenceIntervals.wilson(successes: 1, trials: 100, level: 0.95)
      #expect(isClose(ci.lower, 0.00176743206414065))
      #expect(isClose(ci.upper, 0.0544861961787053))
    }

    @Test func pheByar65() {
      let ci = ConfidenceIntervals.byar(count: 65, level: 0.95)
      #expect(isClose(ci.lower, 50.1631877104595))
      #expect(isClose(ci.upper, 82.8491385459398))
    }

    @Test func pheExactPoissonOne() {
      let ci = ConfidenceIntervals.exactPoisson(count: 1, level: 0.95)
      #expect(isClose(ci.lower, 0.0253178079842899))
      #expect(isClose(ci.upper, 5.571643390938898))
    }

    // MARK: Wilson

    // (x, n, level, lower, upper): the PHE Wilson formula evaluated in Python with
    // z = scipy.stats.norm.ppf(1 - (1 - level)/2), computed 2026-11-27.
    static let wilsonValues: [(x: Double, n: Double, level: Double, lower: Double, upper: Double)] = [
      (0.0, 50.0, 0.95, 0.0, 0.07134759913335871),
      (50.0, 50.0, 0.95, 0.9286524008666412, 1.0),
      (3.0, 40.0, 0.9, 0.030370252611738997, 0.17348017873690036),
      (12.0, 30.0, 0.998, 0.18221014790109882, 0.6660813707506076),
      (0.445, 1.0, 0.95, 0.04381744772058821, 0.9334621276979156),
      (65.0, 100.0, 0.95, 0.5525444329688797, 0.7363575175690247),
    ]

    @Test(arguments: wilsonValues)
    func wilsonMatchesIndependentComputation(value: (x: Double, n: Double, level: Double, lower: Double, upper: Double)) {
      let ci = ConfidenceIntervals.wilson(successes: value.x, trials: value.n, level: value.level)
      #expect(isClose(ci.lower, value.lower))
      #expect(isClose(ci.upper, value.upper))
    }

    @Test func wilsonEndpointsAreExact() {
      // x = 0 -> lower exactly 0; x = n -> upper exactly 1 (PHE: no special case needed, limits of the formula).
      #expect(ConfidenceIntervals.wilson(successes: 0, trials: 7, level: 0.998).lower == 0)
      #expect(ConfidenceIntervals.wilson(successes: 7, trials: 7, level: 0.998).upper == 1)
    }

    @Test func wilsonInvalidInput() {
      #expect(ConfidenceIntervals.wilson(successes: 5, trials: 4, level: 0.95).lower.isNaN)
      #expect(ConfidenceIntervals.wilson(successes: -1, trials: 4, level: 0.95).lower.isNaN)
      #expect(ConfidenceIntervals.wilson(successes: 1, trials: 0, level: 0.95).upper.isNaN)
      #expect(ConfidenceIntervals.wilson(successes: 1, trials: 4, level: 1) == Interval(lower: 0, upper: 1))
    }

    // MARK: Exact Poisson

    // (x, level, lower, upper): scipy.stats.chi2.ppf(a/2, 2x)/2 and chi2.isf(a/2, 2x+2)/2 (lower 0 at
    // x = 0, R's qchisq convention), scipy 1.17, computed 2026-11-27.
    static let exactValues: [(x: Double, level: Double, lower: Double, upper: Double)] = [
      (0.0, 0.95, 0.0, 3.6888794541139354),
      (1.0, 0.95, 0.025317807984289897, 5.571643390938898),
      (3.0, 0.9, 0.8176914471639533, 7.753656527932727),
      (7.0, 0.998, 1.5203362603988093, 19.626177395384232),
      (9.0, 0.95, 4.115373097378334, 17.084803451419166),
      (25.0, 0.998, 12.336952635938632, 44.63607541715224),
      (120.0, 0.95, 99.4919256259387, 143.49058536935226),
      (2.5, 0.95, 0.4156058067433315, 8.006382137314663),
    ]

    @Test(arguments: exactValues)
    func exactPoissonMatchesScipy(value: (x: Double, level: Double, lower: Double, upper: Double)) {
      let ci = ConfidenceIntervals.exactPoisson(count: value.x, level: value.level)
      #expect(isClose(ci.lower, value.lower))
      #expect(isClose(ci.upper, value.upper))
    }

    @Test func exactPoissonZeroHasLowerExactlyZero() {
      let ci = ConfidenceIntervals.exactPoisson(count: 0, level: 0.998)
      #expect(ci.lower == 0)
      // -log(0.001): the x = 0 upper limit solves e^(-U) = α/2 (closed form, no library needed).
      #expect(isClose(ci.upper, 6.907755278982137))
    }

    // MARK: Byar

    // (x, level, lower, upper): Byar's formula in Python with scipy z, computed 2026-11-27.
    // x = 1 at 99.8% has raw lower -0.002814481523183207; we return 0 (PHE returns NA).
    static let byarValues: [(x: Double, level: Double, lower: Double, upper: Double)] = [
      (65.0, 0.95, 50.16318771045943, 82.84913854593984),
      (10.0, 0.998, 2.916318374695686, 24.19372492788055),
      (1045.0, 0.95, 982.5932018073325, 1110.33121298565),
      (1.0, 0.998, 0.0, 9.362180217908362),
    ]

    @Test(arguments: byarValues)
    func byarMatchesIndependentComputation(value: (x: Double, level: Double, lower: Double, upper: Double)) {
      let ci = ConfidenceIntervals.byar(count: value.x, level: value.level)
      #expect(isClose(ci.lower, value.lower))
      #expect(isClose(ci.upper, value.upper))
    }

    @Test func byarAtZero() {
      let ci = ConfidenceIntervals.byar(count: 0, level: 0.95)
      #expect(ci.lower == 0)
      // (1 - 1/9 + z/3)^3 with z = scipy.stats.norm.ppf(0.975), evaluated in Python 2026-11-27.
      #expect(isClose(ci.upper, 3.6680118321737507))
    }

    // MARK: Clopper-Pearson

    // (x, n, level, lower, upper): scipy.stats.beta.ppf(a/2, x, n-x+1), beta.isf(a/2, x+1, n-x),
    // scipy 1.17, computed 2026-11-27.
    static let clopperValues: [(x: Int, n: Int, level: Double, lower: Double, upper: Double)] = [
      (0, 20, 0.95, 0.0, 0.1684334709830853),
      (20, 20, 0.95, 0.8315665290169147, 1.0),
      (1, 10, 0.95, 0.0025285785444617865, 0.4450161170281954),
      (7, 23, 0.9, 0.15247968742967719, 0.49643508371406275),
      (45, 1000, 0.998, 0.027310738425514226, 0.06896355282547147),
      (1, 10000, 0.95, 2.5317775934746887e-06, 0.0005570369979470473),
    ]

    @Test(arguments: clopperValues)
    func clopperPearsonMatchesScipy(value: (x: Int, n: Int, level: Double, lower: Double, upper: Double)) {
      let ci = ConfidenceIntervals.clopperPearson(successes: value.x, trials: value.n, level: value.level)
      #expect(isClose(ci.lower, value.lower))
      #expect(isClose(ci.upper, value.upper))
    }

    @Test func clopperPearsonLargeTrials() {
      // n = 3,000,000, x = 7, 90%: roots of P(Bin(n, π) ≥ a) = 0.05 / 0.95 found with mpmath at 50 digits
      // (exact binomial sum, mpmath.findroot), 2026-11-27. Tolerance 1e-10: at this n the incomplete beta
      // itself is only good to ~1e-11 in double precision (scipy's beta.isf is off by 1e-11 here too).
      let ci = ConfidenceIntervals.clopperPearson(successes: 7, trials: 3_000_000, level: 0.9)
      #expect(isClose(ci.lower, 1.0951057261095128569e-6, relative: 1e-10))
      #expect(isClose(ci.upper, 4.3827001099169974277e-6, relative: 1e-10))
    }

    // MARK: z

    @Test func zValues() {
      // scipy.stats.norm.ppf(0.975), .ppf(0.999), .ppf(0.95), computed 2026-11-27.
      #expect(isClose(ConfidenceIntervals.zValue(level: 0.95), 1.959963984540054, relative: 1e-14))
      #expect(isClose(ConfidenceIntervals.zValue(level: 0.998), 3.090232306167813, relative: 1e-14))
      #expect(isClose(ConfidenceIntervals.zValue(level: 0.9), 1.6448536269514722, relative: 1e-14))
      #expect(ConfidenceIntervals.zValue(level: 0).isNaN)
    }
  }
}
