/// Reads bare TOML values: booleans, integers and floats. Everything that cannot overflow or
/// trap is checked here: digits are accumulated with overflow checks, and floats are validated
/// against the TOML grammar before conversion.
enum TOMLScalar {
  /// Parses a bare token (what stands between `=` and the next delimiter).
  static func parse(_ token: String, at location: TOMLLocation) throws(TOMLSyntaxError) -> TOMLValue {
    let scalars = Array(token.unicodeScalars)
    switch token {
    case "": throw TOMLSyntaxError(location: location, message: "expected a value")
    case "true": return .boolean(true)
    case "false": return .boolean(false)
    case "inf", "+inf": return .float(.infinity)
    case "-inf": return .float(-.infinity)
    case "nan", "+nan", "-nan": return .float(.nan)
    default: break
    }
    if looksLikeDateOrTime(scalars) {
      throw TOMLSyntaxError(location: location, message: "dates and times are not supported in chiiki.toml")
    }
    if let value = try integer(scalars, token: token, at: location) { return .integer(value) }
    if let value = try float(scalars, token: token, at: location) { return .float(value) }
    if let first = scalars.first, !isDigit(first), first != "+", first != "-", first != "." {
      throw TOMLSyntaxError(
        location: location, message: "\(token) is not a value; write text in quotes: \(TOMLWriter.quoted(token))")
    }
    throw TOMLSyntaxError(location: location, message: "\(token) is not a valid number")
  }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

  static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
    switch scalar {
    case "0"..."9": return scalar.value - 48
    case "a"..."f": return scalar.value - 87
    case "A"..."F": return scalar.value - 55
    default: return nil
    }
  }

  /// `1979-05-27…` or `07:32…`.
  private static func looksLikeDateOrTime(_ s: [Unicode.Scalar]) -> Bool {
    func digits(_ range: Range<Int>) -> Bool { range.upperBound <= s.count && s[range].allSatisfy(isDigit) }
    if digits(0..<4) && s.count > 4 && s[4] == "-" { return true }
    if digits(0..<2) && s.count > 2 && s[2] == ":" { return true }
    return false
  }

  /// Whether `s` is digits (as decided by `isValid`) with each `_` between two digits.
  private static func isDigitRun(_ s: ArraySlice<Unicode.Scalar>, _ isValid: (Unicode.Scalar) -> Bool) -> Bool {
    guard let first = s.first, let last = s.last, first != "_", last != "_" else { return false }
    var previous: Unicode.Scalar = " "
    for scalar in s {
      if scalar == "_" {
        if previous == "_" { return false }
      } else if !isValid(scalar) {
        return false
      }
      previous = scalar
    }
    return true
  }

  /// An integer, nil if the token is not one; throws if it is one that does not fit.
  private static func integer(_ s: [Unicode.Scalar], token: String, at location: TOMLLocation) throws(TOMLSyntaxError) -> Int? {
    var body = s[...]
    var negative = false
    var radix: UInt32 = 10
    if s.count > 2, s[0] == "0", let prefix = Optional(s[1]), prefix == "x" || prefix == "o" || prefix == "b" {
      radix = prefix == "x" ? 16 : prefix == "o" ? 8 : 2
      body = s[2...]
    } else {
      if let sign = body.first, sign == "+" || sign == "-" {
        negative = sign == "-"
        body = body.dropFirst()
      }
      guard isDigitRun(body, isDigit) else { return nil }
      if body.count > 1 && body.first == "0" {
        throw TOMLSyntaxError(location: location, message: "\(token): leading zeros are not allowed in numbers")
      }
    }
    let isValid: (Unicode.Scalar) -> Bool = { scalar in (hexValue(scalar) ?? 99) < radix }
    guard isDigitRun(body, isValid) else {
      if radix != 10 { throw TOMLSyntaxError(location: location, message: "\(token) is not a valid number") }
      return nil
    }
    var value = 0
    for scalar in body where scalar != "_" {
      let digit = Int(hexValue(scalar) ?? 0)
      let (shifted, overflow1) = value.multipliedReportingOverflow(by: Int(radix))
      let (next, overflow2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
      if overflow1 || overflow2 {
        throw TOMLSyntaxError(location: location, message: "the integer \(token) is too large")
      }
      value = next
    }
    return value
  }

  /// A float, nil if the token is not one; throws if it is too large to represent.
  private static func float(_ s: [Unicode.Scalar], token: String, at location: TOMLLocation) throws(TOMLSyntaxError) -> Double? {
    var rest = s[...]
    if let sign = rest.first, sign == "+" || sign == "-" { rest = rest.dropFirst() }
    let exponentIndex = rest.firstIndex { $0 == "e" || $0 == "E" }
    let mantissa = rest[..<(exponentIndex ?? rest.endIndex)]
    let dotIndex = mantissa.firstIndex(of: ".")
    let integerPart = mantissa[..<(dotIndex ?? mantissa.endIndex)]
    guard isDigitRun(integerPart, isDigit) else { return nil }
    if integerPart.count > 1 && integerPart.first == "0" {
      throw TOMLSyntaxError(location: location, message: "\(token): leading zeros are not allowed in numbers")
    }
    if let dotIndex {
      guard isDigitRun(mantissa[mantissa.index(after: dotIndex)...], isDigit) else { return nil }
    }
    if let exponentIndex {
      var exponent = rest[rest.index(after: exponentIndex)...]
      if let sign = exponent.first, sign == "+" || sign == "-" { exponent = exponent.dropFirst() }
      guard isDigitRun(exponent, isDigit) else { return nil }
    }
    guard dotIndex != nil || exponentIndex != nil else { return nil }
    var cleaned = String.UnicodeScalarView()
    cleaned.append(contentsOf: s.lazy.filter { $0 != "_" })
    guard let value = Double(String(cleaned)), value.isFinite else {
      throw TOMLSyntaxError(location: location, message: "the number \(token) is too large")
    }
    return value
  }
}
