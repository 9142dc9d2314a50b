import Testing

@testable import Chiiki

extension StatisticsTests {
  @Suite struct FunnelPlotTests {
    // MARK: Ratio limits, Spiegelhalter exact convention (x-axis = E)

    @Test func spiegelhalterAtFifteen() {
      // methods-anchors.md §3.1: at E = 15, 0.4907–1.5055 (95%) and 0.2716–1.8558 (99.8%), 4 decimals.
      let limits = FunnelPlot.ratioLimits(expected: 15)
      #expect(matchesPrinted(limits.lower95, 0.4907, decimals: 4))
      #expect(matchesPrinted(limits.upper95, 1.5055, decimals: 4))
      #expect(matchesPrinted(limits.lower998, 0.2716, decimals: 4))
      #expect(matchesPrinted(limits.upper998, 1.8558, decimals: 4))
    }

    // (E, target, lower998, lower95, upper95, upper998): computed in Python 2026-11-27 with scipy 1.17:
    //   m = E*target; r = poisson.ppf(p, m); a = (poisson.cdf(r, m) - p)/poisson.pmf(r, m);
    //   limit = max(0, (r - a)/E)
    static let exactLimits: [(e: Double, target: Double, l998: Double, l95: Double, u95: Double, u998: Double)] = [
      (0.5, 1.0, 0.0, 0.0, 3.720051822921999, 6.951717961800783),
      (2.0, 1.0, 0.0, 0.0, 2.3831181808575947, 3.5562796229979043),
      (15.0, 1.0, 0.27160380441781323, 0.49065932512438987, 1.5055443627026135, 1.85580761599186),
      (37.5, 1.0, 0.52057375072692, 0.6788223614417574, 1.3196946226420354, 1.5286021854810026),
      (100.0, 1.0, 0.7006528426484401, 0.8036633712174712, 1.1958089485211731, 1.3180475039762414),
      (1234.5, 1.0, 0.9128045630441567, 0.9441937725730983, 1.0557630361404793, 1.0886904373616288),
      (20.0, 1.3, 0.5606895286638914, 0.8005576685544555, 1.7974037465617916, 2.132918071068671),
    ]

    @Test(arguments: exactLimits)
    func exactRatioLimitsMatchScipy(
      value: (e: Double, target: Double, l998: Double, l95: Double, u95: Double, u998: Double)
    ) {
      let limits = FunnelPlot.ratioLimits(expected: value.e, target: value.target)
      #expect(isClose(limits.lower998, value.l998))
      #expect(isClose(limits.lower95, value.l95))
      #expect(isClose(limits.upper95, value.u95))
      #expect(isClose(limits.upper998, value.u998))
    }

    @Test func ratioLimitsWithoutInformation() {
      let limits = FunnelPlot.ratioLimits(expected: 0)
      #expect(limits.lower95 == 0 && limits.upper998 == .infinity)
      #expect(FunnelPlot.label(value: 3, limits: limits) == .within)
    }

    @Test func ratioLimitsWithTau2() {
      // exp(log 1.1 ± z·sqrt(1/40 + 0.02)), z = scipy norm.ppf(0.975) / norm.ppf(0.999), Python 2026-11-27.
      let limits = FunnelPlot.ratioLimits(expected: 40, target: 1.1, tau2: 0.02)
      #expect(isClose(limits.lower95, 0.7258143831052513))
      #expect(isClose(limits.upper95, 1.6670928933968736))
      #expect(isClose(limits.lower998, 0.5710793650310871))
      #expect(isClose(limits.upper998, 2.118794819235209))
    }

    // MARK: PHE ratio funnel (x-axis = O) and its equivalence with the exact Poisson interval

