/// Why the fictional city could not be generated or written.
public enum SampleError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An option is outside what the generator supports.
  case invalidOption(String)
  /// A file or folder could not be created or written.
  case cannotWrite(path: String, reason: String)

  public var description: String {
    switch self {
    case .invalidOption(let message): return "invalid sample option: \(message)"
    case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
    }
  }
}
