import CLibCSV

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One CSV record as libcsv delivered it. Its field bytes live in the reader's buffer and are
/// valid only inside the callback that receives the record: copy what you keep.
public struct CSVRecord {
  /// 1-based physical line on which the record starts (quoted line breaks push later records down).
  public let line: Int
  let bytes: UnsafeBufferPointer<UInt8>
  let ends: UnsafeBufferPointer<Int>
  let decoder: FieldDecoder

  /// Number of fields in the record.
  public var count: Int { ends.count }

  /// The raw bytes of field `i` (0-based), in the file's encoding.
  public func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
    let start = i == 0 ? 0 : ends[i - 1]
    return UnsafeBufferPointer(rebasing: bytes[start..<ends[i]])
  }

  /// Field `i` decoded to text, or nil if its bytes are not valid in the file's encoding.
  public func string(_ i: Int) -> String? { decoder.decode(field(i)) }

  /// True if field `i` is empty (after libcsv trimmed unquoted spaces).
  public func isEmpty(_ i: Int) -> Bool { (i == 0 ? 0 : ends[i - 1]) == ends[i] }
}

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
    try read(from: 0, to: Int.max, stopAtRowBoundary: false, body).summary
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
  func read(
    from start: Int, to end: Int, stopAtRowBoundary: Bool, _ body: (CSVRecord) -> Void
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
    var first = try readChunk(fd, buffer, max: limit - position)
    var hadBOM = false
    var offset = 0
    if start == 0, first >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
      hadBOM = true
      offset = 3
    }
    let chosen = encoding ?? (hadBOM ? .utf8 : InputEncoding.detect(UnsafeBufferPointer(rebasing: buffer[0..<first])))
    let decoder = FieldDecoder(encoding: chosen)

    return try withoutActuallyEscaping(body) { (escapable) throws(ChiikiError) -> CSVRangeResult in
      var state = ParseState(decoder: decoder, onRecord: escapable)
      var consumed = 0
      return try withUnsafeMutablePointer(to: &state) { (statePtr) throws(ChiikiError) -> CSVRangeResult in
        var atEOF = first == 0
        while true {
          while first > 0 {
            let length = first - offset
            let parsed = buffer.baseAddress.map {
              csv_parse(parser, $0 + offset, length, csvFieldCallback, csvRecordCallback, statePtr)
            } ?? 0
            if parsed != length {
              throw ChiikiError.invalidInput(statePtr.pointee.parseErrorLog(file: displayName))
            }
            consumed += length + offset
            position += first
            offset = 0
            progress?(consumed, total)
            first = position < limit ? try readChunk(fd, buffer, max: limit - position) : 0
            if first == 0 && position < limit { atEOF = true }
          }
          if atEOF || position >= total { break }
          // Stopped at `end`, before the end of the file.
          if stopAtRowBoundary && parser.pointee.pstate == 0 && statePtr.pointee.ends.isEmpty {
            return CSVRangeResult(
              summary: CSVReadSummary(encoding: chosen, records: statePtr.pointee.records, bytes: consumed, hadBOM: hadBOM),
              endedAtRowBoundary: true, nextLine: statePtr.pointee.nextLine)
          }
          limit = Int.max
          first = try readChunk(fd, buffer, max: limit - position)
          if first == 0 { atEOF = true }
        }
        if csv_fini(parser, csvFieldCallback, csvRecordCallback, statePtr) != 0 {
          var log = DiagnosticLog()
          log.add(Diagnostic(.error, file: displayName, line: statePtr.pointee.nextLine,
                             column: statePtr.pointee.ends.count + 1,
                             "a quoted field is never closed (missing closing quote \")"))
          throw ChiikiError.invalidInput(log)
        }
        return CSVRangeResult(
          summary: CSVReadSummary(encoding: chosen, records: statePtr.pointee.records, bytes: consumed, hadBOM: hadBOM),
          endedAtRowBoundary: false, nextLine: statePtr.pointee.nextLine)
      }
    }
  }

  private func readChunk(_ fd: Int32, _ buffer: UnsafeMutableBufferPointer<UInt8>, max: Int = Int.max) throws(ChiikiError) -> Int {
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

/// The state libcsv's callbacks fill, passed as a plain struct pointer (no ARC per field;
/// swift-and-libcsv.md §B measured this pattern at libcsv's own speed).
struct ParseState {
  var bytes: [UInt8] = []
  var ends: [Int] = []
  /// The line on which the next record starts.
  var nextLine = 1
  var previousTerminatorWasCR = false
  var records = 0
  let decoder: FieldDecoder
  let onRecord: (CSVRecord) -> Void

  init(decoder: FieldDecoder, onRecord: @escaping (CSVRecord) -> Void) {
    self.decoder = decoder
    self.onRecord = onRecord
    bytes.reserveCapacity(4096)
    ends.reserveCapacity(64)
  }

  /// Newlines inside the record's quoted fields (CRLF counts once; a lone CR counts too).
  func embeddedLineBreaks() -> Int {
    let plain = bytes.withUnsafeBytes { raw -> Bool in
      guard let base = raw.baseAddress else { return true }
      return memchr(base, 0x0A, raw.count) == nil && memchr(base, 0x0D, raw.count) == nil
    }
    if plain { return 0 }
    var count = 0
    var previousCR = false
    for b in bytes {
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

  func parseErrorLog(file: String) -> DiagnosticLog {
    var log = DiagnosticLog()
    log.add(Diagnostic(.error, file: file, line: nextLine + embeddedLineBreaks(), column: ends.count + 1,
                       "malformed quoting: a quote inside an unquoted field, or text after a closing quote (write \"\" for a quote inside a quoted field)"))
    return log
  }
}

func csvFieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
  guard let state = context?.assumingMemoryBound(to: ParseState.self) else { return }
  if let data, length > 0 {
    state.pointee.bytes.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
  }
  state.pointee.ends.append(state.pointee.bytes.count)
}

func csvRecordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
  guard let state = context?.assumingMemoryBound(to: ParseState.self) else { return }
  if state.pointee.ends.isEmpty {
    // A line break outside any record (CSV_REPALL_NL): a blank line, or the LF of a CRLF.
    if terminator == 0x0A && state.pointee.previousTerminatorWasCR {
      state.pointee.previousTerminatorWasCR = false
    } else if terminator == 0x0A || terminator == 0x0D {
      state.pointee.nextLine += 1
      state.pointee.previousTerminatorWasCR = terminator == 0x0D
    }
    return
  }
  let line = state.pointee.nextLine
  let extra = state.pointee.embeddedLineBreaks()
  state.pointee.records += 1
  state.pointee.bytes.withUnsafeBufferPointer { b in
    state.pointee.ends.withUnsafeBufferPointer { e in
      state.pointee.onRecord(CSVRecord(line: line, bytes: b, ends: e, decoder: state.pointee.decoder))
    }
  }
  state.pointee.nextLine = line + extra + (terminator == -1 ? 0 : 1)
  state.pointee.previousTerminatorWasCR = terminator == 0x0D
  state.pointee.bytes.removeAll(keepingCapacity: true)
  state.pointee.ends.removeAll(keepingCapacity: true)
}
