import Foundation

/// One output file rendered as consecutive blocks of rows by several jobs (on all cores), and
/// written in block order: a block that is done before the ones ahead of it waits (in memory)
/// until they are written. The file's bytes, and so its hash, are those of rendering the blocks
/// one after the other.
///
/// Jobs are started in index order (`ParallelMap`), so at most a few blocks ever wait.
final class OrderedBlocks: @unchecked Sendable {
  // Safe: `next` and `waiting` are only touched while holding `lock`; the sink is written only
  // under the lock, by one thread at a time.
  let sink: OutputSink
  let count: Int
  private let lock = NSLock()
  private var next = 0
  private var waiting: [Int: [UInt8]] = [:]
  /// Buffers of written blocks, emptied and kept for the next blocks (fresh multi-megabyte
  /// buffers would cost a page fault per 4 kB).
  private var spare: [[UInt8]] = []
  /// CPU seconds of the blocks' jobs (total, largest), for `CHIIKI_TIMINGS`.
  private var cpu = (total: 0.0, largest: 0.0)

  init(sink: OutputSink, count: Int) {
    self.sink = sink
    self.count = count
  }

  /// Hands over block `k`; it and any waiting blocks after it go to the file when their turn
  /// has come.
  func deliver(_ k: Int, _ bytes: [UInt8]) {
    lock.lock()
    defer { lock.unlock() }
    waiting[k] = bytes
    while var ready = waiting.removeValue(forKey: next) {
      sink.write(ready)
      next += 1
      if spare.count < 4 {
        ready.removeAll(keepingCapacity: true)
        spare.append(ready)
      }
    }
  }

  /// Renders block `k` with `render` (into a fresh writer with room for `capacity` bytes) and
  /// delivers it; with `CHIIKI_TIMINGS`, counts the job's thread CPU time.
  func run(_ k: Int, capacity: Int, _ render: (inout CSVWriter) -> Void) {
    let start = PhaseTimings.enabled ? threadCPUSeconds() : 0
    lock.lock()
    let buffer = spare.popLast() ?? []
    lock.unlock()
    var csv = CSVWriter(rows: buffer, capacity: capacity)
    render(&csv)
    deliver(k, csv.data)
    guard PhaseTimings.enabled else { return }
    let used = threadCPUSeconds() - start
    lock.lock()
    cpu = (cpu.total + used, max(cpu.largest, used))
    lock.unlock()
  }

  /// Closes the file once every block has been delivered (with `CHIIKI_TIMINGS`, prints the
  /// blocks' CPU time: the file's share of the write).
  func close() throws(ChiikiError) -> WrittenFile {
    lock.lock()
    let complete = next == count && waiting.isEmpty
    let cpu = self.cpu
    lock.unlock()
    if PhaseTimings.enabled {
      let line = "[timing]   write \(sink.name) in \(count) blocks  thread cpu \(Int(cpu.total * 1000)) ms (largest block \(Int(cpu.largest * 1000)) ms)\n"
      FileHandle.standardError.write(Data(line.utf8))
    }
    guard complete else { throw ChiikiError.io(path: sink.name, reason: "cannot write \(sink.name): blocks missing") }
    return try sink.close()
  }

  /// Splits `count` rows into blocks of about `rowsPerBlock` (at least one block).
  static func ranges(count: Int, rowsPerBlock: Int) -> [Range<Int>] {
    let size = max(1, rowsPerBlock)
    let blocks = max(1, (count + size - 1) / size)
    return (0..<blocks).map { b in (b * size)..<min(count, (b + 1) * size) }
  }
}

extension CSVWriter {
  /// A writer for a block of rows in the middle of a document (no BOM, no header), building
  /// into `buffer` (empty; its room is reused) with room for at least `capacity` bytes.
  init(rows buffer: [UInt8], capacity: Int) {
    data = buffer
    data.reserveCapacity(capacity)
  }
}
