import Foundation

/// A value two or more write jobs share, built by whichever asks first (the others wait for
/// it): the resource directory, which its Markdown and HTML renderings both read, so that each
/// rendering can be a job of its own.
final class BuiltOnce<T: Sendable>: @unchecked Sendable {
  // Safe: `value` is only touched while holding `lock`.
  private let lock = NSLock()
  private var value: T? = nil
  private let build: @Sendable () -> T

  init(_ build: @escaping @Sendable () -> T) { self.build = build }

  func get() -> T {
    lock.lock()
    defer { lock.unlock() }
    if let value { return value }
    let built = build()
    value = built
    return built
  }
}
