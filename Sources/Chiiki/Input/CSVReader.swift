import CLibCSV

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a completed read saw, for the manifest and the validate summary.
public struct CSVReadSummary: Sendable {
  public var encoding: InputEncoding
  public var records: Int
  public var bytes: Int
  public var hadBOM: Bool
}

/// A streaming CSV reader on libcsv (RFC 4180: quoted commas, quotes and line breaks; LF or
/// CRLF; UTF-8 with or without BOM, or CP932). It holds one record at a time, never the file.
public struct CSVReader {
  /// Path of the file on disk.
  public let path: String
  /// Name used in diagnostics (the name the user knows, e.g. `statistics.csv`).
  public let displayName: String
  /// Encoding to use; nil detects it from the first bytes.
  public let encoding: InputEncoding?
  /// Bytes read at a time.
  public var chunkSize = 1 << 20
  /// Called with (bytes read, total bytes) after each chunk, for progress display.
  public var progress: ((Int, Int) -> Void)? = nil

  public init(path: String, displayName: String? = nil, encoding: InputEncoding? = nil) {
    self.path = path
    self.displayName = displayName ?? String(path.split(separator: "/").last ?? Substring(path))
    self.encoding = encoding
  }

  /// Reads every record in order and hands it to `body`. Throws a located error for malformed
  /// quoting (libcsv strict mode, including an unterminated quote at the end) or an unreadable file.
  @discardableResult
  public func forEachRecord(_ body: (CSVRecord) -> Void) throws(ChiikiError) -> CSVReadSummary {
    try withoutActuallyEscaping(body) { (escapable) throws(ChiikiError) -> CSVReadSummary in
      var sink = ClosureRecordSink(body: escapable)
      return try read(from: 0, to: Int.max, stopAtRowBoundary: false, into: &sink).summary
    }
  }

  /// The encoding and BOM of a file, from its first bytes (what `forEachRecord` would choose).
  public func sniff() throws(ChiikiError) -> (encoding: InputEncoding, hadBOM: Bool) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw .io(path: displayName, reason: "cannot open \(path): \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
    defer { buffer.deallocate() }
    let first = try readChunk(fd, buffer)
    let hadBOM = first >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
    let chosen = encoding ?? (hadBOM ? .utf8 : InputEncoding.detect(UnsafeBufferPointer(rebasing: buffer[0..<first])))
    return (chosen, hadBOM)
  }

  /// Reads the records that start in the bytes `start..<end` of the file. A range that starts
  /// after 0 must start a record (the caller verifies it, see `CSVRangeResult.endedAtRowBoundary`)
  /// and uses `encoding` as given; its lines count from 1. With `stopAtRowBoundary`, reading stops at
  /// `end` when libcsv is between records there, and otherwise goes on to the end of the file.
  /// With a `hasher`, every byte read (from `start` on) is also fed to it, in order.
  func read<Sink: CSVRecordSink>(
    from start: Int, to end: Int, stopAtRowBoundary: Bool, hasher: UnsafeMutablePointer<SHA256>? = nil,
    into sink: inout Sink
  ) throws(ChiikiError) -> CSVRangeResult {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw .io(path: displayName, reason: "cannot open \(path): \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    var st = stat()
    let total = fstat(fd, &st) == 0 ? Int(st.st_size) : 0
    if start > 0 && lseek(fd, off_t(start), SEEK_SET) != off_t(start) {
      throw .io(path: displayName, reason: "seek failed: \(String(cString: strerror(errno)))")
    }
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
    defer { buffer.deallocate() }

    let parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
    defer { parser.deallocate() }
    guard csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)) == 0 else {
      throw .io(path: displayName, reason: "the CSV parser could not start (out of memory)")
    }
    defer { csv_free(parser) }