    // PHE testdata_funnel_ratio_outputs.csv (PHEindicatormethods tests/testthat): for observed O,
    // lower_2s_exp_events / upper_2s_exp_events / lower_3s / upper_3s are the E at which O/E reaches the
    // limit, found by bisection on the Poisson CDF. They are the exact (Garwood) bounds of O: the E
    // where the "lower" ratio limit O/E_hi is reached is our exactPoisson(O).upper, and so on. PHE's
    // bisection stops early, so they agree with the exact χ² values only to about 1e-6 relative
    // (scaled by max(1, E)); the exact values themselves are checked at 1e-9 against scipy and PHE's
    // exact x = 1 golden value in ConfidenceIntervalsTests.
    static let pheRatioFunnel: [(o: Double, lower2s: Double, upper2s: Double, lower3s: Double, upper3s: Double)] = [
      (1, 5.571644585, 0.025317898, 9.233410143, 0.001000547),
      (2, 7.224687515, 0.242209467, 11.22886836, 0.04540199),
      (10, 18.39035799, 4.795387629, 24.13397235, 2.960519925),
      (100, 121.6268111, 81.36400699, 134.9243187, 71.92139974),
      (716, 770.4222128, 664.5083011, 802.60414, 636.1521174),
    ]

    @Test(arguments: pheRatioFunnel)
    func pheRatioFunnelEqualsExactInterval(
      row: (o: Double, lower2s: Double, upper2s: Double, lower3s: Double, upper3s: Double)
    ) {
      func agrees(_ ours: Double, _ phe: Double) -> Bool { abs(ours - phe) <= 1e-6 * max(1, abs(phe)) }
      let ci95 = ConfidenceIntervals.exactPoisson(count: row.o, level: 0.95)
      let ci998 = ConfidenceIntervals.exactPoisson(count: row.o, level: 0.998)
      #expect(agrees(ci95.upper, row.lower2s))
      #expect(agrees(ci95.lower, row.upper2s))
      #expect(agrees(ci998.upper, row.lower3s))
      #expect(agrees(ci998.lower, row.upper3s))
    }

    @Test func pheRatioFunnelAtOneObserved() {
      // methods-anchors.md §2.5: O = 1 -> lower_2s_exp_events 5.571644585 (ISR limit 17.948), upper 0.025317898.
      let ci = ConfidenceIntervals.exactPoisson(count: 1, level: 0.95)
      #expect(abs(ci.upper - 5.571644585) <= 1e-6 * 5.571644585)
      #expect(abs(ci.lower - 0.025317898) <= 1e-6)
      // The ISR limit O/E_hi × 100 printed to 3 decimals.
      #expect(matchesPrinted(100 / ci.upper, 17.948, decimals: 3))
    }

    // MARK: Proportion limits

    // PHE testdata_funnel_prop_outputs.csv (PHEindicatormethods tests/testthat; methods-anchors.md §2.5):
    // limits in percent, printed to 6 dp, at the baseline printed as 80.642448%. Rows: n, Lower2s, Upper2s,
    // Lower3s, Upper3s (PHE clamps at 0 and 100, written here as they are).
    static let pheProportionFunnel: [(n: Double, lower2s: Double, upper2s: Double, lower3s: Double, upper3s: Double)] = [
      (1, 3.204264, 100, 0, 100),
      (3, 35.933491, 100, 10.150815, 100),
      (50, 69.691035, 91.593861, 63.375595, 97.909301),
      (1008, 78.203374, 83.081521, 76.796814, 84.488082),
      (110000, 80.408963, 80.875933, 80.274317, 81.010578),
    ]

    @Test(arguments: pheProportionFunnel)
    func pheProportionFunnelGolden(row: (n: Double, lower2s: Double, upper2s: Double, lower3s: Double, upper3s: Double)) {
      let baseline = 0.80642448
      let limits = FunnelPlot.proportionLimits(trials: row.n, target: baseline)
      // Both the outputs and the baseline are rounded to 6 dp (in percent), so the tolerance is half a
      // unit of the output plus the baseline's half unit carried through d(limit)/d(p0) =
      // 1 ∓ z(1 − 2p0)/(2√(p0(1 − p0)n)) (derivative of p0 ± z√(p0(1 − p0)/n)).
      let halfUnit = 5e-7
      func agrees(_ ours: Double, _ printed: Double, z: Double) -> Bool {
        let slope = abs(1 + z * (1 - 2 * baseline) / (2 * (baseline * (1 - baseline) * row.n).squareRoot()))
        return abs(100 * ours - printed) <= halfUnit * (1 + slope) + 1e-12
      }
      let z95 = 1.959963984540054  // scipy.stats.norm.ppf(0.975)
      let z998 = 3.090232306167813  // scipy.stats.norm.ppf(0.999)
      #expect(agrees(limits.lower95, row.lower2s, z: -z95))
      #expect(agrees(limits.upper95, row.upper2s, z: z95))
      #expect(agrees(limits.lower998, row.lower3s, z: -z998))
      #expect(agrees(limits.upper998, row.upper3s, z: z998))
    }

