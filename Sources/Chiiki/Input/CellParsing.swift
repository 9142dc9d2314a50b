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
  ///
  /// `bytes` must be followed by at least 7 readable bytes: a field of a `CSVRecord` is (its
  /// buffer keeps 16 past every field); `plainCount` reads a short cell as one 8-byte word.
  /// Other bytes go through `count(text:)`, which pads them.
  static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> CountCell {
    // Most cells are 1 to 9 plain digits: no trimming, commas or overflow to watch for
    // (999,999,999 is below the largest count), so the value is read straight off.
    let value = plainCount(bytes)
    if value >= 0 { return .value(value) }
    return general(bytes)
  }

  /// The value of a cell of 1 to 9 plain ASCII digits, else -1 (`count` then reads it the
  /// general way). 999,999,999 is below the largest count, so no overflow to watch for.
  ///
  /// Up to 8 digits are checked and converted as one word, without a branch per digit: counts
  /// have 1 to 3 digits in no order, so a loop's exit mispredicts about once a cell. The
  /// bytes are read as a whole word (`CSVRecord` keeps 16 readable bytes past every field).
  @inline(__always) static func plainCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let n = bytes.count
    guard n > 0, let p = bytes.baseAddress else { return -1 }
    guard n <= 8 else { return n == 9 ? plainCountLoop(p, n) : -1 }
    // The digits at the top of the word (the first at byte 8 - n), '0's below them.
    let shift = UInt64(truncatingIfNeeded: (8 &- n) &* 8)
    let word = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
    let zeros: UInt64 = 0x3030_3030_3030_3030
    let digits = (word &<< shift) | (zeros & ((1 &<< shift) &- 1))
    // A byte above '9' sets its top bit in the sum, a byte below '0' in the difference.
    if ((digits &+ 0x4646_4646_4646_4646) | (digits &- zeros)) & 0x8080_8080_8080_8080 != 0 { return -1 }
    var v = digits &- zeros
    // Pairs, then fours, then all eight (the first digit is the lowest byte).
    v = (v &* 10) &+ (v >> 8)
    let mask: UInt64 = 0x0000_00FF_0000_00FF
    let high: UInt64 = 100 &+ (1_000_000 &<< 32)
    let low: UInt64 = 1 &+ (10_000 &<< 32)
    let upper: UInt64 = (v & mask) &* high
    let lower: UInt64 = ((v >> 16) & mask) &* low
    v = (upper &+ lower) >> 32
    return Int(truncatingIfNeeded: v)
  }

  /// `plainCount` digit by digit (9-digit cells).
  @inline(never) static func plainCountLoop(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
    var value = 0
    for i in 0..<n {
      let digit = p[i] &- 0x30
      if digit > 9 { return -1 }
      value = value &* 10 &+ Int(digit)
    }
    return value
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

  /// Same as `count` for text already decoded (CP932 cells, non-ASCII symbols). The bytes are
  /// copied with `wordPadding` zero bytes after them, so that `plainCount`'s whole-word read
  /// stays inside the copy (the fuzzer found it reading past an unpadded copy).
  public static func count(text: String) -> CountCell {
    let bytes = Array(text.utf8)
    let n = bytes.count
    let padded = bytes + [UInt8](repeating: 0, count: wordPadding)
    return padded.withUnsafeBufferPointer { count(UnsafeBufferPointer(rebasing: $0[0..<n])) }
  }

  /// Readable bytes `count` needs after a cell's last byte.
  static let wordPadding = 8

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
