/// Parses the subset of TOML that chiiki.toml needs into a tree of located values.
///
/// Supported: comments; `[table]` headers with bare, quoted and dotted keys; `key = value`
/// with dotted keys; basic strings (with escapes) and literal strings, single- and multi-line;
/// integers (decimal, `0x`, `0o`, `0b`, with `_`); floats (including `inf` and `nan`);
/// booleans; arrays over several lines; inline tables. Rejected with a located error: arrays of
/// tables (`[[x]]`), dates and times, duplicate keys and tables, bare non-ASCII keys.
/// The parser stops at the first syntax error, and never traps: nesting is limited and
/// numbers that do not fit are reported.
struct TOMLParser {
  /// Deepest nesting of arrays and inline tables accepted (keeps recursion bounded).
  static let maximumNesting = 32
  /// Most parts a dotted key may have (keeps the table tree shallow).
  static let maximumKeyParts = 16

  var cursor: TOMLCursor
  let root: TOMLTable
  /// The table that `key = value` lines go into (the last header's).
  private var current: TOMLTable

  /// Parses a whole document into its root table.
  static func parse(_ text: String) throws(TOMLSyntaxError) -> TOMLTable {
    var parser = TOMLParser(text)
    try parser.parseDocument()
    return parser.root
  }

  private init(_ text: String) {
    cursor = TOMLCursor(text)
    root = TOMLTable(origin: .root, location: TOMLLocation(line: 1, column: 1))
    current = root
  }

  private mutating func parseDocument() throws(TOMLSyntaxError) {
    while true {
      cursor.skipBlanks()
      guard let scalar = cursor.current else { return }
      switch scalar {
      case "#":
        try cursor.skipComment()
      case "\n", "\r":
        try cursor.consumeNewline()
      case "[":
        try parseHeader()
        try expectEndOfLine(after: "the table header")
      default:
        try parseKeyValue(into: current, depth: 0)
        try expectEndOfLine(after: "the value")
      }
    }
  }

  /// After a header or a value only blanks and a comment may follow on the line.
  private mutating func expectEndOfLine(after what: String) throws(TOMLSyntaxError) {
    cursor.skipBlanks()
    try cursor.skipComment()
    if cursor.isAtEnd { return }
    guard cursor.isAtNewline else {
      throw TOMLSyntaxError(
        location: cursor.location,
        message: "expected the end of the line after \(what), found \(cursor.currentDescription)")
    }
    try cursor.consumeNewline()
  }

  // MARK: Keys

  /// One part of a key with where it stands.
  struct KeyPart {
    var name: String
    var location: TOMLLocation
  }

  /// Parses a possibly dotted key: `a`, `"中間的就労"`, `a . 'b' . c`.
  mutating func parseKey() throws(TOMLSyntaxError) -> [KeyPart] {
    var parts: [KeyPart] = []
    while true {
      cursor.skipBlanks()
      let location = cursor.location
      if parts.count == TOMLParser.maximumKeyParts {
        throw TOMLSyntaxError(location: location, message: "a key may have at most \(TOMLParser.maximumKeyParts) dotted parts")
      }
      parts.append(KeyPart(name: try parseSimpleKey(), location: location))
      cursor.skipBlanks()
      guard cursor.current == "." else { return parts }
      cursor.advance()
    }
  }

  private mutating func parseSimpleKey() throws(TOMLSyntaxError) -> String {
    let start = cursor.location
    switch cursor.current {
    case "\"":
      if cursor.starts(with: "\"\"\"") {
        throw TOMLSyntaxError(location: start, message: "a multi-line string cannot be a key")
      }
      return try parseBasicString()
    case "'":
      if cursor.starts(with: "'''") {
        throw TOMLSyntaxError(location: start, message: "a multi-line string cannot be a key")
      }
      return try parseLiteralString()
    default:
      break
    }
    var name = String.UnicodeScalarView()
    var hasNonASCII = false
    while let scalar = cursor.current, TOMLParser.isBareKeyScalar(scalar) || scalar.value > 0x7F {
      if scalar.value > 0x7F { hasNonASCII = true }
      name.append(scalar)
      cursor.advance()
    }
    if hasNonASCII {
      throw TOMLSyntaxError(
        location: start,
        message: "a key without quotes may use only A-Z, a-z, 0-9, '_' and '-'; "
          + "put this one in quotes: \(TOMLWriter.quoted(String(name)))")
    }
    guard !name.isEmpty else {
      throw TOMLSyntaxError(location: start, message: "expected a key, found \(cursor.currentDescription)")
    }
    return String(name)
  }

