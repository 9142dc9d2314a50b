/// A closed age range in whole years (`15-19`) or an open top band (`85+`).
public struct AgeBand: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The first age in the band.
  public let lower: Int
  /// The last age in the band (inclusive), or nil for an open top band such as 85+.
  public let upper: Int?

  public init(lower: Int, upper: Int?) {
    self.lower = lower
    self.upper = upper
  }

  /// The contract's spelling: `15-19` or `85+`.
  public var description: String {
    if let upper { return "\(lower)-\(upper)" }
    return "\(lower)+"
  }

  /// The Japanese display form: `15〜19歳` or `85歳以上`.
  public var japanese: String {
    if let upper { return "\(lower)〜\(upper)歳" }
    return "\(lower)歳以上"
  }

  /// One past the last age (nil for an open band), so bands tile when one's end is the next's start.
  public var end: Int? { upper.map { $0 + 1 } }

  /// True when every age of `other` lies in this band.
  public func contains(_ other: AgeBand) -> Bool {
    guard other.lower >= lower else { return false }
    guard let upper else { return true }
    guard let otherUpper = other.upper else { return false }
    return otherUpper <= upper
  }

  public static func < (lhs: AgeBand, rhs: AgeBand) -> Bool {
    if lhs.lower != rhs.lower { return lhs.lower < rhs.lower }
    return (lhs.upper ?? Int.max) < (rhs.upper ?? Int.max)
  }

  /// Parses `15-19`, `85+`, `15〜19歳`, `15～19歳`, `15歳～19歳`, `85歳以上`, `100歳以上`, `85-`,
  /// single years (`7`, `7歳`) and full-width digits. Returns nil for anything else.
  public static func parse(_ text: String) -> AgeBand? {
    var token = TextNormalizer.normalizeToken(text)
    token.removeAll { $0 == " " || $0 == "歳" || $0 == "才" }
    if token.hasSuffix("以上") {
      return Int(token.dropLast(2)).flatMap { $0 >= 0 && $0 < 150 ? AgeBand(lower: $0, upper: nil) : nil }
    }
    if token.hasSuffix("+") {
      return Int(token.dropLast()).flatMap { $0 >= 0 && $0 < 150 ? AgeBand(lower: $0, upper: nil) : nil }
    }
    let scalars = Array(token.unicodeScalars)
    if let sep = scalars.firstIndex(where: { TextNormalizer.rangeSeparators.contains($0) }) {
      let left = String(String.UnicodeScalarView(scalars[..<sep]))
      let right = String(String.UnicodeScalarView(scalars[(sep + 1)...]))
      guard let low = Int(left), low >= 0, low < 150 else { return nil }
      if right.isEmpty { return AgeBand(lower: low, upper: nil) }
      guard let high = Int(right), high >= low, high < 150 else { return nil }
      return AgeBand(lower: low, upper: high)
    }
    if let single = Int(token), single >= 0, single < 150 { return AgeBand(lower: single, upper: single) }
    return nil
  }

  /// True for the spellings of an unknown age that cases.csv may use.
  public static func isUnknown(_ text: String) -> Bool {
    switch TextNormalizer.normalizeToken(text).lowercased() {
    case "unknown", "不詳", "年齢不詳", "不明", "?": return true
    default: return false
    }
  }
}
