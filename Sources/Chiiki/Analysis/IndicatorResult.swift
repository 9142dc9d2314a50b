/// One district x indicator: indirect standardisation, intervals, funnel position, smoothing
/// and trend. Column definitions follow data-contract.md.
///
/// Stored compactly (96 bytes instead of ~240: there is one per district and indicator, 660,000
/// at national scale): values that follow exactly from others are computed on access by the
/// very expression that used to fill them (O/E, O/denominator, presence of the intervals), the
/// indicator is a code into `IndicatorCodes`, and the previous-period part lives in a side store
/// shared by the indicator's results (`IndicatorTrend`, nil without a previous period). Every
/// value read is bit for bit the one stored before.
public struct IndicatorResult: Sendable {
  /// O: the numerator summed over the included sex x age cells.
  public var observed: Double
  /// E: sum over cells of denominator x reference rate of the cell.
  public var expected: Double
  /// Sum of denominators over included cells.
  public var denominator: Double
  private var ratioLower: Double
  private var ratioUpper: Double
  private var crudeLower: Double
  private var crudeUpper: Double
  /// Empirical-Bayes (Poisson-Gamma) smoothed ratio, and its shrinkage weight (0 = all prior).
  public var smoothedRatio: Double
  public var shrinkageWeight: Double
  private let trend: IndicatorTrend?
  private var districtIndex: UInt32
  private var excluded: UInt32
  private var indicatorCode: UInt32
  /// Funnel-plot label at the limits used (over-dispersion adjusted when detected).
  public var funnel: FunnelLabel
  /// Label against the plain Poisson limits.
  public var funnelUnadjusted: FunnelLabel

  /// A result from its parts. `ratioInterval` is kept only when E > 0 and `crudeInterval` only
  /// when the denominator is > 0 (the only cases in which the engine makes them); `trend` is
  /// the indicator's previous-period store, which holds this district's entry.
  init(
    district: Int, indicatorCode: UInt32, totals: IndirectStandardisation.Totals, ratioInterval: Interval?,
    crudeInterval: Interval?, smoothedRatio: Double, shrinkageWeight: Double, funnel: FunnelLabel,
    funnelUnadjusted: FunnelLabel, trend: IndicatorTrend?
  ) {
    observed = totals.observed
    expected = totals.expected
    denominator = totals.denominator
    ratioLower = ratioInterval?.lower ?? .nan
    ratioUpper = ratioInterval?.upper ?? .nan
    crudeLower = crudeInterval?.lower ?? .nan
    crudeUpper = crudeInterval?.upper ?? .nan
    self.smoothedRatio = smoothedRatio
    self.shrinkageWeight = shrinkageWeight
    self.trend = trend
    districtIndex = UInt32(district)
    excluded = UInt32(totals.excludedCells)
    self.indicatorCode = indicatorCode
    self.funnel = funnel
    self.funnelUnadjusted = funnelUnadjusted
  }

  public var district: Int {
    get { Int(districtIndex) }
    set { districtIndex = UInt32(newValue) }
  }

  public var indicator: IndicatorID { IndicatorCodes.shared.indicator(indicatorCode) }

  /// O / E, or nil when E = 0.
  public var ratio: Double? { expected > 0 ? observed / expected : nil }

  /// Exact Poisson interval of O divided by E (nil when E = 0).
  public var ratioInterval: Interval? { expected > 0 ? Interval(lower: ratioLower, upper: ratioUpper) : nil }

  /// O / denominator, with a Wilson score interval (nil when the denominator is 0).
  public var crudeRate: Double? { denominator > 0 ? observed / denominator : nil }
  public var crudeInterval: Interval? { denominator > 0 ? Interval(lower: crudeLower, upper: crudeUpper) : nil }

  /// Cells left out because they were suppressed or unavailable.
  public var excludedCells: Int {
    get { Int(excluded) }
    set { excluded = UInt32(newValue) }
  }

  /// Ratio in the previous period (nil without one, or when its E = 0).
  public var previousRatio: Double? { trend?.previousRatio(district: district) }

  /// The comparison of the two periods' ratios (nil unless both have E > 0).
  public var change: RatioComparison? { trend?.change(district: district, observedNow: observed, expectedNow: expected) }
}
