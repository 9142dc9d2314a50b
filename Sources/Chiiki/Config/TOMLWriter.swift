/// Writes TOML text that `TOMLParser` (and any TOML 1.0 reader) reads back to the same values.
enum TOMLWriter {
  /// A key: bare if it may be, otherwise a quoted basic string.
  static func key(_ name: String) -> String {
    if !name.isEmpty && name.unicodeScalars.allSatisfy(TOMLParser.isBareKeyScalar) { return name }
    return quoted(name)
  }

  /// A basic string with `"`, `\` and control characters escaped.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      case "\u{08}": result += "\\b"
      case "\u{0C}": result += "\\f"
      default:
        if TOMLCursor.isForbiddenControl(scalar) {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  /// A float that reads back to exactly the same Double (Swift's shortest round-trip form,
  /// e.g. `0.95`, `5.0`, `1e-05`, all valid TOML floats).
  static func float(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    return value.description
  }

  /// An array of strings on one line.
  static func stringArray(_ items: [String]) -> String {
    "[" + items.map(quoted).joined(separator: ", ") + "]"
  }
}
