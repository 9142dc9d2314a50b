import CLibCSV

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where one finished record lies in `ParseState`'s buffers.
struct BatchedRecord {
  var line: Int
  var byteStart: Int
  var endsStart: Int
  var count: Int
}

/// The state libcsv's callbacks fill, passed as a plain struct pointer (no ARC per field;
/// swift-and-libcsv.md §B measured this pattern at libcsv's own speed).
///
/// Field bytes go into one raw pool, field ends into one raw array, and each finished record
/// into a batch; the reader hands the batch to its sink after each `csv_parse` call, so the
/// callbacks do no Swift work beyond noting where fields and records end. The pool always
/// keeps `slack` readable bytes past its end, so a field of up to 16 bytes can be loaded as two
/// words.
///
/// libcsv writes each field's bytes straight into the pool: its field buffer (`entry_buf`,
/// `entry_size`, which it reads through the parser on every byte and hands to the field
/// callback) is pointed at the pool's free space, and moved on past each field as the field
/// callback notes it. Copying each field out of libcsv's own buffer instead cost most of the
/// field callback's time: loading bytes libcsv had just stored one at a time stalls (no store
/// forwarding into a wider load). libcsv never grows a buffer that has room for the bytes of a
/// `csv_parse` call (it writes at most one byte per input byte), so `prepare` gives it that room
/// before each call, and its own allocation is never used (`free` hands it back empty).
///
/// Field ends are 32-bit offsets from the record's start, and libcsv gets 8 KiB per call: the
/// pool, the ends and the batch of one call (~20 KB) can stay in the first-level cache until
/// the sink has read them, where 64-bit ends and 64 KiB calls made ~200 KB. (Measured on a
/// national statistics.csv together with the written-flag check of `CellColumns.write`: ~2%
/// less CPU per half, near the noise; 8 and 16 KiB calls measured the same.)
struct ParseState {
  static let slack = 16
  /// Bytes given to libcsv per call.
  static let sliceSize = 1 << 13
  /// The longest record (bytes of its fields) a 32-bit field end can locate.
  static let maxRecordBytes = Int(UInt32.max)

  private(set) var pool: UnsafeMutablePointer<UInt8>
  private var poolCapacity: Int
  private(set) var poolCount = 0
  private(set) var ends: UnsafeMutablePointer<UInt32>
  private var endsCapacity: Int
  private(set) var endsCount = 0
  private(set) var batch: UnsafeMutablePointer<BatchedRecord>
  private var batchCapacity: Int
  private(set) var batchCount = 0
  /// Pool offset and ends index where the record being parsed starts.
  private var recordStart = 0
  private var recordEndsStart = 0

  /// The line on which the next record starts.
  var nextLine = 1
  var previousTerminatorWasCR = false
  var records = 0
  /// Whether fields completed in the current `csv_parse` call may hold a line break: only a
  /// quoted field can, so the reader sets this when the slice has a quote byte or starts
  /// inside a quoted field.
  var scanFields = true
  /// Whether a field of the record being parsed holds a line break.
  private var recordHasBreak = false
  /// Set when a record's fields grew past `maxRecordBytes`; the reader then fails.
  private(set) var recordTooLong = false
  /// The parser whose field buffer is the pool's free space.
  private let parser: UnsafeMutablePointer<csv_parser>

  /// A state for `parser` (fresh from `csv_init`, no byte parsed yet), whose field buffer it
  /// takes over.
  init(parser: UnsafeMutablePointer<csv_parser>) {
    poolCapacity = 1 << 16
    pool = .allocate(capacity: poolCapacity + ParseState.slack)
    pool.initialize(repeating: 0, count: poolCapacity + ParseState.slack)
    endsCapacity = 1 << 12
    ends = .allocate(capacity: endsCapacity)
    batchCapacity = 1 << 10
    batch = .allocate(capacity: batchCapacity)
    self.parser = parser
    // libcsv must never reallocate the pool: a growth it asks for fails (none is expected).
    csv_set_realloc_func(parser) { _, _ in nil }
    pointParser()
  }

  /// Frees the buffers, and leaves the parser without a field buffer (`csv_free` then frees
  /// nothing).
  func free() {
    parser.pointee.entry_buf = nil
    parser.pointee.entry_size = 0
    pool.deallocate()
    ends.deallocate()
    batch.deallocate()
  }

  /// Bytes of the field being parsed that libcsv has written after `poolCount` (its
  /// `entry_pos`, current between `csv_parse` calls).
  private var partialBytes: Int { Int(parser.pointee.entry_pos) }

