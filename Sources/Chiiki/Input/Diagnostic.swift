/// One problem found in the input, located as precisely as the input allows:
/// printed as `statistics.csv:37:6: error: numerator '12a' is not a whole number`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable, Comparable {
    case note, warning, error
    public static func < (a: Severity, b: Severity) -> Bool {
      let order: [Severity] = [.note, .warning, .error]
      return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
  }

  public var severity: Severity
  /// The file's name as the user knows it (e.g. `statistics.csv`), not a temporary path.
  public var file: String
  /// 1-based physical line where the record starts, if the problem has one.
  public var line: Int?
  /// 1-based column (field number), if the problem is in one cell.
  public var column: Int?
  public var message: String

  public init(_ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var location: String {
    var text = file
    if let line { text += ":\(line)" }
    if let column { text += ":\(column)" }
    return text
  }

  public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Collects diagnostics while a file is read, so that many bad rows give one report
/// (the first `limit` of each severity in full, then a count) rather than stopping at the first.
public struct DiagnosticLog: Sendable {
  public private(set) var shown: [Diagnostic] = []
  public private(set) var errorCount = 0
  public private(set) var warningCount = 0
  public private(set) var noteCount = 0
  /// How many errors (and, separately, warnings) are kept in full.
  public let limit: Int

  public init(limit: Int = 20) { self.limit = limit }

  public var hasErrors: Bool { errorCount > 0 }

  public mutating func add(_ d: Diagnostic) {
    switch d.severity {
    case .error:
      errorCount += 1
      if errorCount <= limit { shown.append(d) }
    case .warning:
      warningCount += 1
      if warningCount <= limit { shown.append(d) }
    case .note:
      noteCount += 1
      if noteCount <= limit { shown.append(d) }
    }
  }

  public mutating func merge(_ other: DiagnosticLog) {
    for d in other.shown { add(d) }
    // Count those the other log held back, without their text.
    errorCount += other.errorCount - other.shown.filter { $0.severity == .error }.count
    warningCount += other.warningCount - other.shown.filter { $0.severity == .warning }.count
    noteCount += other.noteCount - other.shown.filter { $0.severity == .note }.count
  }

  /// The same log with every located diagnostic moved down `lines` lines (for the second half
  /// of a file read in two halves, whose lines were counted from 1).
  public func shiftingLines(by lines: Int) -> DiagnosticLog {
    var copy = self
    for i in copy.shown.indices { copy.shown[i].line = copy.shown[i].line.map { $0 + lines } }
    return copy
  }

  public var errors: [Diagnostic] { shown.filter { $0.severity == .error } }
  public var warnings: [Diagnostic] { shown.filter { $0.severity == .warning } }
  public var notes: [Diagnostic] { shown.filter { $0.severity == .note } }

  /// Lines for the terminal: every kept diagnostic, then counts of those held back.
  public func rendered() -> [String] {
    var lines = shown.map(\.description)
    if errorCount > limit { lines.append("… and \(errorCount - limit) more errors") }
    if warningCount > limit { lines.append("… and \(warningCount - limit) more warnings") }
    if noteCount > limit { lines.append("… and \(noteCount - limit) more notes") }
    return lines
  }
}

/// The failure of a run or an import: what went wrong, in words a user can act on.
public enum ChiikiError: Error, CustomStringConvertible, Sendable {
  /// The input had errors; all that were found (up to the log's limit) are listed.
  case invalidInput(DiagnosticLog)
  /// A file or folder could not be read or written.
  case io(path: String, reason: String)
  /// A usage problem: a bad option value or combination.
  case usage(String)

  public var description: String {
    switch self {
    case .invalidInput(let log):
      var lines = log.rendered()
      lines.append("\(log.errorCount) error\(log.errorCount == 1 ? "" : "s") in the input; nothing was written.")
      return lines.joined(separator: "\n")
    case .io(let path, let reason): return "\(path): error: \(reason)"
    case .usage(let message): return "error: \(message)"
    }
  }
}
