/// Sex as recorded in the statistics (male or female).
public enum Sex: Int, CaseIterable, Hashable, Comparable, Sendable {
  case male = 0
  case female = 1

  /// The contract's canonical spelling, used in output files.
  public var code: String { self == .male ? "male" : "female" }

  public static func < (lhs: Sex, rhs: Sex) -> Bool { lhs.rawValue < rhs.rawValue }

  /// Parses the spellings the contract accepts: male/female, 男/女, 男性/女性, M/F, 1/2.
  /// Returns nil for anything else (including `unknown`, which only cases.csv allows).
  public static func parse(_ text: String) -> Sex? {
    switch TextNormalizer.normalizeToken(text).lowercased() {
    case "male", "m", "1", "男", "男性", "男子": return .male
    case "female", "f", "2", "女", "女性", "女子": return .female
    default: return nil
    }
  }

  /// True for the spellings of an unknown sex that cases.csv may use.
  public static func isUnknown(_ text: String) -> Bool {
    switch TextNormalizer.normalizeToken(text).lowercased() {
    case "unknown", "不詳", "不明", "?", "u": return true
    default: return false
    }
  }
}