  static func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
    default: return false
    }
  }

  /// How a dotted key is written in messages: `indicators.ltc`, `resources."中間的就労"`.
  static func dottedName(_ parts: [KeyPart]) -> String {
    parts.map { TOMLWriter.key($0.name) }.joined(separator: ".")
  }

  // MARK: Key/value pairs and headers

  /// Parses `key = value` and stores it in `table`, creating tables for the dotted key's parts.
  mutating func parseKeyValue(into table: TOMLTable, depth: Int) throws(TOMLSyntaxError) {
    let key = try parseKey()
    cursor.skipBlanks()
    guard cursor.current == "=" else {
      throw TOMLSyntaxError(
        location: cursor.location,
        message: "expected '=' after the key \(TOMLParser.dottedName(key)), found \(cursor.currentDescription)")
    }
    cursor.advance()
    cursor.skipBlanks()
    let value = try parseValue(depth: depth)
    try define(key, as: value, in: table)
  }

  private func define(_ key: [KeyPart], as value: TOMLNode, in table: TOMLTable) throws(TOMLSyntaxError) {
    guard let last = key.last else { return }
    var target = table
    for (offset, part) in key.dropLast().enumerated() {
      if let existing = target.entry(part.name) {
        guard case .table(let sub) = existing.node.value, sub.origin == .dotted else {
          let name = TOMLParser.dottedName(Array(key.prefix(offset + 1)))
          throw TOMLSyntaxError(
            location: part.location,
            message: "\(name) is already defined at line \(existing.keyLocation.line); "
              + "a dotted key cannot add to it")
        }
        target = sub
      } else {
        let sub = TOMLTable(origin: .dotted, location: part.location)
        target.insert(.init(key: part.name, keyLocation: part.location, node: TOMLNode(value: .table(sub), location: part.location, sourceText: "")))
        target = sub
      }
    }
    if let existing = target.entry(last.name) {
      throw TOMLSyntaxError(
        location: last.location,
        message: "duplicate key \(TOMLParser.dottedName(key)) (first defined at line \(existing.keyLocation.line))")
    }
    target.insert(.init(key: last.name, keyLocation: last.location, node: value))
  }

  /// Parses `[a.b]` and makes that table the current one.
  private mutating func parseHeader() throws(TOMLSyntaxError) {
    let open = cursor.location
    cursor.advance()
    if cursor.current == "[" {
      throw TOMLSyntaxError(location: open, message: "arrays of tables ([[…]]) are not supported in chiiki.toml")
    }
    let key = try parseKey()
    cursor.skipBlanks()
    guard cursor.current == "]" else {
      throw TOMLSyntaxError(
        location: cursor.location,
        message: "expected ']' to close the table header, found \(cursor.currentDescription)")
    }
    cursor.advance()
    current = try openTable(key)
  }

  private func openTable(_ key: [KeyPart]) throws(TOMLSyntaxError) -> TOMLTable {
    var target = root
    for (offset, part) in key.enumerated() {
      let isLast = offset == key.count - 1
      guard let existing = target.entry(part.name) else {
        let sub = TOMLTable(origin: isLast ? .header : .implicit, location: part.location)
        target.insert(.init(key: part.name, keyLocation: part.location, node: TOMLNode(value: .table(sub), location: part.location, sourceText: "")))
        target = sub
        continue
      }
      let firstLine = existing.keyLocation.line
      let name = TOMLParser.dottedName(Array(key.prefix(offset + 1)))
      guard case .table(let sub) = existing.node.value else {
        throw TOMLSyntaxError(
          location: part.location,
          message: "\(name) is already a value (line \(firstLine)), so it cannot be a table")
      }
      switch (sub.origin, isLast) {
      case (.inline, _):
        throw TOMLSyntaxError(
          location: part.location,
          message: "table \(name) was written inline at line \(firstLine) and cannot be extended")
      case (.implicit, true):
        sub.origin = .header
        sub.location = part.location
      case (.header, true), (.root, true):
        throw TOMLSyntaxError(
          location: part.location, message: "duplicate table [\(name)] (first defined at line \(sub.location.line))")
      case (.dotted, true):
        throw TOMLSyntaxError(
          location: part.location,
          message: "table [\(name)] is already defined by dotted keys at line \(firstLine)")
      case (_, false):
        break
      }
      target = sub
    }
    return target
  }
}
