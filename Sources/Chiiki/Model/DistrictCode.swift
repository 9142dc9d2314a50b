/// The key of a district (e.g. a 町丁字コード), kept as text so that leading zeros survive.
public struct DistrictCode: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The code exactly as written in the input, trimmed of surrounding spaces.
  public let rawValue: String

  public init(_ rawValue: String) { self.rawValue = rawValue }

  public var description: String { rawValue }

  /// Codes sort numerically when both are all digits of equal length, otherwise by their bytes,
  /// so that outputs have one stable order whatever the input row order.
  public static func < (lhs: DistrictCode, rhs: DistrictCode) -> Bool {
    lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
  }
}

/// A district as declared in districts.csv.
public struct District: Hashable, Sendable {
  public var code: DistrictCode
  public var name: String
  /// Larger grouping for roll-ups (日常生活圏域, 中学校区), if given.
  public var area: String?
  /// Households, used to size leaflet runs, if given.
  public var households: Int?

  public init(code: DistrictCode, name: String, area: String? = nil, households: Int? = nil) {
    self.code = code
    self.name = name
    self.area = area
    self.households = households
  }
}
