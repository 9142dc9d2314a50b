/// Why a report customisation (template or proposal-rule override) could not be used.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A template file could not be read or parsed.
  case template(name: String, message: String)
  /// A proposal-rules file could not be read or has an error on a line.
  case proposalRules(source: String, line: Int?, message: String)

  /// The file the problem is in, for a located diagnostic.
  public var fileName: String {
    switch self {
    case .template(let name, _): name
    case .proposalRules(let source, _, _): source
    }
  }

  /// The line, when the problem has one.
  public var line: Int? {
    if case .proposalRules(_, let line, _) = self { return line }
    return nil
  }

  /// What is wrong, without the location.
  public var message: String {
    switch self {
    case .template(_, let message), .proposalRules(_, _, let message): message
    }
  }

  public var description: String {
    switch self {
    case .template(let name, let message): "\(name): error: \(message)"
    case .proposalRules(let source, let line, let message):
      line.map { "\(source):\($0): error: \(message)" } ?? "\(source): error: \(message)"
    }
  }
}
