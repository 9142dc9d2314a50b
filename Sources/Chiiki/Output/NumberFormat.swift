/// Locale-free, deterministic number text for output files (no Foundation formatters, so the
/// same value always gives the same bytes on any machine).
///
/// The digits are written straight into a byte buffer (`appendFixed`), so that large CSV files
/// format millions of numbers without a `String` per number; `fixed` gives the same bytes as text.
public enum NumberFormat {
  /// `value` rounded to `places` decimals, e.g. 1.23456 -> "1.2346"; "" for nil, NaN or infinity.
  ///
  /// Rounding: the double `|value| × 10^places` rounded to the nearest integer, ties to even
  /// (0.125 -> "0.12"; 2.675, just below 2.675 as a double, gives the double 267.5 and so "2.68");
  /// no minus sign when that integer is 0 (-0.0001 -> "0.000"); `String(value)` from 9e18 on.
  public static func fixed(_ value: Double?, _ places: Int) -> String {
    guard let value, value.isFinite else { return "" }
    guard let (integer, unit) = scaled(value, places) else { return String(value) }
    // Through a stack buffer: most numbers fit a small (inline) String, with no allocation.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxDigits) { buffer in
      let count = write(integer, unit: unit, places: places, negative: value < 0, into: buffer.baseAddress!)
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<count]), as: UTF8.self)
    }
  }

  /// Appends `fixed(value, places)` as UTF-8 to `out`, without making a `String` (nothing for
  /// nil, NaN or infinity).
  public static func appendFixed(_ value: Double?, _ places: Int, to out: inout [UInt8]) {
    guard let value, value.isFinite else { return }
    appendFinite(value, places, to: &out)
  }

  static func appendFinite(_ value: Double, _ places: Int, to out: inout [UInt8]) {
    if !appendFixedInRange(value, places, to: &out) { out.append(contentsOf: String(value).utf8) }
  }

  /// Appends the digits of a finite `value` unless it is out of range (|value| × 10^places at
  /// or beyond 9e18, where the text is `String(value)`); false then, with nothing appended.
  static func appendFixedInRange(_ value: Double, _ places: Int, to out: inout [UInt8]) -> Bool {
    guard let (integer, unit) = scaled(value, places) else { return false }
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxDigits) { buffer in
      let count = write(integer, unit: unit, places: places, negative: value < 0, into: buffer.baseAddress!)
      out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<count]))
    }
    return true
  }

  /// Appends `String(value)` as UTF-8 to `out`.
  public static func appendInteger(_ value: Int, to out: inout [UInt8]) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxDigits) { buffer in
      let p = buffer.baseAddress!
      var n = 0
      if value < 0 { p[0] = 0x2D; n = 1 }
      let count = write(UInt64(value.magnitude), unit: 1, places: 0, negative: false, into: p + n)
      out.append(contentsOf: UnsafeBufferPointer(start: p, count: n + count))
    }
  }

  /// Room for the longest text `write` produces (a sign, a point and at most 20 digits, as
  /// the scaled integer is below 9e18 and `10^places` must fit in 64 bits).
  static var maxDigits: Int { 24 }

  /// The rounded magnitude `|value| × 10^places` and `10^places` as integers; nil when the
  /// product is 9e18 or more (then the text is `String(value)`).
  @inline(__always)
  static func scaled(_ value: Double, _ places: Int) -> (integer: UInt64, unit: UInt64)? {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrEven)
    guard scaled < 9.0e18 else { return nil }
    return (UInt64(scaled), UInt64(scale))
  }

  /// Writes `[-]whole[.frac]` for `integer / unit` with `places` decimals at `p`; returns the
  /// byte count. The minus sign only when `negative` and the rounded integer is not 0.
  @inline(__always)
  static func write(_ integer: UInt64, unit: UInt64, places: Int, negative: Bool, into p: UnsafeMutablePointer<UInt8>) -> Int {
    var whole = integer / unit
    var frac = integer % unit
    var n = 0
    if negative && integer > 0 { p[0] = 0x2D; n = 1 }
    var digits = 1
    var rest = whole
    while rest >= 10 { rest /= 10; digits += 1 }
    n += digits
    var q = n
    repeat {
      q -= 1
      p[q] = 0x30 + UInt8(truncatingIfNeeded: whole % 10)
      whole /= 10
    } while whole > 0
    guard places > 0 else { return n }
    p[n] = 0x2E
    n += places + 1
    q = n
    for _ in 0..<places {
      q -= 1
      p[q] = 0x30 + UInt8(truncatingIfNeeded: frac % 10)
      frac /= 10
    }
    return n
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
