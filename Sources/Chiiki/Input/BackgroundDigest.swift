import Dispatch
import Foundation

/// The SHA-256 of a file, computed on a low-priority thread while the loaders parse other
/// files: the thread runs when a core is idle (the end of the shorter of two parallel reads,
/// the single-threaded checks after a read), so hashing statistics.csv costs little wall time
/// and needs no separate pass between the reads.
final class BackgroundDigest: @unchecked Sendable {
  // Safe: `digest` is written once by the hashing thread before `done.signal()`, and read only
  // after `done.wait()`, which orders the two accesses.
  private var digest: String? = nil
  private let done = DispatchSemaphore(value: 0)

  /// Starts hashing `path` at once.
  init(path: String) {
    let thread = Thread { [self] in
      BackgroundDigest.lowerPriority()
      digest = SHA256.hexDigest(ofFile: path)
      done.signal()
    }
    thread.start()
  }

  /// Waits for the digest; nil if the file could not be read.
  func wait() -> String? {
    done.wait()
    done.signal()  // later waiters pass straight through
    return digest
  }

  /// Lowers the calling thread to the lowest CPU priority (Linux: nice 19 for this thread).
  private static func lowerPriority() {
    #if os(Linux)
      // On Linux the nice value belongs to the thread (man 2 setpriority, BUGS): who = 0 is this thread.
      _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
    #else
      Thread.current.qualityOfService = .background
    #endif
  }
}
