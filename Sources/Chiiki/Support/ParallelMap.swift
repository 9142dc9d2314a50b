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
    fill(count: count, chunkSize: chunkSize) { range, slice in
      var next = 0
      body(range) { value in
        precondition(next < slice.count, "ParallelMap.build: more elements than indices")
        (slice.baseAddress! + next).initialize(to: value)
        next += 1
      }
      precondition(next == slice.count, "ParallelMap.build: fewer elements than indices")
    }
  }

  /// An array of `count` elements built in chunks of `chunkSize` on all cores, `body(range,
  /// slice)` initialising every element of its chunk's slice of the array in place (slice index
  /// 0 is element `range.lowerBound`). For chunks that accumulate into their elements: no
  /// per-chunk array first-touched and copied over (at national scale each was 1.76 MB of
  /// fresh pages).
  static func fill<T: Sendable>(count: Int, chunkSize: Int, _ body: @Sendable (Range<Int>, UnsafeMutableBufferPointer<T>) -> Void) -> [T] {
    guard count > 0 else { return [] }
    let chunks = (count + chunkSize - 1) / chunkSize
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      let base = Base(pointer: buffer.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let range = (c * chunkSize)..<min(count, (c + 1) * chunkSize)
        body(range, UnsafeMutableBufferPointer(start: base.pointer + range.lowerBound, count: range.count))
      }
      initialized = count
    }
  }

  /// An array of `count` elements made from inputs 0..<count taken in chunks of `chunkSize` on
  /// all cores, `body(range, emit)` calling `emit(position, value)` once per input of its range
  /// with each value's place in the array: inputs are read in their own (memory) order and each
  /// value written straight into its place. The same array as building it place by place. Places
  /// that are not a permutation of 0..<count (out of range, met twice) are a programming error
  /// and trap.
  static func scatter<T: Sendable>(count: Int, chunkSize: Int, _ body: @Sendable (Range<Int>, (Int, T) -> Void) -> Void) -> [T] {
    guard count > 0 else { return [] }
    let chunks = (count + chunkSize - 1) / chunkSize
    let seen = Flags(count)
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      let base = Base(pointer: buffer.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let range = (c * chunkSize)..<min(count, (c + 1) * chunkSize)
        var emitted = 0
        body(range) { p, value in
          precondition(emitted < range.count, "ParallelMap.scatter: more elements than inputs")
          precondition(p >= 0 && p < count && seen.claim(p), "ParallelMap.scatter: places are not a permutation")
          (base.pointer + p).initialize(to: value)
          emitted += 1
        }
        precondition(emitted == range.count, "ParallelMap.scatter: fewer elements than inputs")
      }
      initialized = count
    }
  }

  /// One flag per output position, each claimed once (by one chunk).
  private final class Flags: @unchecked Sendable {
    // Safe for what it guards: a permutation claims each flag from one thread only. A second
    // claim is the error `scatter` traps on (a check, not a lock: two chunks claiming the same
    // place at the very same moment could both pass it).
    private let flags: UnsafeMutablePointer<Bool>
    private let count: Int

    init(_ count: Int) {
      self.count = count
      flags = .allocate(capacity: count)
      flags.initialize(repeating: false, count: count)
    }

    deinit {
      flags.deinitialize(count: count)
      flags.deallocate()
    }

    func claim(_ p: Int) -> Bool {
      if flags[p] { return false }
      flags[p] = true
      return true
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
