/// Reading typed values out of TOML nodes, and the messages for values that do not fit.
extension TOMLNode {
  /// A number: a float, or an integer taken as one.
  var number: Double? {
    switch value {
    case .float(let number): return number
    case .integer(let integer): return Double(integer)
    default: return nil
    }
  }

  /// A whole number: an integer, or a float with no fraction that fits an `Int`.
  var wholeNumber: Int? {
    switch value {
    case .integer(let integer): return integer
    case .float(let number):
      guard number.isFinite, number.rounded() == number, abs(number) < 9.0e15 else { return nil }
      return Int(number)
    default: return nil
    }
  }

  /// The value as the user wrote it, for "not …" in messages: `"95%"`, `1_000`, `an array`.
  var shown: String {
    switch value {
    case .string(let text):
      let limit = 40
      let scalars = Array(text.unicodeScalars)
      guard scalars.count > limit else { return TOMLWriter.quoted(text) }
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[0..<limit])
      return TOMLWriter.quoted(String(view)) + "…"
    case .array: return "an array"
    case .table: return "a table"
    case .integer, .float, .boolean: return sourceText
    }
  }

  /// An array of non-empty strings; an error names the element that is not one.
  func textList(_ name: String) throws(ConfigValueError) -> [String] {
    let expects = "an array of texts in quotes, such as [\"就労\", \"unemployment\"]"
    guard case .array(let items) = value else { throw .mismatch(name, expects: expects, self) }
    var texts: [String] = []
    for item in items {
      guard case .string(let text) = item.value, !text.isEmpty else {
        throw ConfigValueError(
          "every element of \(name) must be non-empty text in quotes, not \(item.shown)", at: item.location)
      }
      texts.append(text)
    }
    return texts
  }
}

extension ConfigValueError {
  /// `name must be <expects>, not <value>`.
  static func mismatch(_ name: String, expects: String, _ node: TOMLNode) -> ConfigValueError {
    ConfigValueError("\(name) must be \(expects), not \(node.shown)")
  }

  /// "a whole number between 1 and 60", "a whole number of at least 0".
  static func describe(_ range: ClosedRange<Int>) -> String {
    range.upperBound == Int.max
      ? "a whole number of at least \(range.lowerBound)"
      : "a whole number between \(range.lowerBound) and \(range.upperBound)"
  }
}
