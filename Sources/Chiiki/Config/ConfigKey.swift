/// What is wrong with one configured value; the binder turns it into a located diagnostic.
struct ConfigValueError: Error {
  var message: String
  /// Where the problem is, when not at the start of the value (e.g. one element of an array).
  var location: TOMLLocation?

  init(_ message: String, at location: TOMLLocation? = nil) {
    self.message = message
    self.location = location
  }
}

/// What a key's setter may need besides its value.
struct ConfigContext: Sendable {
  /// The configuration file's folder, against which relative paths are resolved
  /// (empty: the current folder).
  var baseDirectory: String

  /// `path` as seen from the current folder: absolute paths stay, relative ones are taken
  /// from the configuration file's folder.
  func resolve(_ path: String) -> String {
    if path.hasPrefix("/") || baseDirectory.isEmpty || baseDirectory == "." { return path }
    return baseDirectory.hasSuffix("/") ? baseDirectory + path : baseDirectory + "/" + path
  }
}

/// One configurable key: its name, how a TOML value is checked and stored into `Target`,
/// and how the current value is written back as TOML.
///
/// Keys are declared in `ConfigSchema` with the factories below; `ConfigBinder` applies them
/// and `ConfigurationLoader.render` writes them, so a key lives in exactly one place.
struct ConfigKey<Target>: Sendable {
  /// The key as written in chiiki.toml.
  let name: String
  /// Checks `node` and stores it; throws a message for the user if the value is unfit.
  let apply: @Sendable (_ node: TOMLNode, _ target: inout Target, _ context: ConfigContext) throws(ConfigValueError) -> Void
  /// The value as TOML text (e.g. `0.95`, `"ja"`), or nil to leave the key out.
  let render: @Sendable (_ target: Target) -> String?
}

extension ConfigKey {
  /// Text; `allowEmpty: false` rejects `""`.
  static func text(_ name: String, _ keyPath: WritableKeyPath<Target, String> & Sendable, allowEmpty: Bool = true) -> ConfigKey {
    let expects = allowEmpty ? "text in quotes" : "non-empty text in quotes"
    return ConfigKey(
      name: name,
      apply: { node, target, _ throws(ConfigValueError) in
        guard case .string(let value) = node.value, allowEmpty || !value.isEmpty else {
          throw .mismatch(name, expects: expects, node)
        }
        target[keyPath: keyPath] = value
      },
      render: { TOMLWriter.quoted($0[keyPath: keyPath]) })
  }

  /// A number (integers are accepted too) within `range`; `expects` describes it for messages.
  static func number(
    _ name: String, _ keyPath: WritableKeyPath<Target, Double> & Sendable, in range: ClosedRange<Double>,
    excludingLowerBound: Bool = false, expects: String
  ) -> ConfigKey {
    ConfigKey(
      name: name,
      apply: { node, target, _ throws(ConfigValueError) in
        guard let value = node.number, range.contains(value), !(excludingLowerBound && value == range.lowerBound)
        else { throw .mismatch(name, expects: expects, node) }
        target[keyPath: keyPath] = value
      },
      render: { TOMLWriter.float($0[keyPath: keyPath]) })
  }

  /// A whole number within `range`.
  static func integer(_ name: String, _ keyPath: WritableKeyPath<Target, Int> & Sendable, in range: ClosedRange<Int>) -> ConfigKey {
    let expects = ConfigValueError.describe(range)
    return ConfigKey(
      name: name,
      apply: { node, target, _ throws(ConfigValueError) in
        guard let value = node.wholeNumber, range.contains(value) else { throw .mismatch(name, expects: expects, node) }
        target[keyPath: keyPath] = value
      },
      render: { String($0[keyPath: keyPath]) })
  }

  /// A whole number within `range`, or the text `word` (e.g. "none") for nil.
  static func optionalInteger(
    _ name: String, _ keyPath: WritableKeyPath<Target, Int?> & Sendable, in range: ClosedRange<Int>, orWord word: String
  ) -> ConfigKey {
    let expects = ConfigValueError.describe(range) + " or \"\(word)\""
    return ConfigKey(
      name: name,
      apply: { node, target, _ throws(ConfigValueError) in
        if case .string(word) = node.value {
          target[keyPath: keyPath] = nil
          return
        }
        guard let value = node.wholeNumber, range.contains(value) else { throw .mismatch(name, expects: expects, node) }
        target[keyPath: keyPath] = value
      },
      render: { target in target[keyPath: keyPath].map { String($0) } ?? TOMLWriter.quoted(word) })
  }

  /// One of a fixed set of words, such as "ja" or "en".
  static func choice<Choice: ConfigChoice>(
    _ name: String, _ keyPath: WritableKeyPath<Target, Choice> & Sendable, _ choices: [Choice]
  ) -> ConfigKey {
    let expects = "one of " + choices.map { TOMLWriter.quoted($0.rawValue) }.joined(separator: ", ")
    return ConfigKey(
      name: name,
      apply: { node, target, _ throws(ConfigValueError) in
        guard case .string(let word) = node.value, let value = choices.first(where: { $0.rawValue == word }) else {
          throw .mismatch(name, expects: expects, node)
        }
        target[keyPath: keyPath] = value
      },
      render: { TOMLWriter.quoted($0[keyPath: keyPath].rawValue) })
  }

  /// An array of non-empty texts.
  static func textList(_ name: String, _ keyPath: WritableKeyPath<Target, [String]> & Sendable) -> ConfigKey {
    ConfigKey(
      name: name,
      apply: { node, target, _ throws(ConfigValueError) in target[keyPath: keyPath] = try node.textList(name) },
      render: { TOMLWriter.stringArray($0[keyPath: keyPath]) })
  }
}

/// What `ConfigKey.choice` accepts: a string-backed enum that may be captured in the
/// key table's `@Sendable` closures.
#if compiler(>=6.2)
typealias ConfigChoice = RawRepresentable<String> & Sendable & SendableMetatype
#else
typealias ConfigChoice = RawRepresentable<String> & Sendable
#endif
