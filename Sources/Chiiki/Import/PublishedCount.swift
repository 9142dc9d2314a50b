/// One published count cell as the importers read it: a number, or one of the publishers'
/// symbols for "no figure" (e-Stat `X`, `…`, `***`), or an empty cell.
public enum PublishedCount: Hashable, Sendable {
  /// A whole number of persons or households (`-` reads as `count(0)`: 該当数値なし).
  case count(Int)
  /// Suppressed or not available (`X`, `…`, `...`, `***`): missing, never zero.
  case suppressed
  /// An empty cell; what it means is decided by the importer that read it.
  case blank

  /// The number, or nil when the cell holds none.
  public var value: Int? {
    if case .count(let n) = self { return n }
    return nil
  }

  /// Reads a cell: digits (with optional thousands separators or full-width digits), the
  /// dashes that mean zero, the suppression symbols, or blank. Returns nil for anything else.
  public static func parse(_ text: String) -> PublishedCount? {
    let token = TextNormalizer.normalizeToken(text)
    if token.isEmpty { return .blank }
    switch token {
    case "-", "\u{2212}", "\u{2010}", "\u{2013}", "\u{2014}", "\u{2015}": return .count(0)
    case "X", "x", "\u{2026}", "...", "***", "\u{FF65}\u{FF65}\u{FF65}", "*": return .suppressed
    default: break
    }
    var digits = Substring(token)
    if digits.contains(",") {
      // Thousands separators only in their proper places: 1,234 or 12,345,678.
      let groups = digits.split(separator: ",", omittingEmptySubsequences: false)
      guard let head = groups.first, (1...3).contains(head.count),
        groups.dropFirst().allSatisfy({ $0.count == 3 })
      else { return nil }
      digits = Substring(groups.joined())
    }
    guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy(\.isASCIIDigitChar), let n = Int(digits) else {
      return nil
    }
    return .count(n)
  }
}