    @Test func pheProportionFunnelFromAnchors() {
      // methods-anchors.md §2.5: n = 1 -> lower 2s 3.204264; n = 3 -> lower 2s 35.933491, lower 3s 10.150815.
      // n = 1 and the n = 3 3s value round to the printed digits exactly; the n = 3 2s value is off by
      // 6.3e-7 (ours 35.9334916), within the baseline-rounding tolerance of the test above.
      let one = FunnelPlot.proportionLimits(trials: 1, target: 0.80642448)
      let three = FunnelPlot.proportionLimits(trials: 3, target: 0.80642448)
      #expect(matchesPrinted(100 * one.lower95, 3.204264, decimals: 6))
      #expect(matchesPrinted(100 * three.lower998, 10.150815, decimals: 6))
      #expect(abs(100 * three.lower95 - 35.933491) < 1e-6)
      // Clamping: at n = 1 the raw 3s lower limit is -41.45% and the raw 2s upper 158.08%.
      #expect(one.lower998 == 0)
      #expect(one.upper95 == 1)
    }

    @Test func proportionNormalLimits() {
      // 0.25 ± z·sqrt(0.25·0.75/40), z from scipy norm.ppf, Python 2026-11-27.
      let limits = FunnelPlot.proportionLimits(trials: 40, target: 0.25)
      #expect(isClose(limits.lower95, 0.11581043922121323))
      #expect(isClose(limits.upper95, 0.38418956077878674))
      #expect(isClose(limits.lower998, 0.03842625724758475))
      #expect(isClose(limits.upper998, 0.46157374275241525))
    }

    @Test func proportionLimitsWithTau2() {
      // sin²(asin√0.3 ± z·sqrt(1/(4·50) + 0.004)), z from scipy norm.ppf, Python 2026-11-27.
      let limits = FunnelPlot.proportionLimits(trials: 50, target: 0.3, tau2: 0.004)
      #expect(isClose(limits.lower95, 0.14715594541619262))
      #expect(isClose(limits.upper95, 0.4801852768072012))
      #expect(isClose(limits.lower998, 0.07984706316660967))
      #expect(isClose(limits.upper998, 0.586962246026088))
    }

    // MARK: Labels

    @Test func labelsAgainstLimits() {
      let limits = FunnelLimits(lower95: 0.8, upper95: 1.2, lower998: 0.6, upper998: 1.5)
      #expect(FunnelPlot.label(value: 1.6, limits: limits) == .high998)
      #expect(FunnelPlot.label(value: 1.3, limits: limits) == .high95)
      #expect(FunnelPlot.label(value: 1.0, limits: limits) == .within)
      #expect(FunnelPlot.label(value: 1.2, limits: limits) == .within)
      #expect(FunnelPlot.label(value: 0.7, limits: limits) == .low95)
      #expect(FunnelPlot.label(value: 0.5, limits: limits) == .low998)
      #expect(FunnelPlot.label(value: .nan, limits: limits) == .within)
    }

    @Test func labelRawValuesMatchContract() {
      #expect(FunnelLabel.allCases.map(\.rawValue) == ["high_99.8", "high_95", "within", "low_95", "low_99.8"])
    }

    @Test func zeroObservedAtTinyExpectedIsNotFlagged() {
      // At E = 2, P(O = 0) = e^-2 = 0.135 > 0.025, so the lower limits are 0 and O = 0 is within.
      let limits = FunnelPlot.ratioLimits(expected: 2)
      #expect(FunnelPlot.label(value: 0, limits: limits) == .within)
      // At E = 15, O = 0 lies below the 99.8% lower limit 0.2716.
      #expect(FunnelPlot.label(value: 0, limits: FunnelPlot.ratioLimits(expected: 15)) == .low998)
    }
  }
}
