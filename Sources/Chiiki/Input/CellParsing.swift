/// What a count cell holds, following e-Stat conventions: `-` is a true zero; `X`, `…`, `...`,
/// `***` and an empty cell are suppressed or not available, kept as missing and never read as 0.
public enum CountCell: Equatable, Sendable {
  case value(Int)
  case missing
  case invalid(String)
}

/// Reading of numeric cells straight from the field bytes (no String on the hot path).
public enum CellParsing {
  /// Parses a count >= 0. Accepts digits with optional thousands commas (`1,234` as Excel
  /// writes it), full-width digits, and the e-Stat symbols.
  public static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> CountCell {
    // Most cells are 1 to 9 plain digits: no trimming, commas or overflow to watch for
    // (999,999,999 is below the largest count), so the value is read straight off.
    if bytes.count > 0 && bytes.count <= 9 {
      var value = 0
      var plain = true
      for b in bytes {
        let digit = b &- 0x30
        if digit > 9 {
          plain = false
          break
        }
        value = value &* 10 &+ Int(digit)
      }
      if plain { return .value(value) }
    }
    return general(bytes)
  }

  /// `count` without its plain-digits shortcut (the reference its tests compare against).
  static func general(_ bytes: UnsafeBufferPointer<UInt8>) -> CountCell {
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    if start == end { return .missing }
    var value = 0
    var digits = 0
    var allDigits = true
    for i in start..<end {
      let b = bytes[i]
      if b >= 0x30 && b <= 0x39 {
        let (m, o1) = value.multipliedReportingOverflow(by: 10)
        let (s, o2) = m.addingReportingOverflow(Int(b - 0x30))
        if o1 || o2 || s > Int(UInt32.max) - 16 { return .invalid("is too large for a count") }
        value = s
        digits += 1
      } else if b == 0x2C && digits > 0 {
        continue
      } else {
        allDigits = false
        break
      }
    }
    if allDigits && digits > 0 { return .value(value) }
    return symbolic(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
  }

  /// Same as `count` for text already decoded (CP932 cells, non-ASCII symbols).
  public static func count(text: String) -> CountCell {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer { count(UnsafeBufferPointer($0)) }
  }

  private static let missingSymbols: Set<String> = ["x", "X", "…", "...", "***", "**", "*", "･･･", "・・・", "‥", "NA", "N/A", "na", "n/a"]
  private static let zeroSymbols: Set<String> = ["-", "−", "―", "‐", "—", "–"]

  static func symbolic(_ raw: String) -> CountCell {
    let text = TextNormalizer.normalizeToken(raw)
    if zeroSymbols.contains(text) { return .value(0) }
    if missingSymbols.contains(text) { return .missing }
    if text.hasPrefix("-"), text.dropFirst().allSatisfy(\.isASCIIDigitChar), text.count > 1 {
      return .invalid("is negative; counts must be 0 or more")
    }
    // Full-width digits, folded by normalizeToken.
    let plain = text.replacingAll([",": ""])
    if !plain.isEmpty, plain.allSatisfy(\.isASCIIDigitChar) {
      guard let v = Int(plain), v <= Int(UInt32.max) - 16 else { return .invalid("is too large for a count") }
      return .value(v)
    }
    if let d = Double(plain), d.isFinite {
      if d < 0 { return .invalid("is negative; counts must be 0 or more") }
      if d == d.rounded(), d <= Double(UInt32.max) - 16 { return .value(Int(d)) }
      return .invalid("is not a whole number")
    }
    return .invalid("is not a whole number")
  }
}
