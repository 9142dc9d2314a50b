/// A place in a TOML text: 1-based line and 1-based column, counted in Unicode scalars
/// (so `中間的就労` advances the column by 5), after any byte-order mark.
struct TOMLLocation: Hashable, Sendable, CustomStringConvertible {
  var line: Int
  var column: Int

  var description: String { "\(line):\(column)" }
}

/// A syntax error in a TOML text: where it is and what is wrong, in words for the user.
struct TOMLSyntaxError: Error, Hashable, Sendable {
  var location: TOMLLocation
  var message: String
}

/// A parsed TOML value. Tables are reference types while the document is built (so that a
/// header can reopen a table created earlier); nothing outside the parser mutates them.
enum TOMLValue {
  case string(String)
  case integer(Int)
  case float(Double)
  case boolean(Bool)
  case array([TOMLNode])
  case table(TOMLTable)

  /// Whether the value is not a table.
  var isScalarOrArray: Bool {
    if case .table = self { return false }
    return true
  }

  /// The kind of value, for messages: "a string", "an array", …
  var kindName: String {
    switch self {
    case .string: return "a string"
    case .integer: return "an integer"
    case .float: return "a number"
    case .boolean: return "a boolean"
    case .array: return "an array"
    case .table: return "a table"
    }
  }
}

/// A value together with where it starts and (for scalars) how it was written.
struct TOMLNode {
  var value: TOMLValue
  var location: TOMLLocation
  /// The value's source text for scalars (e.g. `1_000`, `"95%"`), used to quote it back to
  /// the user; empty for arrays and tables.
  var sourceText: String
}

/// A TOML table: keys in the order they were written, each with where the key stands.
final class TOMLTable {
  /// How the table came to exist; decides whether it may be reopened or extended.
  enum Origin {
    /// Created as the parent of a header such as `[a.b]` (for `a`); may later get its own header.
    case implicit
    /// Defined by a `[header]`.
    case header
    /// Created by a dotted key such as `a.b = 1` (for `a`).
    case dotted
    /// Written inline as `{ … }`; closed once written.
    case inline
    /// The document's root table.
    case root
  }

  /// One key of the table.
  struct Entry {
    var key: String
    /// Where the key (or the header naming the table) stands.
    var keyLocation: TOMLLocation
    var node: TOMLNode
  }

  var origin: Origin
  /// Where the table was first named.
  var location: TOMLLocation
  private(set) var entries: [Entry] = []
  private var indexByKey: [String: Int] = [:]

  init(origin: Origin, location: TOMLLocation) {
    self.origin = origin
    self.location = location
  }

  /// The entry for `key`, if the table has one.
  func entry(_ key: String) -> Entry? {
    guard let index = indexByKey[key] else { return nil }
    return entries[index]
  }

  /// Adds a key that the table does not have yet (the caller has checked).
  func insert(_ entry: Entry) {
    indexByKey[entry.key] = entries.count
    entries.append(entry)
  }
}
