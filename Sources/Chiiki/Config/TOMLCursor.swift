/// Walks a TOML text one Unicode scalar at a time, keeping the line and column of the
/// position, and handles what all of the grammar shares: blanks, comments and line ends.
struct TOMLCursor {
  private let scalars: [Unicode.Scalar]
  private(set) var index = 0
  private var line = 1
  private var lineStart = 0

  /// - Parameter text: the whole document; a leading byte-order mark is skipped.
  init(_ text: String) {
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    self.scalars = scalars
  }

  /// Where the cursor stands.
  var location: TOMLLocation { TOMLLocation(line: line, column: index - lineStart + 1) }

  var isAtEnd: Bool { index >= scalars.count }

  /// The scalar at the cursor, or nil at the end.
  var current: Unicode.Scalar? { peek(0) }

  /// The scalar `offset` places after the cursor, or nil past the end.
  func peek(_ offset: Int) -> Unicode.Scalar? {
    let position = index + offset
    return position >= 0 && position < scalars.count ? scalars[position] : nil
  }

  /// Whether the text at the cursor starts with `prefix`.
  func starts(with prefix: String) -> Bool {
    var offset = 0
    for scalar in prefix.unicodeScalars {
      guard peek(offset) == scalar else { return false }
      offset += 1
    }
    return true
  }

  /// The source text from `start` (an earlier `index`) to the cursor.
  func text(from start: Int) -> String {
    guard start >= 0, start <= index, index <= scalars.count else { return "" }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<index])
    return String(view)
  }

  /// Moves past one scalar, counting lines at line feeds.
  mutating func advance() {
    guard index < scalars.count else { return }
    let scalar = scalars[index]
    index += 1
    if scalar == "\n" {
      line += 1
      lineStart = index
    }
  }

  mutating func advance(by count: Int) {
    for _ in 0..<max(0, count) { advance() }
  }

  /// Skips spaces and tabs.
  mutating func skipBlanks() {
    while let scalar = current, scalar == " " || scalar == "\t" { advance() }
  }

  /// Whether the cursor is at a line end (LF or CRLF); a lone CR counts too, so that it is
  /// reported by `consumeNewline`.
  var isAtNewline: Bool { current == "\n" || current == "\r" }

  /// Consumes one line end; a carriage return must be followed by a line feed.
  mutating func consumeNewline() throws(TOMLSyntaxError) {
    if current == "\r" {
      guard peek(1) == "\n" else {
        throw TOMLSyntaxError(location: location, message: "a carriage return must be followed by a line feed")
      }
      advance()
    }
    if current == "\n" { advance() }
  }

  /// Skips a comment from `#` to (not including) the line end, rejecting control characters.
  mutating func skipComment() throws(TOMLSyntaxError) {
    guard current == "#" else { return }
    advance()
    while let scalar = current, scalar != "\n" {
      if scalar == "\r" && peek(1) == "\n" { return }
      if TOMLCursor.isForbiddenControl(scalar) {
        throw TOMLSyntaxError(
          location: location, message: "control character \(TOMLCursor.codePoint(scalar)) is not allowed in a comment")
      }
      advance()
    }
  }

  /// Skips blanks, comments and line ends (inside arrays).
  mutating func skipBlanksCommentsAndNewlines() throws(TOMLSyntaxError) {
    while true {
      skipBlanks()
      if current == "#" {
        try skipComment()
      } else if isAtNewline {
        try consumeNewline()
      } else {
        return
      }
    }
  }

  /// Control characters TOML forbids outside strings' escapes (everything below U+0020
  /// except tab, and U+007F).
  static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
  }

  /// `U+001F`-style name of a scalar.
  static func codePoint(_ scalar: Unicode.Scalar) -> String { codePoint(scalar.value) }

  /// `U+D800`-style name of a code point.
  static func codePoint(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// How to show the scalar at the cursor in a message: `'x'`, `the end of the line`, …
  var currentDescription: String {
    guard let scalar = current else { return "the end of the file" }
    if scalar == "\n" || scalar == "\r" { return "the end of the line" }
    if scalar.value < 0x20 || scalar.value == 0x7F { return TOMLCursor.codePoint(scalar) }
    return "'\(Character(scalar))'"
  }
}
