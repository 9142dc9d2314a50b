import Foundation

/// A value two or more write jobs share, built by whichever asks first (the others wait for
/// it): the resource directory, which its Markdown and HTML renderings both read, so that each
/// rendering can be a job of its own.
final class BuiltOnce<T: Sendable>: @unchecked Sendable {
  // Safe: `value` is only touched while holding `lock`.
  private let lock = NSLock()
  private var value: T? = nil
  private let build: @Sendable () -> T
  /// How many users have not called `done` yet (when it reaches zero the value is let go; a
  /// later `get` would build it again, a caller error).
  private var users: Int

  /// `users`: how many jobs read the value; after the last one's `done` it is let go (the
  /// resource directory, tens of MB at national scale, before the write ends).
  init(users: Int = Int.max, _ build: @escaping @Sendable () -> T) {
    self.users = users
    self.build = build
  }

  /// A user is finished with the value; after the last one, it is let go.
  func done() {
    lock.lock()
    users -= 1
    let last: T? = users == 0 ? value : nil
    if users == 0 { value = nil }
    lock.unlock()
    _ = last  // released outside the lock
  }

  /// Whether the last user called `done` and the value was let go.
  var isReleased: Bool {
    lock.lock()
    defer { lock.unlock() }
    return users <= 0
  }

  func get() -> T {
    lock.lock()
    defer { lock.unlock() }
    if let value { return value }
    let built = build()
    value = built
    return built
  }
}
