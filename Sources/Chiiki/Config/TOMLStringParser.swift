/// Strings: basic `"…"` with escapes, literal `'…'`, and their multi-line forms.
extension TOMLParser {
  /// Parses `"…"` with escapes; the cursor is at the opening quote.
  mutating func parseBasicString() throws(TOMLSyntaxError) -> String {
    let open = cursor.location
    cursor.advance()
    var text = String.UnicodeScalarView()
    while true {
      guard let scalar = cursor.current, scalar != "\n", scalar != "\r" else {
        throw TOMLSyntaxError(location: open, message: "unterminated string: the closing '\"' is missing on this line")
      }
      switch scalar {
      case "\"":
        cursor.advance()
        return String(text)
      case "\\":
        text.append(try parseEscape())
      default:
        try checkStringScalar(scalar)
        text.append(scalar)
        cursor.advance()
      }
    }
  }

  /// Parses `'…'` (no escapes); the cursor is at the opening quote.
  mutating func parseLiteralString() throws(TOMLSyntaxError) -> String {
    let open = cursor.location
    cursor.advance()
    var text = String.UnicodeScalarView()
    while true {
      guard let scalar = cursor.current, scalar != "\n", scalar != "\r" else {
        throw TOMLSyntaxError(location: open, message: "unterminated string: the closing \"'\" is missing on this line")
      }
      if scalar == "'" {
        cursor.advance()
        return String(text)
      }
      try checkStringScalar(scalar)
      text.append(scalar)
      cursor.advance()
    }
  }

  /// Parses `"""…"""` or `'''…'''`: a line end right after the opening quotes is dropped,
  /// CRLF becomes LF, and in basic strings a backslash at a line end joins the lines.
  mutating func parseMultilineString(literal: Bool) throws(TOMLSyntaxError) -> String {
    let open = cursor.location
    let quote: Unicode.Scalar = literal ? "'" : "\""
    cursor.advance(by: 3)
    if cursor.isAtNewline { try cursor.consumeNewline() }
    var text = String.UnicodeScalarView()
    while true {
      guard let scalar = cursor.current else {
        let closer = String(repeating: String(Character(quote)), count: 3)
        throw TOMLSyntaxError(location: open, message: "unterminated multi-line string: the closing \(closer) is missing")
      }
      if scalar == quote && cursor.peek(1) == quote && cursor.peek(2) == quote {
        var run = 3
        while cursor.peek(run) == quote { run += 1 }
        if run > 5 {
          throw TOMLSyntaxError(location: cursor.location, message: "too many quotes at the end of a multi-line string")
        }
        for _ in 0..<(run - 3) { text.append(quote) }
        cursor.advance(by: run)
        return String(text)
      }
      if cursor.isAtNewline {
        try cursor.consumeNewline()
        text.append("\n")
      } else if scalar == "\\" && !literal {
        if try skipLineEndingBackslash() { continue }
        text.append(try parseEscape())
      } else {
        try checkStringScalar(scalar)
        text.append(scalar)
        cursor.advance()
      }
    }
  }

  /// At a backslash followed only by blanks to the line end: skips it and all blanks and line
  /// ends after it, and returns true.
  private mutating func skipLineEndingBackslash() throws(TOMLSyntaxError) -> Bool {
    var offset = 1
    while let scalar = cursor.peek(offset), scalar == " " || scalar == "\t" { offset += 1 }
    guard cursor.peek(offset) == "\n" || (cursor.peek(offset) == "\r" && cursor.peek(offset + 1) == "\n") else {
      return false
    }
    cursor.advance(by: offset)
    while true {
      cursor.skipBlanks()
      guard cursor.isAtNewline else { return true }
      try cursor.consumeNewline()
    }
  }

  private func checkStringScalar(_ scalar: Unicode.Scalar) throws(TOMLSyntaxError) {
    if TOMLCursor.isForbiddenControl(scalar) {
      throw TOMLSyntaxError(
        location: cursor.location,
        message: "control character \(TOMLCursor.codePoint(scalar)) must be escaped in a string")
    }
  }

  /// Parses an escape sequence; the cursor is at the backslash.
  private mutating func parseEscape() throws(TOMLSyntaxError) -> Unicode.Scalar {
    let start = cursor.location
    cursor.advance()
    guard let letter = cursor.current else {
      throw TOMLSyntaxError(location: start, message: "unterminated string: the closing '\"' is missing")
    }
    let simple: [Unicode.Scalar: Unicode.Scalar] = [
      "b": "\u{08}", "t": "\t", "n": "\n", "f": "\u{0C}", "r": "\r", "e": "\u{1B}", "\"": "\"", "\\": "\\",
    ]
    if let scalar = simple[letter] {
      cursor.advance()
      return scalar
    }
    guard letter == "u" || letter == "U" else {
      throw TOMLSyntaxError(
        location: start,
        message: "invalid escape sequence '\\\(Character(letter))'; "
          + "use \\\", \\\\, \\b, \\t, \\n, \\f, \\r, \\e, \\uXXXX or \\UXXXXXXXX")
    }
    let digits = letter == "u" ? 4 : 8
    cursor.advance()
    var value: UInt32 = 0
    for _ in 0..<digits {
      guard let scalar = cursor.current, let digit = TOMLScalar.hexValue(scalar) else {
        throw TOMLSyntaxError(
          location: start, message: "escape sequence '\\\(Character(letter))' needs \(digits) hexadecimal digits")
      }
      value = value &* 16 &+ digit
      cursor.advance()
    }
    guard let scalar = Unicode.Scalar(value) else {
      throw TOMLSyntaxError(
        location: start, message: "escape sequence '\\\(Character(letter))' names \(TOMLCursor.codePoint(value)), which is not a Unicode character")
    }
    return scalar
  }
}