  /// Points libcsv's field buffer at the pool's free space (the next field starts at
  /// `poolCount`), all of it: libcsv never needs more during a call that `prepare` made room for.
  @inline(__always) private func pointParser() {
    parser.pointee.entry_buf = pool + poolCount
    parser.pointee.entry_size = poolCapacity &- poolCount
  }

  /// Makes room for a `csv_parse` call of `bytes` bytes (or `csv_fini`, 0 bytes). libcsv writes
  /// at most one byte per input byte, so with that much room past the field it is in, it
  /// never grows its buffer; the field callback then moves only the buffer's start (the
  /// size stays larger than any field of the call can reach). It ends at most one field per
  /// byte (and `csv_fini` one more), so the field ends need no check per field either.
  mutating func prepare(bytes: Int) {
    let kept = poolCount + partialBytes
    if kept + bytes + 1 > poolCapacity { growPool(kept + bytes + 1, keeping: kept) }
    pointParser()
    if endsCount + bytes + 2 > endsCapacity { growEnds(endsCount + bytes + 2) }
  }

  /// Sets `recordTooLong` when a record's fields grew past `maxRecordBytes` in the last call:
  /// a delivered record whose bytes run past it, or the record being parsed. (No record can
  /// when the pool holds fewer bytes, so this costs one comparison a call.)
  mutating func checkRecordLengths() {
    guard _slowPath(poolCount > ParseState.maxRecordBytes) else { return }
    for k in 0..<batchCount {
      let next = k + 1 < batchCount ? batch[k + 1].byteStart : recordStart
      if next - batch[k].byteStart > ParseState.maxRecordBytes { recordTooLong = true }
    }
    if poolCount - recordStart > ParseState.maxRecordBytes { recordTooLong = true }
  }

  /// Number of fields of the record being parsed (0 between records).
  var pendingFields: Int { endsCount - recordEndsStart }

  /// Notes a field libcsv has written at the pool's free space (`prepare` made room for it and
  /// its end).
  @inline(__always) mutating func addField(_ data: UnsafeRawPointer?, _ length: Int) {
    if length > 0, let data {
      if _slowPath(data != UnsafeRawPointer(pool + poolCount)) { copyField(data, length) }
      if scanFields && !recordHasBreak && ParseState.hasLineBreak(pool + poolCount, length) { recordHasBreak = true }
      poolCount &+= length
      parser.pointee.entry_buf = pool + poolCount
    }
    ends[endsCount] = UInt32(truncatingIfNeeded: poolCount &- recordStart)
    endsCount &+= 1
  }

  /// A field that is not at the pool's free space (never expected: libcsv's buffer is that
  /// space): copied there, and libcsv pointed at the space after it.
  @inline(never) private mutating func copyField(_ data: UnsafeRawPointer, _ length: Int) {
    if poolCount + length > poolCapacity { growPool(poolCount + length, keeping: poolCount) }
    ParseState.copy(pool + poolCount, data, length)
    parser.pointee.entry_size = poolCapacity &- poolCount &- length
  }

  @inline(__always) mutating func endRecord(_ terminator: Int32) {
    if endsCount == recordEndsStart {
      // A line break outside any record (CSV_REPALL_NL): a blank line, or the LF of a CRLF.
      if terminator == 0x0A && previousTerminatorWasCR {
        previousTerminatorWasCR = false
      } else if terminator == 0x0A || terminator == 0x0D {
        nextLine += 1
        previousTerminatorWasCR = terminator == 0x0D
      }
      return
    }
    let line = nextLine
    let extra = recordHasBreak ? ParseState.lineBreaks(pool + recordStart, poolCount - recordStart) : 0
    records += 1
    if batchCount == batchCapacity { growBatch() }
    batch[batchCount] = BatchedRecord(line: line, byteStart: recordStart, endsStart: recordEndsStart, count: endsCount - recordEndsStart)
    batchCount += 1
    nextLine = line + extra + (terminator == -1 ? 0 : 1)
    previousTerminatorWasCR = terminator == 0x0D
    recordStart = poolCount
    recordEndsStart = endsCount
    recordHasBreak = false
  }

