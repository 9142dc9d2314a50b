import Foundation

/// Reads chiiki.toml into a `Configuration`, and writes a `Configuration` back as TOML.
///
/// Every problem is reported as `file:line:column: error: …`: syntax errors (the first one
/// stops the reading), then unknown keys, wrong types and out-of-range values (all of them).
/// Keys not given keep the defaults of `Configuration()`. See `ConfigSchema` for the keys and
/// `exampleTOML` for a documented file.
public enum ConfigurationLoader {
  /// Loads and validates; `displayName` is used in diagnostics (default: the file's name).
  /// Relative paths inside the file are taken from the file's folder.
  public static func load(path: String, displayName: String? = nil) throws(ChiikiError) -> Configuration {
    let name = displayName ?? fileName(of: path)
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw .io(path: path, reason: "cannot read the configuration file (\(error.localizedDescription))")
    }
    let bytes = [UInt8](data)
    let text = String(decoding: bytes, as: UTF8.self)
    if let line = firstInvalidUTF8Line(bytes, decoded: text) {
      var log = DiagnosticLog()
      log.add(Diagnostic(.error, file: name, line: line, "the file is not valid UTF-8 text; save it as UTF-8"))
      throw .invalidInput(log)
    }
    return try parse(text: text, displayName: name, baseDirectory: directory(of: path))
  }

  /// Parses and validates TOML text; relative paths in it are resolved against `baseDirectory`
  /// (empty: left as they are).
  public static func parse(text: String, displayName: String, baseDirectory: String) throws(ChiikiError) -> Configuration {
    let root: TOMLTable
    do {
      root = try TOMLParser.parse(text)
    } catch {
      var log = DiagnosticLog()
      log.add(Diagnostic(.error, file: displayName, line: error.location.line, column: error.location.column, error.message))
      throw .invalidInput(log)
    }
    var binder = ConfigBinder(file: displayName, context: ConfigContext(baseDirectory: baseDirectory))
    binder.bind(root)
    if binder.log.hasErrors { throw .invalidInput(binder.log) }
    return binder.configuration
  }

  /// The configuration as TOML text (every key with its value), for the manifest and
  /// `chiiki config --show`-style use; deterministic order. Parsing it back gives the same
  /// configuration, provided the default indicators and resource kinds are still present
  /// (the file can change or add them, not remove them).
  public static func render(_ configuration: Configuration) -> String {
    ConfigRenderer.render(configuration)
  }

  // MARK: Paths

  static func fileName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    let name = path[path.index(after: slash)...]
    return name.isEmpty ? path : String(name)
  }

  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// The 1-based line holding the first byte that is not valid UTF-8, or nil if all are valid.
  static func firstInvalidUTF8Line(_ bytes: [UInt8], decoded: String) -> Int? {
    if decoded.utf8.elementsEqual(bytes) { return nil }
    var line = 1
    for lineBytes in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      if !String(decoding: lineBytes, as: UTF8.self).utf8.elementsEqual(lineBytes) { return line }
      line += 1
    }
    return line
  }
}
