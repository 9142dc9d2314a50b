import Dispatch
import Foundation

/// Per-thread state of a loader that can read a file in two halves at once.
protocol RowAccumulator: RowConsumer {
  /// Folds in the state of the rows that follow this state's rows in the file. False when the
  /// two overlap in a way only a sequential read can report (a duplicate cell across halves).
  /// `lineOffset` is added to the later state's line numbers.
  mutating func absorb(_ later: inout Self, lineOffset: Int) -> Bool
}

/// Whether loaders may use a second thread. Tests turn it off to compare outputs byte for byte.
public enum ReadParallelism: Sendable {
  /// Split files of at least `minimumSplitBytes` at a verified row boundary.
  case automatic
  /// Always read in one thread.
  case off
  /// Split every file that has a line break after its middle (tests of small files).
  case always

  var minimumSplitBytes: Int? {
    switch self {
    case .automatic: return 32 << 20
    case .off: return nil
    case .always: return 1
    }
  }
}

/// The header of the first half, handed to the thread reading the second half.
private final class HeaderHandoff: @unchecked Sendable {
  // Safe: `header` is written once, by the first-half thread, before `ready.signal()`; the
  // second-half thread reads it only after `ready.wait()`, which orders the two accesses.
  private var header: HeaderMap? = nil
  private var delivered = false
  private let ready = DispatchSemaphore(value: 0)

  func deliver(_ h: HeaderMap?) {
    guard !delivered else { return }
    delivered = true
    header = h
    ready.signal()
  }

  func wait() -> HeaderMap? {
    ready.wait()
    ready.signal()  // later waiters (none today) pass straight through
    return header
  }
}

/// Bytes read by both halves together, for one progress line.
final class ProgressTally: @unchecked Sendable {
  // Safe: every access to `done`, and every call of `report`, holds `lock`, so the caller's
  // (non-Sendable) closure never runs on two threads at once.
  private let lock = NSLock()
  private var done = 0
  private let report: ((Int, Int) -> Void)?
  private let total: Int

  init(total: Int, report: ((Int, Int) -> Void)?) {
    self.total = total
    self.report = report
  }

  /// A per-thread closure that adds what that thread has read since its last call.
  func reporter() -> ((Int, Int) -> Void)? {
    guard report != nil else { return nil }
    var last = 0
    return { [self] consumed, _ in
      lock.lock()
      done += consumed - last
      report?(done, total)
      lock.unlock()
      last = consumed
    }
  }
}

