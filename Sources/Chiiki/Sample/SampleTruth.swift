/// How well the centre reaches a district, as planted by the generator.
public enum ReachClass: String, Sendable, Hashable {
  /// The centre hears from the district about as often as its need predicts.
  case normal
  /// Well under-reached (reach 0.3–0.5): the gap the tool must find.
  case under
  /// Over-reached (reach 1.5–2): e.g. next door to the centre.
  case over
}

/// What the generator planted in one district; never written into the data folder.
public struct DistrictTruth: Sendable, Hashable {
  public let code: DistrictCode
  public let name: String
  public let area: String
  public let kind: DistrictKind
  /// Population at the current period.
  public let population: Int
  public let households: Int
  /// Need multipliers against the national sex x age rates at the current period
  /// (unemployment, welfare, ltc); 1 = national level.
  public let unemploymentNeed: Double
  public let welfareNeed: Double
  public let ltcNeed: Double
  /// The same one year earlier.
  public let previousUnemploymentNeed: Double
  public let previousWelfareNeed: Double
  public let previousLTCNeed: Double
  /// Expected counts at the current period (unemployed, assisted persons, certified persons)
  /// given the district's population and need.
  public let expectedUnemployed: Double
  public let expectedWelfare: Double
  public let expectedLTC: Double
  /// Factor by which the centre's consultations from here fall short of (or exceed) its need.
  public let reach: Double
  public let reachClass: ReachClass
  /// Planted as a high-need hot spot.
  public let highNeed: Bool
  /// New consultations expected per month (before seasonality).
  public let expectedMonthlyConsultations: Double
}

/// The planted truth of a generated city, for tests and for judging the tool's findings.
public struct SampleTruth: Sendable, Hashable {
  /// One entry per district, in district order.
  public let districts: [DistrictTruth]
  /// The area (日常生活圏域) with the highest true unemployment need; it has no 中間的就労 resource.
  public let gapArea: String
  /// All areas in order.
  public let areas: [String]

  /// The districts planted as under-reached.
  public var underReached: [DistrictTruth] { districts.filter { $0.reachClass == .under } }
}
