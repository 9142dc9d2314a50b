/// Locale-free, deterministic number text for output files (no Foundation formatters, so the
/// same value always gives the same bytes on any machine).
public enum NumberFormat {
  /// `value` rounded to `places` decimals, e.g. 1.23456 -> "1.2346"; "" for nil, NaN or infinity.
  public static func fixed(_ value: Double?, _ places: Int) -> String {
    guard let value, value.isFinite else { return "" }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrEven)
    guard scaled < 9.0e18 else { return String(value) }
    let integer = UInt64(scaled)
    let unit = UInt64(scale)
    let whole = integer / unit
    let frac = integer % unit
    var text = (value < 0 && integer > 0) ? "-" : ""
    text += String(whole)
    if places > 0 {
      let digits = String(frac)
      text += "." + String(repeating: "0", count: places - digits.count) + digits
    }
    return text
  }

  /// A whole number with thousands separators for reports: 12,345.
  public static func grouped(_ value: Int) -> String {
    let digits = String(abs(value))
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return value < 0 ? "-" + out : out
  }

  /// A ratio as a percentage with no decimals: 0.4 -> "40%".
  public static func percent(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "—" }
    return fixed(value * 100, 0) + "%"
  }
}