/// Reads a table like `readTable`, but splits a large file in two at a line break near its
/// middle and reads the halves on two threads. The split is speculative: the first half's
/// parser must be idle (between records) exactly at the split, which proves the line break
/// was not inside a quoted field; if it is not, the first thread reads on to the end and the
/// second half's work is dropped. Diagnostics of the second half get their line numbers
/// shifted and follow the first half's, so the log is the one a single thread would write.
func readTableSplit<A: RowAccumulator & Sendable>(
  path: String, schema: TableSchema, encoding: InputEncoding?, log: inout DiagnosticLog,
  parallelism: ReadParallelism, progress: ((Int, Int) -> Void)? = nil, make: @escaping @Sendable () -> A
) throws(ChiikiError) -> (A, CSVReadSummary) {
  func sequential(_ log: inout DiagnosticLog) throws(ChiikiError) -> (A, CSVReadSummary) {
    var acc = make()
    let summary = try readTable(path: path, schema: schema, encoding: encoding, log: &log, progress: progress, into: &acc)
    return (acc, summary)
  }
  guard let minimum = parallelism.minimumSplitBytes, let size = fileSize(path), size >= minimum,
    let split = lineBreakAfterMiddle(path: path, size: size)
  else { return try sequential(&log) }

  let sniffed = try CSVReader(path: path, displayName: schema.file, encoding: encoding).sniff()
  let tally = ProgressTally(total: size, report: progress)
  let handoff = HeaderHandoff()

  let halves = SplitSlots<A>()
  defer { halves.free() }
  let limit = log.limit
  // Each iteration writes only its own slot of `halves`; the join at the end of
  // concurrentPerform orders those writes before the reads below.
  DispatchQueue.concurrentPerform(iterations: 2) { i in
    let started = threadCPUSeconds()
    defer {
      if PhaseTimings.enabled {
        let line = "[timing]     \(schema.file) half \(i) cpu \(Int((threadCPUSeconds() - started) * 1000)) ms\n"
        FileHandle.standardError.write(Data(line.utf8))
      }
    }
    var r = CSVReader(path: path, displayName: schema.file, encoding: sniffed.encoding)
    r.progress = tally.reporter()
    let context = UnsafeMutablePointer<TableContext>.allocate(capacity: 1)
    context.initialize(to: TableContext(file: schema.file))
    defer {
      context.deinitialize(count: 1)
      context.deallocate()
    }
    var sink = TableSink(schema: schema, context: context, consumer: make(), log: DiagnosticLog(limit: limit))
    let result: Result<CSVRangeResult, ChiikiError>
    if i == 0 {
      sink.onHeader = { handoff.deliver($0) }
      defer { handoff.deliver(sink.headerFailed ? nil : context.pointee.header) }
      result = Result { () throws(ChiikiError) -> CSVRangeResult in
        try r.read(from: 0, to: split, stopAtRowBoundary: true, into: &sink)
      }
    } else {
      sink.waitForHeader = { handoff.wait() }
      result = Result { () throws(ChiikiError) -> CSVRangeResult in
        try r.read(from: split, to: Int.max, stopAtRowBoundary: false, into: &sink)
      }
    }
    let header = context.pointee.header
    halves.pointer[i] = SplitHalf(acc: sink.consumer, log: sink.log, result: result, header: header)
  }
  guard var first = halves.pointer[0], var second = halves.pointer[1] else { return try sequential(&log) }
  let firstRange = try first.result.get()
  if first.header == nil {
    // Empty file or a failed header: the sequential path says so in its usual words.
    return try sequential(&log)
  }
  var summary = firstRange.summary
  if firstRange.endedAtRowBoundary {
    let secondRange: CSVRangeResult
    do {
      secondRange = try second.result.get()
    } catch {
      if case .invalidInput(let l) = error { throw .invalidInput(l.shiftingLines(by: firstRange.nextLine - 1)) }
      throw error
    }
    guard first.acc.absorb(&second.acc, lineOffset: firstRange.nextLine - 1) else { return try sequential(&log) }
    summary.records += secondRange.summary.records
    summary.bytes += secondRange.summary.bytes
    log.merge(first.log)
    log.merge(second.log.shiftingLines(by: firstRange.nextLine - 1))
  } else {
    log.merge(first.log)
  }
  return (first.acc, summary)
}

/// Two result slots, one per thread of `readTableSplit`.
private struct SplitSlots<A>: @unchecked Sendable {
  // Safe: thread i writes only `pointer[i]`, and the reads happen after concurrentPerform has
  // joined both threads.
  let pointer: UnsafeMutablePointer<SplitHalf<A>?>

  init() {
    pointer = .allocate(capacity: 2)
    pointer.initialize(repeating: nil, count: 2)
  }

  func free() {
    pointer.deinitialize(count: 2)
    pointer.deallocate()
  }
}

/// What one thread of `readTableSplit` produced.
private struct SplitHalf<A> {
  var acc: A
  var log: DiagnosticLog
  var result: Result<CSVRangeResult, ChiikiError>
  var header: HeaderMap?
}

/// The size of the file at `path` in bytes, nil if it cannot be read.
func fileSize(_ path: String) -> Int? {
  var st = stat()
  guard stat(path, &st) == 0 else { return nil }
  return Int(st.st_size)
}

/// The offset just after the first line feed at or after the middle of the file, if any
/// within the next MiB.
private func lineBreakAfterMiddle(path: String, size: Int) -> Int? {
  let fd = open(path, O_RDONLY)
  guard fd >= 0 else { return nil }
  defer { close(fd) }
  let middle = size / 2
  let window = min(1 << 20, size - middle)
  guard window > 0 else { return nil }
  var buffer = [UInt8](repeating: 0, count: window)
  let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, window, off_t(middle)) }
  guard n > 0, let i = buffer[0..<n].firstIndex(of: 0x0A) else { return nil }
  let split = middle + i + 1
  return split < size ? split : nil
}
