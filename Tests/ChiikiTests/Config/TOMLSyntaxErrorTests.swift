import Testing

@testable import Chiiki

/// Every syntax error names its line and column (1-based, in Unicode scalars).
@Suite struct ConfigTOMLSyntaxErrorTests {
  @Test func unterminatedStrings() {
    expectError("centre_name = \"abc\n", line: 1, column: 15, "unterminated string")
    expectError("a = 1\ncentre_name = 'abc", line: 2, column: 15, "unterminated string")
    expectError("x = \"\"\"\nabc\n", line: 1, column: 5, "unterminated multi-line string")
    expectError("x = \"abc\\", line: 1, column: 9, "unterminated string")
  }

  @Test func badEscapes() {
    expectError(#"centre_name = "x\qy""#, line: 1, column: 17, #"invalid escape sequence '\q'"#)
    expectError(#"centre_name = "\u12""#, line: 1, column: 16, #"escape sequence '\u' needs 4 hexadecimal digits"#)
    expectError(#"centre_name = "ab\UD800""#, line: 1, column: 18, "needs 8 hexadecimal digits")
    expectError(#"centre_name = "\uD800""#, line: 1, column: 16, "U+D800, which is not a Unicode character")
    expectError(#"centre_name = "\U00110000""#, line: 1, column: 16, "not a Unicode character")
  }

  @Test func controlCharacters() {
    expectError("centre_name = \"a\u{01}\"", line: 1, column: 17, "control character U+0001 must be escaped")
    expectError("# ok\n# bad \u{7F}\n", line: 2, column: 7, "control character U+007F is not allowed in a comment")
    expectError("a = 1\r\nb = 2\r", line: 2, column: 6, "a carriage return must be followed by a line feed")
  }

  @Test func duplicates() {
    expectError("centre_name = \"a\"\ncentre_name = \"b\"", line: 2, column: 1, "duplicate key centre_name (first defined at line 1)")
    expectError("[report]\nlanguage = \"ja\"\n\n[report]\n", line: 4, column: 2, "duplicate table [report] (first defined at line 1)")
    expectError("[a.b]\n[a.b]", line: 2, column: 4, "duplicate table [a.b]")
    expectError("[x]\ny.z = 1\ny.z = 2", line: 3, column: 3, "duplicate key y.z (first defined at line 2)")
    expectError("a = {b = 1, b = 2}", line: 1, column: 13, "duplicate key b")
  }

  @Test func tablesThatConflict() {
    expectError("report = 1\n[report]", line: 2, column: 2, "report is already a value (line 1), so it cannot be a table")
    expectError("[a.b]\n[a]\nb.c = 1", line: 3, column: 1, "a dotted key cannot add to it")
    expectError("a = {b = 1}\n[a.c]", line: 2, column: 2, "table a was written inline at line 1 and cannot be extended")
    expectError("a.b = 1\n[a]", line: 2, column: 2, "table [a] is already defined by dotted keys at line 1")
    expectError("a = 1\na.b = 2", line: 2, column: 1, "a is already defined at line 1")
  }

  @Test func unsupportedConstructs() {
    expectError("\n  [[indicators]]\n", line: 2, column: 3, "arrays of tables ([[…]]) are not supported")
    expectError("d = 1979-05-27", line: 1, column: 5, "dates and times are not supported")
    expectError("d = 07:32:00", line: 1, column: 5, "dates and times are not supported")
    expectError("\"\"\"k\"\"\" = 1", line: 1, column: 1, "a multi-line string cannot be a key")
    expectError("中間的就労 = [\"x\"]", line: 1, column: 1, #"put this one in quotes: "中間的就労""#)
  }

  @Test func badNumbers() {
    expectError("n = 99999999999999999999", line: 1, column: 5, "the integer 99999999999999999999 is too large")
    expectError("n = -9223372036854775809", line: 1, column: 5, "too large")
    expectError("n = 0xFFFFFFFFFFFFFFFFFF", line: 1, column: 5, "too large")
    expectError("n = 1e400", line: 1, column: 5, "the number 1e400 is too large")
    expectError("n = 012", line: 1, column: 5, "leading zeros are not allowed")
    expectError("n = 1__0", line: 1, column: 5, "1__0 is not a valid number")
    expectError("n = 1.", line: 1, column: 5, "not a valid number")
    expectError("n = .5", line: 1, column: 5, "not a valid number")
    expectError("n = 0x", line: 1, column: 5, "not a valid number")
    expectError("n = 0b102", line: 1, column: 5, "not a valid number")
    expectError("n = 1e", line: 1, column: 5, "not a valid number")
  }

  @Test func malformedLines() {
    expectError("[report]\nlanguage = ja", line: 2, column: 12, #"ja is not a value; write text in quotes: "ja""#)
    expectError("a 1", line: 1, column: 3, "expected '=' after the key a, found '1'")
    expectError("a = 1 2", line: 1, column: 7, "expected the end of the line after the value, found '2'")
    expectError("a =\nb = 1", line: 1, column: 4, "expected a value, found the end of the line")
    expectError("a = # nothing", line: 1, column: 5, "expected a value")
    expectError("= 1", line: 1, column: 1, "expected a key, found '='")
    expectError("[report", line: 1, column: 8, "expected ']' to close the table header, found the end of the file")
    expectError("[report] x", line: 1, column: 10, "expected the end of the line after the table header")
    expectError("a.= 1", line: 1, column: 3, "expected a key")
  }

  @Test func malformedArraysAndInlineTables() {
    expectError("a = [1, 2\n", line: 1, column: 5, "unterminated array: the closing ']' is missing")
    expectError("a = [1 2]", line: 1, column: 8, "expected ',' or ']' after an array element, found '2'")
    expectError("a = [,]", line: 1, column: 6, "expected a value")
    expectError("a = {b = 1,\nc = 2}", line: 1, column: 12, "an inline table must be written on one line")
    expectError("a = {b = 1, }", line: 1, column: 13, "a trailing comma is not allowed")
    expectError("a = {b = 1", line: 1, column: 5, "unterminated inline table")
    expectError("a = {b = 1 c = 2}", line: 1, column: 12, "expected ',' or '}' in the inline table")
  }

  @Test func nestingIsBounded() {
    let deep = "a = " + String(repeating: "[", count: 10_000)
    expectError(deep, line: 1, column: 37, "nested more than 32 levels deep")
    let inline = "a = " + String(repeating: "{b = ", count: 10_000)
    expectError(inline, line: 1, column: 5 + 5 * 32, "nested more than 32 levels deep")
    expectError(
      "x = " + String(repeating: "[", count: 32) + String(repeating: "]", count: 32), line: 1, column: 1,
      "unknown key 'x' at the top level")
    expectError(String(repeating: "a.", count: 16) + "b = 1", line: 1, column: 33, "a key may have at most 16 dotted parts")
    expectError("[" + String(repeating: "a.", count: 100) + "b]", line: 1, column: 34, "at most 16 dotted parts")
  }
}
