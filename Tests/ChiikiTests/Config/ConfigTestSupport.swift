import Testing

@testable import Chiiki

/// Parses `text` as chiiki.toml and returns the errors it gives (empty if it loads).
func configErrors(_ text: String, base: String = "") -> [Diagnostic] {
  do {
    _ = try ConfigurationLoader.parse(text: text, displayName: "chiiki.toml", baseDirectory: base)
    return []
  } catch {
    guard case .invalidInput(let log) = error else { return [] }
    return log.errors
  }
}

/// Parses `text`, recording an issue if it does not load.
func loadConfig(_ text: String, base: String = "", sourceLocation: SourceLocation = #_sourceLocation) -> Configuration? {
  do {
    return try ConfigurationLoader.parse(text: text, displayName: "chiiki.toml", baseDirectory: base)
  } catch {
    Issue.record("unexpected error: \(error)", sourceLocation: sourceLocation)
    return nil
  }
}

/// Expects exactly one error at `line:column` whose message contains `message`.
func expectError(
  _ text: String, line: Int, column: Int, _ message: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let errors = configErrors(text)
  #expect(errors.count == 1, "errors: \(errors)", sourceLocation: sourceLocation)
  guard let error = errors.first else { return }
  #expect(error.file == "chiiki.toml", sourceLocation: sourceLocation)
  #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
  #expect(error.column == column, "\(error)", sourceLocation: sourceLocation)
  #expect(error.message.contains(message), "\(error)", sourceLocation: sourceLocation)
}

/// Parses `text` with the TOML parser alone, recording an issue on a syntax error.
func parseTOML(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> TOMLTable? {
  do {
    return try TOMLParser.parse(text)
  } catch {
    Issue.record("\(error.location): \(error.message)", sourceLocation: sourceLocation)
    return nil
  }
}

extension TOMLTable {
  /// The value at a path of plain keys, for tests.
  func value(_ path: String...) -> TOMLValue? { value(path) }

  func string(_ path: String...) -> String? {
    guard case .string(let text)? = value(path as [String]) else { return nil }
    return text
  }

  func value(_ path: [String]) -> TOMLValue? {
    var table = self
    for (offset, key) in path.enumerated() {
      guard let entry = table.entry(key) else { return nil }
      if offset == path.count - 1 { return entry.node.value }
      guard case .table(let sub) = entry.node.value else { return nil }
      table = sub
    }
    return nil
  }
}

extension TOMLValue {
  var integerValue: Int? { if case .integer(let v) = self { v } else { nil } }
  var floatValue: Double? { if case .float(let v) = self { v } else { nil } }
  var boolValue: Bool? { if case .boolean(let v) = self { v } else { nil } }
  var arrayValue: [TOMLNode]? { if case .array(let v) = self { v } else { nil } }
  var stringValue: String? { if case .string(let v) = self { v } else { nil } }
}
