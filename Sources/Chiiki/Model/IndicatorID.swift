/// The identifier of a need indicator (`unemployment`, `welfare`, `ltc`, or any the user adds).
/// Indicators are data, not code: labels, direction and weight come from the configuration.
public struct IndicatorID: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }
  public static func < (lhs: IndicatorID, rhs: IndicatorID) -> Bool {
    lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
  }
}

/// A consultation category (主訴), e.g. 経済的困窮 or 就労; free text from cases.csv.
public struct CaseCategory: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }
  public static func < (lhs: CaseCategory, rhs: CaseCategory) -> Bool {
    lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
  }
}
