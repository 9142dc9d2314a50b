/// Everything the generator decides about one district before writing any file.
struct DistrictPlan: Sendable {
  /// Index into the layout's town names.
  var town: Int
  /// 丁目 number, or 0 for a town without 丁目.
  var chome: Int
  /// Index into the layout's areas.
  var area: Int
  var kind: DistrictKind
  /// Population the district is drawn around.
  var targetSize: Double
  /// Need multipliers (unemployment, welfare, ltc) at the current and the previous period.
  var need: SIMD3<Double>
  var previousNeed: SIMD3<Double>
  /// District factor on labour-force participation.
  var participation: Double
  /// Share of the population aged 65+ is pushed up (>1) or down (<1) by this.
  var ageing: Double
  var reach: Double = 1
  var reachClass: ReachClass = .normal
  var highNeed = false
  /// Tiny district: its small unemployment cells are suppressed (`X`), as e-Stat does.
  var tiny = false
  /// Its zero numerators are written `-`, as in an e-Stat download.
  var estatStyle = false

  // Filled from the generated population.
  var population = 0
  var households = 0
  /// Expected counts (unemployed, welfare, ltc) at the current period with and without need.
  var expected: SIMD3<Double> = .zero
  var baseline: SIMD3<Double> = .zero
  /// Expected new consultations per month (before seasonality).
  var monthlyConsultations = 0.0
}
