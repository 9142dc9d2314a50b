extension TOMLParser {
  /// Parses the value at the cursor: a string, an array, an inline table or a bare scalar.
  mutating func parseValue(depth: Int) throws(TOMLSyntaxError) -> TOMLNode {
    let start = cursor.location
    let startIndex = cursor.index
    let value: TOMLValue
    switch cursor.current {
    case nil, "\n", "\r", "#":
      throw TOMLSyntaxError(location: start, message: "expected a value, found \(cursor.currentDescription)")
    case "\"":
      value = .string(cursor.starts(with: "\"\"\"") ? try parseMultilineString(literal: false) : try parseBasicString())
    case "'":
      value = .string(cursor.starts(with: "'''") ? try parseMultilineString(literal: true) : try parseLiteralString())
    case "[":
      return TOMLNode(value: try parseArray(depth: depth + 1), location: start, sourceText: "")
    case "{":
      return TOMLNode(value: try parseInlineTable(depth: depth + 1), location: start, sourceText: "")
    default:
      let token = scanBareToken()
      value = try TOMLScalar.parse(token, at: start)
    }
    return TOMLNode(value: value, location: start, sourceText: cursor.text(from: startIndex))
  }

  /// Reads a bare value (number, boolean, or a mistake) up to a delimiter.
  private mutating func scanBareToken() -> String {
    var token = String.UnicodeScalarView()
    while let scalar = cursor.current {
      switch scalar {
      case " ", "\t", "\n", "\r", ",", "]", "}", "#": return String(token)
      default:
        token.append(scalar)
        cursor.advance()
      }
    }
    return String(token)
  }

  // MARK: Arrays and inline tables

  private func checkNesting(_ depth: Int, at location: TOMLLocation) throws(TOMLSyntaxError) {
    if depth > TOMLParser.maximumNesting {
      throw TOMLSyntaxError(
        location: location, message: "values are nested more than \(TOMLParser.maximumNesting) levels deep")
    }
  }

  private mutating func parseArray(depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
    let open = cursor.location
    try checkNesting(depth, at: open)
    cursor.advance()
    var items: [TOMLNode] = []
    while true {
      try cursor.skipBlanksCommentsAndNewlines()
      if cursor.current == "]" {
        cursor.advance()
        return .array(items)
      }
      if cursor.isAtEnd { throw unterminated("array", closer: "]", at: open) }
      items.append(try parseValue(depth: depth))
      try cursor.skipBlanksCommentsAndNewlines()
      switch cursor.current {
      case ",":
        cursor.advance()
      case "]":
        cursor.advance()
        return .array(items)
      case nil:
        throw unterminated("array", closer: "]", at: open)
      default:
        throw TOMLSyntaxError(
          location: cursor.location,
          message: "expected ',' or ']' after an array element, found \(cursor.currentDescription)")
      }
    }
  }

  private mutating func parseInlineTable(depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
    let open = cursor.location
    try checkNesting(depth, at: open)
    cursor.advance()
    let table = TOMLTable(origin: .inline, location: open)
    cursor.skipBlanks()
    if cursor.current == "}" {
      cursor.advance()
      return .table(table)
    }
    while true {
      cursor.skipBlanks()
      if cursor.isAtEnd { throw unterminated("inline table", closer: "}", at: open) }
      if cursor.isAtNewline {
        throw TOMLSyntaxError(location: cursor.location, message: "an inline table must be written on one line")
      }
      if cursor.current == "}" {
        throw TOMLSyntaxError(location: cursor.location, message: "a trailing comma is not allowed in an inline table")
      }
      try parseKeyValue(into: table, depth: depth)
      cursor.skipBlanks()
      switch cursor.current {
      case ",":
        cursor.advance()
      case "}":
        cursor.advance()
        sealDottedTables(in: table)
        return .table(table)
      case nil:
        throw unterminated("inline table", closer: "}", at: open)
      case "\n", "\r":
        throw TOMLSyntaxError(location: cursor.location, message: "an inline table must be written on one line")
      default:
        throw TOMLSyntaxError(
          location: cursor.location,
          message: "expected ',' or '}' in the inline table, found \(cursor.currentDescription)")
      }
    }
  }

  /// Tables made by dotted keys inside an inline table are closed with it.
  private func sealDottedTables(in table: TOMLTable) {
    for entry in table.entries {
      if case .table(let sub) = entry.node.value, sub.origin == .dotted {
        sub.origin = .inline
        sealDottedTables(in: sub)
      }
    }
  }

  private func unterminated(_ what: String, closer: String, at location: TOMLLocation) -> TOMLSyntaxError {
    TOMLSyntaxError(location: location, message: "unterminated \(what): the closing '\(closer)' is missing")
  }

  // MARK: Strings

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
  private mutating func parseMultilineString(literal: Bool) throws(TOMLSyntaxError) -> String {
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
