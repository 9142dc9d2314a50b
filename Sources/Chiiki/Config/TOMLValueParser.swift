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
}
