/// Why a period could not be read, for the diagnostic that names the cell.
public enum PeriodParseError: Error, Equatable, Sendable {
  case unreadable
  case impossible(String)
}

extension Period {
  /// Parses `2026-10`, `2026/10`, `202610`, `2026-10-01`, `2026/1/1`, `2026年10月`, `2026`,
  /// and 和暦 such as `令和8年10月`, `令和元年5月`, `平成31年4月`, `R8.10`, `R8年`.
  /// A day, where given, is checked and dropped. Months outside 1–12 and era dates that never
  /// existed (令和元年1月) are `impossible`.
  public static func parse(_ text: String) throws(PeriodParseError) -> Period {
    let token = TextNormalizer.normalizeToken(text)
    if token.isEmpty { throw .unreadable }
    if let era = WarekiEra.leading(token) {
      return try parseWareki(era: era.era, rest: era.rest)
    }
    var digits = token
    if digits.hasSuffix("月") || digits.hasSuffix("日") || digits.hasSuffix("年") {
      digits = digits.replacingAll(["年": "-", "月": "-", "日": ""])
      while digits.hasSuffix("-") { digits.removeLast() }
    }
    let parts = digits.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
    guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitChar) }) else { throw .unreadable }
    switch parts.count {
    case 1:
      let p = parts[0]
      if p.count == 4, let y = Int(p) { return try validated(year: y, month: nil) }
      if p.count == 6, let y = Int(p.prefix(4)), let m = Int(p.suffix(2)) { return try validated(year: y, month: m) }
      if p.count == 8, let y = Int(p.prefix(4)), let m = Int(p.dropFirst(4).prefix(2)), let d = Int(p.suffix(2)) {
        return try validated(year: y, month: m, day: d)
      }
      throw .unreadable
    case 2:
      guard parts[0].count == 4, let y = Int(parts[0]), parts[1].count <= 2, let m = Int(parts[1]) else { throw .unreadable }
      return try validated(year: y, month: m)
    case 3:
      guard parts[0].count == 4, let y = Int(parts[0]), parts[1].count <= 2, let m = Int(parts[1]),
        parts[2].count <= 2, let d = Int(parts[2])
      else { throw .unreadable }
      return try validated(year: y, month: m, day: d)
    default:
      throw .unreadable
    }
  }

  private static func validated(year: Int, month: Int?, day: Int? = nil) throws(PeriodParseError) -> Period {
    guard (1868...2200).contains(year) else { throw .impossible("year \(year) is out of range") }
    if let month, !(1...12).contains(month) { throw .impossible("month \(month) does not exist") }
    if let day, let month {
      let days = [31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
      if !(1...days[month - 1]).contains(day) { throw .impossible("\(year)-\(month) has no day \(day)") }
    }
    return Period(year: year, month: month)
  }

  private static func parseWareki(era: WarekiEra, rest: String) throws(PeriodParseError) -> Period {
    var body = rest
    var eraYear: Int
    if body.hasPrefix("元") {
      eraYear = 1
      body.removeFirst()
    } else {
      let digits = body.prefix(while: \.isASCIIDigitChar)
      guard let y = Int(digits), y >= 1 else { throw .unreadable }
      // Bounded before any arithmetic: 令和9223372036854775807年 overflowed (a trap, found by hardening).
      guard y <= 999 else { throw .impossible("\(era.kanji)\(y)年 did not exist") }
      eraYear = y
      body.removeFirst(digits.count)
    }
    if body.hasPrefix("年") || body.hasPrefix(".") || body.hasPrefix("/") || body.hasPrefix("-") { body.removeFirst() }
    let year = era.firstYear + eraYear - 1
    if body.isEmpty || body == "度" {
      if eraYear > era.lastEraYear { throw .impossible("\(era.kanji)\(eraYear)年 did not exist") }
      return Period(year: year, month: nil)
    }
    let monthDigits = body.prefix(while: \.isASCIIDigitChar)
    guard let month = Int(monthDigits) else { throw .unreadable }
    body.removeFirst(monthDigits.count)
    if body.hasPrefix("月") { body.removeFirst() }
    if body.hasPrefix(".") || body.hasPrefix("/") || body.hasPrefix("-") { body.removeFirst() }
    var day: Int? = nil
    if !body.isEmpty {
      let dayDigits = body.prefix(while: \.isASCIIDigitChar)
      guard let d = Int(dayDigits) else { throw .unreadable }
      body.removeFirst(dayDigits.count)
      guard body.isEmpty || body == "日" else { throw .unreadable }
      day = d
    }
    let period = try validated(year: year, month: month, day: day)
    guard era.contains(period) else {
      throw .impossible("\(era.kanji)\(eraYear == 1 ? "元" : String(eraYear))年\(month)月 did not exist")
    }
    return period
  }
}

extension Character {
  var isASCIIDigitChar: Bool { ("0"..."9").contains(self) }
}

extension String {
  func replacingAll(_ map: [Character: String]) -> String {
    var out = ""
    for c in self { out += map[c] ?? String(c) }
    return out
  }
}
