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
    // Through a stack buffer: most numbers fit a small (inline) String, with no allocation.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxDigits) { buffer in
      guard let count = writeFixedInRange(value, places, into: buffer.baseAddress!) else { return String(value) }
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
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxDigits) { buffer in
      guard let count = writeFixedInRange(value, places, into: buffer.baseAddress!) else { return false }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<count]))
      return true
    }
  }

  /// `appendFixedInRange` written straight into a CSV document's free room (no temporary
  /// buffer, no copy), after a comma when `comma` (a CSV cell's separator: one reservation of
  /// room for both). Nothing is appended, not even the comma, when it returns false.
  @inline(__always)
  static func appendFixedInRange(_ value: Double, _ places: Int, to out: inout CSVBytes, comma: Bool = false) -> Bool {
    let p = out.reserve(maxDigits + 1)
    let n = comma ? 1 : 0
    guard let count = writeFixedInRange(value, places, into: p + n) else { return false }
    if comma { p[0] = 0x2C }
    out.commit(n &+ count)
    return true
  }

  /// `appendInteger` written straight into a CSV document's free room, after a comma when
  /// `comma` (as `appendFixedInRange`).
  @inline(__always)
  static func appendInteger(_ value: Int, to out: inout CSVBytes, comma: Bool = false) {
    let p = out.reserve(maxDigits + 1)
    let n = comma ? 1 : 0
    if comma { p[0] = 0x2C }
    out.commit(n &+ writeInteger(value, into: p + n))
  }

  /// Appends `String(value)` as UTF-8 to `out`.
  public static func appendInteger(_ value: Int, to out: inout [UInt8]) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxDigits) { buffer in
      let count = writeInteger(value, into: buffer.baseAddress!)
      out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<count]))
    }
  }

  /// Writes the digits of `fixed(value, places)` for a finite `value` at `p` (at most
  /// `maxDigits` bytes) and returns their count; nil, with nothing written, when the value is
  /// out of range (|value| × 10^places at or beyond 9e18, where the text is `String(value)`).
  /// Every writer of fixed-point cells goes through here.
  @inline(__always)
  static func writeFixedInRange(_ value: Double, _ places: Int, into p: UnsafeMutablePointer<UInt8>) -> Int? {
    guard let (integer, unit) = scaled(value, places) else { return nil }
    return write(integer, unit: unit, places: places, negative: value < 0, into: p)
  }

  /// Writes `String(value)` for a whole number at `p` (at most `maxDigits` bytes) and returns
  /// the byte count.
  @inline(__always)
  static func writeInteger(_ value: Int, into p: UnsafeMutablePointer<UInt8>) -> Int {
    let n = value < 0 ? 1 : 0
    if value < 0 { p[0] = 0x2D }
    return n &+ write(UInt64(value.magnitude), unit: 1, places: 0, negative: false, into: p + n)
  }

  /// Room for the longest text `write` produces (a sign, a point and at most 20 digits, as
  /// the scaled integer is below 9e18 and `10^places` must fit in 64 bits).
  static var maxDigits: Int { 24 }

  /// The rounded magnitude `|value| × 10^places` and `10^places` as integers; nil when the
  /// product is 9e18 or more (then the text is `String(value)`).
  @inline(__always)
  static func scaled(_ value: Double, _ places: Int) -> (integer: UInt64, unit: UInt64)? {
    let scale = power(places)
    let x = abs(value) * scale
    if x < roundedBitsLimit { return (roundedBits(x), UInt64(scale)) }
    let scaled = roundedToEven(x)
    guard scaled < 9.0e18 else { return nil }
    return (UInt64(scaled), UInt64(scale))
  }

  /// Below this (2^52 - 1), `roundedBits` applies: almost every number written.
  static var roundedBitsLimit: Double { 4_503_599_627_370_495.0 }

  /// `UInt64(roundedToEven(x))` for `0 <= x < roundedBitsLimit`, read from the bits of `x + 2^52`
  /// instead of subtracting 2^52 and converting (with its range checks): the sum lies in
  /// [2^52, 2^53), where doubles are the integers, so its 52 fraction bits are the rounded
  /// integer (ties to even, the default rounding of the addition). Below 2^52 - 1, the sum
  /// cannot round up to 2^53 (which would change the exponent).
  @inline(__always)
  static func roundedBits(_ x: Double) -> UInt64 {
    (x + 4_503_599_627_370_496.0).bitPattern & 0x000F_FFFF_FFFF_FFFF
  }

  /// `x.rounded(.toNearestOrEven)` for a non-negative finite `x`, without the library call
  /// (`rint`, ~37 million calls in a national run): below 2^52, adding and subtracting 2^52
  /// rounds to an integer in the default (ties-to-even) mode; from 2^52 on, every double is an
  /// integer already.
  @inline(__always)
  static func roundedToEven(_ x: Double) -> Double {
    let two52 = 4_503_599_627_370_496.0
    return x < two52 ? (x + two52) - two52 : x
  }

  /// 10^places as the double that multiplying 1.0 by 10 `places` times gives (the same value:
  /// every power up to 10^22 is exact), from a constant for the usual places.
  @inline(__always)
  static func power(_ places: Int) -> Double {
    switch places {
    case 0: return 1
    case 1: return 10
    case 2: return 100
    case 3: return 1000
    case 4: return 10000
    case 5: return 100_000
    case 6: return 1_000_000
    default:
      var scale = 1.0
      for _ in 0..<places { scale *= 10 }
      return scale
    }
  }

  /// Writes `[-]whole[.frac]` for `integer / unit` with `places` decimals at `p`; returns the
  /// byte count. The minus sign only when `negative` and the rounded integer is not 0.
  @inline(__always)
  static func write(_ integer: UInt64, unit: UInt64, places: Int, negative: Bool, into p: UnsafeMutablePointer<UInt8>) -> Int {
    let (whole, frac) = split(integer, places: places, unit: unit)
    var n = 0
    if negative && integer > 0 { p[0] = 0x2D; n = 1 }
    // The digit count by comparison with powers of ten (no chain of divisions); `whole` is
    // below 9e18, so at most 19 digits and no overflow of `power`.
    var digits = 1
    var power: UInt64 = 10
    while digits < 19 && whole >= power { digits += 1; power &*= 10 }
    writeDigits(whole, count: digits, to: p + n)
    n += digits
    guard places > 0 else { return n }
    p[n] = 0x2E
    writeDigits(frac, count: places, to: p + n + 1)
    return n + 1 + places
  }

  /// `(integer / unit, integer % unit)`, with the divisor a constant for the usual places (a
  /// multiplication instead of a division).
  @inline(__always)
  static func split(_ integer: UInt64, places: Int, unit: UInt64) -> (UInt64, UInt64) {
    func by(_ d: UInt64) -> (UInt64, UInt64) {
      let q = integer / d
      return (q, integer &- q &* d)
    }
    switch places {
    case 0: return (integer, 0)
    case 1: return by(10)
    case 2: return by(100)
    case 3: return by(1000)
    case 4: return by(10000)
    case 5: return by(100_000)
    case 6: return by(1_000_000)
    default: return (integer / unit, integer % unit)
    }
  }

  /// The digits 00 to 99, two bytes each.
  private static var pairs: StaticString {
    """
    00010203040506070809101112131415161718192021222324252627282930313233343536373839\
    40414243444546474849505152535455565758596061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899
    """
  }

  /// Writes `value` as exactly `count` decimal digits (leading zeros) at `p`; `value` must be
  /// below 10^count. Two digits per step, so that the chain of divisions is half as long.
  @inline(__always)
  static func writeDigits(_ value: UInt64, count: Int, to p: UnsafeMutablePointer<UInt8>) {
    let table = pairs.utf8Start
    // The usual decimals: each pair from `value` directly (independent divisions by
    // constants, which run side by side), not one after the other down a chain.
    if count == 6 {
      let q2 = value / 100, q4 = value / 10_000
      writePair(q4, table, p)
      writePair(q2 &- q4 &* 100, table, p + 2)
      writePair(value &- q2 &* 100, table, p + 4)
      return
    }
    if count == 8 {
      let q2 = value / 100, q4 = value / 10_000, q6 = value / 1_000_000
      writePair(q6, table, p)
      writePair(q4 &- q6 &* 100, table, p + 2)
      writePair(q2 &- q4 &* 100, table, p + 4)
      writePair(value &- q2 &* 100, table, p + 6)
      return
    }
    var v = value
    var q = count
    while q >= 2 {
      let next = v / 100
      let r = Int(truncatingIfNeeded: v &- next &* 100) &* 2
      v = next
      q -= 2
      p[q] = table[r]
      p[q + 1] = table[r + 1]
    }
    if q == 1 { p[0] = 0x30 &+ UInt8(truncatingIfNeeded: v) }
  }

  /// Writes `value` (below 100) as two digits at `p`.
  @inline(__always)
  static func writePair(_ value: UInt64, _ table: UnsafePointer<UInt8>, _ p: UnsafeMutablePointer<UInt8>) {
    let r = Int(truncatingIfNeeded: value) &* 2
    p[0] = table[r]
    p[1] = table[r + 1]
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