  /// Forgets the delivered batch, moving the record being parsed (with the bytes libcsv has
  /// written of the field it is in) to the front of the buffers.
  mutating func clearBatch() {
    batchCount = 0
    if recordStart > 0 {
      let pendingBytes = poolCount - recordStart + partialBytes
      if pendingBytes > 0 { memmove(pool, pool + recordStart, pendingBytes) }
      poolCount -= recordStart
      recordStart = 0
      pointParser()
    }
    if recordEndsStart > 0 {
      let pending = endsCount - recordEndsStart
      if pending > 0 { memmove(ends, ends + recordEndsStart, pending * MemoryLayout<UInt32>.stride) }
      endsCount = pending
      recordEndsStart = 0
    }
  }

  /// Newlines inside the fields of the record being parsed (CRLF counts once; a lone CR counts too).
  func pendingLineBreaks() -> Int { ParseState.lineBreaks(pool + recordStart, poolCount - recordStart) }

  /// Copies a field; short fields with overlapping word moves instead of a `memcpy` call
  /// (reads and writes stay inside the field's bytes).
  @inline(__always) static func copy(_ to: UnsafeMutablePointer<UInt8>, _ from: UnsafeRawPointer, _ n: Int) {
    let dst = UnsafeMutableRawPointer(to)
    if n >= 8 && n <= 16 {
      let a = from.loadUnaligned(as: UInt64.self)
      let b = from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
      dst.storeBytes(of: a, as: UInt64.self)
      dst.storeBytes(of: b, toByteOffset: n - 8, as: UInt64.self)
    } else if n >= 4 && n < 8 {
      let a = from.loadUnaligned(as: UInt32.self)
      let b = from.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
      dst.storeBytes(of: a, as: UInt32.self)
      dst.storeBytes(of: b, toByteOffset: n - 4, as: UInt32.self)
    } else if n < 4 {
      for i in 0..<n { dst.storeBytes(of: from.load(fromByteOffset: i, as: UInt8.self), toByteOffset: i, as: UInt8.self) }
    } else {
      memcpy(dst, from, n)
    }
  }

  @inline(__always) static func hasLineBreak(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for i in 0..<n where p[i] == 0x0A || p[i] == 0x0D { return true }
    return false
  }

  /// Line breaks in bytes: CRLF counts once, a lone CR or LF once each.
  static func lineBreaks(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
    var count = 0
    var previousCR = false
    for i in 0..<n {
      let b = p[i]
      if b == 0x0A {
        if !previousCR { count += 1 }
        previousCR = false
      } else if b == 0x0D {
        count += 1
        previousCR = true
      } else {
        previousCR = false
      }
    }
    return count
  }

  /// Grows the pool to at least `needed` bytes, keeping its first `kept` bytes.
  private mutating func growPool(_ needed: Int, keeping kept: Int) {
    var capacity = poolCapacity * 2
    while capacity < needed { capacity *= 2 }
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + ParseState.slack)
    bigger.initialize(repeating: 0, count: capacity + ParseState.slack)
    bigger.update(from: pool, count: kept)
    pool.deallocate()
    pool = bigger
    poolCapacity = capacity
  }

  /// Grows the field ends to at least `needed`.
  private mutating func growEnds(_ needed: Int) {
    var capacity = endsCapacity * 2
    while capacity < needed { capacity *= 2 }
    let bigger = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
    bigger.moveInitialize(from: ends, count: endsCount)
    ends.deallocate()
    ends = bigger
    endsCapacity = capacity
  }

  private mutating func growBatch() {
    let bigger = UnsafeMutablePointer<BatchedRecord>.allocate(capacity: batchCapacity * 2)
    bigger.moveInitialize(from: batch, count: batchCount)
    batch.deallocate()
    batch = bigger
    batchCapacity *= 2
  }

  func recordTooLongLog(file: String) -> DiagnosticLog {
    var log = DiagnosticLog()
    log.add(Diagnostic(.error, file: file, line: nextLine, column: pendingFields,
                       "a record is longer than 4 GiB (a quote left open?)"))
    return log
  }

  func parseErrorLog(file: String) -> DiagnosticLog {
    var log = DiagnosticLog()
    log.add(Diagnostic(.error, file: file, line: nextLine + pendingLineBreaks(), column: pendingFields + 1,
                       "malformed quoting: a quote inside an unquoted field, or text after a closing quote (write \"\" for a quote inside a quoted field)"))
    return log
  }
}

@inline(__always)
func csvFieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
  guard let state = context?.assumingMemoryBound(to: ParseState.self) else { return }
  state.pointee.addField(data, length)
}

@inline(__always)
func csvRecordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
  guard let state = context?.assumingMemoryBound(to: ParseState.self) else { return }
  state.pointee.endRecord(terminator)
}
