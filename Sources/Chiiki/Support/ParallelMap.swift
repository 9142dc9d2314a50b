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

  /// An array of `count` elements built in chunks of `chunkSize` on all cores, each chunk
  /// written in place by `body(range, emit)` calling `emit` once per index of the range, in
  /// order. The same array as a sequential loop, without per-chunk arrays joined afterwards (at
  /// national scale those copies were a transient of ~50 MB).
  static func build<T: Sendable>(count: Int, chunkSize: Int, _ body: @Sendable (Range<Int>, (T) -> Void) -> Void) -> [T] {
    guard count > 0 else { return [] }
    let chunks = (count + chunkSize - 1) / chunkSize
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      let base = Base(pointer: buffer.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let range = (c * chunkSize)..<min(count, (c + 1) * chunkSize)
        var next = range.lowerBound
        body(range) { value in
          precondition(next < range.upperBound, "ParallelMap.build: more elements than indices")
          (base.pointer + next).initialize(to: value)
          next += 1
        }
        precondition(next == range.upperBound, "ParallelMap.build: fewer elements than indices")
      }
      initialized = count
    }
  }

  /// The output buffer shared by `build`'s chunks.
  private struct Base<T>: @unchecked Sendable {
    // Safe: each chunk initialises only the elements of its own range.
    let pointer: UnsafeMutablePointer<T>
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