    var position = start
    var limit = end
    var first = try readChunk(fd, buffer, max: limit - position, hasher: hasher)
    var hadBOM = false
    var offset = 0
    if start == 0, first >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
      hadBOM = true
      offset = 3
    }
    let chosen = encoding ?? (hadBOM ? .utf8 : InputEncoding.detect(UnsafeBufferPointer(rebasing: buffer[0..<first])))
    let decoder = FieldDecoder(encoding: chosen)
    let decoderRef = Unmanaged.passUnretained(decoder)
    let state = UnsafeMutablePointer<ParseState>.allocate(capacity: 1)
    state.initialize(to: ParseState(parser: parser))
    defer {
      state.pointee.free()
      state.deinitialize(count: 1)
      state.deallocate()
    }

    /// Hands the records finished so far to the sink.
    @inline(__always) func deliver() {
      let s = state.pointee
      for k in 0..<s.batchCount {
        let r = s.batch[k]
        sink.record(CSVRecord(
          line: r.line, base: UnsafePointer(s.pool + r.byteStart), endOffsets: FieldEnds(pointer: UnsafePointer(s.ends + r.endsStart)),
          count: r.count, encoding: chosen, decoderRef: decoderRef))
      }
      state.pointee.clearBatch()
    }

    /// Parses one chunk in slices small enough for the batch to stay in cache.
    func parse(_ bytes: UnsafeMutablePointer<UInt8>, _ length: Int) throws(ChiikiError) {
      var done = 0
      while done < length {
        let n = Swift.min(ParseState.sliceSize, length - done)
        let slice = bytes + done
        state.pointee.scanFields = parser.pointee.quoted != 0 || memchr(slice, 0x22, n) != nil
        state.pointee.prepare(bytes: n)
        let parsed = csv_parse(parser, slice, n, csvFieldCallback, csvRecordCallback, state)
        state.pointee.checkRecordLengths()
        // A record too long for its field ends is never delivered.
        if state.pointee.recordTooLong { throw ChiikiError.invalidInput(state.pointee.recordTooLongLog(file: displayName)) }
        deliver()
        if parsed != n { throw ChiikiError.invalidInput(state.pointee.parseErrorLog(file: displayName)) }
        done += n
      }
    }

    return try withExtendedLifetime(decoder) { () throws(ChiikiError) -> CSVRangeResult in
      var consumed = 0
      var atEOF = first == 0
      while true {
        while first > 0 {
          let length = first - offset
          if let base = buffer.baseAddress { try parse(base + offset, length) }
          consumed += length + offset
          position += first
          offset = 0
          progress?(consumed, total)
          first = position < limit ? try readChunk(fd, buffer, max: limit - position, hasher: hasher) : 0
          if first == 0 && position < limit { atEOF = true }
        }
        if atEOF || position >= total { break }
        // Stopped at `end`, before the end of the file.
        if stopAtRowBoundary && parser.pointee.pstate == 0 && state.pointee.pendingFields == 0 {
          return CSVRangeResult(
            summary: CSVReadSummary(encoding: chosen, records: state.pointee.records, bytes: consumed, hadBOM: hadBOM),
            endedAtRowBoundary: true, nextLine: state.pointee.nextLine)
        }
        limit = Int.max
        first = try readChunk(fd, buffer, max: limit - position, hasher: hasher)
        if first == 0 { atEOF = true }
      }
      state.pointee.scanFields = true
      state.pointee.prepare(bytes: 0)
      let finished = csv_fini(parser, csvFieldCallback, csvRecordCallback, state)
      state.pointee.checkRecordLengths()
      if state.pointee.recordTooLong { throw ChiikiError.invalidInput(state.pointee.recordTooLongLog(file: displayName)) }
      deliver()
      if finished != 0 {
        var log = DiagnosticLog()
        log.add(Diagnostic(.error, file: displayName, line: state.pointee.nextLine,
                           column: state.pointee.pendingFields + 1,
                           "a quoted field is never closed (missing closing quote \")"))
        throw ChiikiError.invalidInput(log)
      }
      return CSVRangeResult(
        summary: CSVReadSummary(encoding: chosen, records: state.pointee.records, bytes: consumed, hadBOM: hadBOM),
        endedAtRowBoundary: false, nextLine: state.pointee.nextLine)
    }
  }

  private func readChunk(
    _ fd: Int32, _ buffer: UnsafeMutableBufferPointer<UInt8>, max: Int = Int.max, hasher: UnsafeMutablePointer<SHA256>? = nil
  ) throws(ChiikiError) -> Int {
    var filled = 0
    let wanted = Swift.min(buffer.count, max)
    while filled < wanted {
      let n = posixRead(fd, buffer.baseAddress! + filled, wanted - filled)
      if n < 0 {
        if errno == EINTR { continue }
        throw .io(path: displayName, reason: "read failed: \(String(cString: strerror(errno)))")
      }
      if n == 0 { break }
      filled += n
    }
    if let hasher, filled > 0 { hasher.pointee.update(UnsafeRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[0..<filled])) }
    return filled
  }
}

@inline(__always) private func posixRead(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.read(fd, p, n)
  #else
    return Darwin.read(fd, p, n)
  #endif
}

/// What reading a byte range of a file gave.
struct CSVRangeResult {
  var summary: CSVReadSummary
  /// True when reading stopped at the range's end, between two records (libcsv idle there).
  var endedAtRowBoundary: Bool
  /// The line (counted from the range's first line as 1) on which the next record starts.
  var nextLine: Int
}

