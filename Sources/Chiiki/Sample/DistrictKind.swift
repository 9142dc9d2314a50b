/// The kind of neighbourhood a district is, which shapes its age structure and its need.
public enum DistrictKind: String, CaseIterable, Sendable, Hashable {
  /// 中心市街地: young single adults, few children, some poverty.
  case centre
  /// 旧市街・下町: ageing old town.
  case oldTown = "old_town"
  /// 新興住宅地: young families.
  case suburb
  /// 公営住宅団地: many elderly, high public assistance.
  case publicHousing = "public_housing"
  /// 農村部: small, ageing.
  case rural

  /// Relative weight of each age band against the national structure.
  var ageTilt: [Double] {
    switch self {
    case .centre:
      return [0.6, 0.55, 0.55, 0.8, 1.7, 1.8, 1.5, 1.2, 1.0, 1.0, 1.0, 0.95, 0.9, 0.85, 0.8, 0.8, 0.8, 0.8]
    case .oldTown:
      return [0.7, 0.7, 0.75, 0.8, 0.8, 0.75, 0.75, 0.8, 0.85, 0.95, 1.05, 1.1, 1.15, 1.25, 1.3, 1.4, 1.5, 1.55]
    case .suburb:
      return [1.6, 1.7, 1.6, 1.2, 0.8, 0.9, 1.3, 1.5, 1.45, 1.25, 1.1, 0.95, 0.8, 0.7, 0.6, 0.55, 0.5, 0.45]
    case .publicHousing:
      return [0.6, 0.6, 0.65, 0.7, 0.7, 0.65, 0.65, 0.7, 0.75, 0.85, 0.95, 1.05, 1.2, 1.5, 1.8, 1.9, 1.9, 1.7]
    case .rural:
      return [0.65, 0.7, 0.8, 0.85, 0.55, 0.55, 0.6, 0.7, 0.8, 0.95, 1.05, 1.15, 1.3, 1.45, 1.5, 1.5, 1.6, 1.8]
    }
  }

  /// Typical population, before district-level noise.
  var typicalSize: Double {
    switch self {
    case .centre: return 3_400
    case .oldTown: return 2_800
    case .suburb: return 3_600
    case .publicHousing: return 3_000
    case .rural: return 1_100
    }
  }

  /// Typical need multipliers (unemployment, welfare, ltc) against the national rates.
  var needTilt: (unemployment: Double, welfare: Double, ltc: Double) {
    switch self {
    case .centre: return (1.25, 1.3, 1.05)
    case .oldTown: return (1.05, 1.15, 1.0)
    case .suburb: return (0.85, 0.6, 0.95)
    case .publicHousing: return (1.3, 2.0, 1.12)
    case .rural: return (0.85, 0.75, 0.92)
    }
  }
}
