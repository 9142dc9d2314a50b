import Dispatch
import Foundation

/// The SHA-256 of a file, computed on a low-priority thread while the loaders parse other
/// files: the thread runs when a core is idle (the end of the shorter of two parallel reads,
/// the single-threaded checks after a read), so hashing statistics.csv costs little wall time
/// and needs no separate pass between the reads. Whoever asks for the digest takes over the
/// rest of the hashing at its own priority, so a busy machine cannot starve it.
final class BackgroundDigest: @unchecked Sendable {
  // Safe: every access to the mutable state below holds `lock`.
  private let lock = NSLock()
  private let fd: Int32
  private var hasher = SHA256()
  private var offset = 0
  private var finished = false
  private var failed = false
  private var takenOver = false
  private var digest: String? = nil
  private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)

  /// Starts hashing `path` at once.
  init(path: String) {
    fd = open(path, O_RDONLY)
    if fd < 0 { failed = true }
    let thread = Thread { [self] in
      BackgroundDigest.lowerPriority()
      while step(background: true) {}
    }
    thread.start()
  }

  deinit {
    if fd >= 0 { close(fd) }
    buffer.deallocate()
  }

  /// Hashes the next chunk; false when there is nothing more for this caller to do.
  private func step(background: Bool) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    if finished || failed || (background && takenOver) { return false }
    let n = pread(fd, buffer.baseAddress, buffer.count, off_t(offset))
    if n < 0 {
      if errno == EINTR { return true }
      failed = true
      return false
    }
    if n == 0 {
      finished = true
      digest = hasher.finalizeHex()
      return false
    }
    hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
    offset += n
    return true
  }

  /// The digest, finishing the hashing in the calling thread; nil if the file could not be read.
  func wait() -> String? {
    lock.lock()
    takenOver = true
    lock.unlock()
    while step(background: false) {}
    lock.lock()
    defer { lock.unlock() }
    return failed ? nil : digest
  }

  /// Stops the hashing (an input error makes the digest unnecessary).
  func cancel() {
    lock.lock()
    takenOver = true
    lock.unlock()
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
