import Dispatch

/// Runs independent, pure jobs on all cores and returns their results in job order, so the
/// outcome is the same as a sequential loop (used for per-indicator analysis and for rendering
/// the output files).
enum ParallelMap {
  static func map<T: Sendable>(_ count: Int, _ job: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(job) }
    let slots = Slots<T>(count)
    DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, job(i)) }
    return slots.values()
  }

  /// One result slot per job.
  private final class Slots<T>: @unchecked Sendable {
    // Safe: job i writes only slot i, and `values()` reads after concurrentPerform has returned,
    // which happens-after every job.
    private let pointer: UnsafeMutablePointer<T?>
    private let count: Int

    init(_ count: Int) {
      self.count = count
      pointer = .allocate(capacity: count)
      pointer.initialize(repeating: nil, count: count)
    }

    deinit {
      pointer.deinitialize(count: count)
      pointer.deallocate()
    }

    func set(_ i: Int, _ value: T) { pointer[i] = value }

    func values() -> [T] { (0..<count).map { pointer[$0]! } }
  }
}
