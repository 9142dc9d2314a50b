import CLibCSV

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Splits bytes that hold no quote character into fields and records exactly as libcsv does
/// (with the options `CSVReader` uses), and hands them to `ParseState` as libcsv's callbacks
/// would: same fields, same record terminators, in the same order.
///
/// libcsv walks a state machine a byte at a time and calls back per field; most input holds no
/// quote at all, and for such bytes its rules reduce to: a record ends at each CR or LF; fields
/// are split at commas; spaces and tabs at either end of a field are dropped; a line that is
/// empty or only spaces and tabs is reported as a record terminator with no field (the
/// CSV_REPALL_NL option), and so is the LF of a CRLF. Here the same rules run as tight scans.
/// `CSVReader` uses this only for whole records of a quote-free slice that start with libcsv
/// between records, and lets libcsv parse everything else (`CSVReaderFastPathTests` checks the
/// two give the same records, lines and errors).
enum QuoteFreeRows {
  /// Whether `b` is a record terminator for libcsv (CR or LF).
  @inline(__always) static func isTerminator(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }

  /// Whether libcsv trims `b` around an unquoted field (space or tab).
  @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

  /// The index just after the last CR or LF in `p[from..<n]`, or nil.
  static func endOfLastRecord(_ p: UnsafePointer<UInt8>, from: Int, to n: Int) -> Int? {
    var i = n
    while i > from {
      if isTerminator(p[i - 1]) { return i }
      i -= 1
    }
    return nil
  }

  /// The index just after the first CR or LF in `p[from..<n]`, or nil.
  static func endOfFirstRecord(_ p: UnsafePointer<UInt8>, from: Int, to n: Int) -> Int? {
    var i = from
    while i < n {
      if isTerminator(p[i]) { return i + 1 }
      i += 1
    }
    return nil
  }

  /// The index of the first comma, CR or LF at or after `i` (there is one before `n`): eight
  /// bytes at a time while they lie before `n`, then byte by byte.
  @inline(__always) static func endOfField(_ p: UnsafePointer<UInt8>, from start: Int, _ n: Int) -> Int {
    var i = start
    let raw = UnsafeRawPointer(p)
    while i &+ 8 <= n {
      let m = delimiterBytes(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      if m != 0 { return i &+ (m.trailingZeroBitCount >> 3) }
      i &+= 8
    }
    while p[i] != 0x2C && !isTerminator(p[i]) { i &+= 1 }
    return i
  }

  /// A mask whose lowest set bit is the high bit of the first byte of `w` (in memory order)
  /// that is a comma, CR or LF; 0 if none is. (The zero-byte test below can also flag a byte
  /// just after a true match, never one before it, so the lowest flag is exact.)
  @inline(__always) static func delimiterBytes(_ w: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
    return zeroBytes(w ^ (ones &* 0x2C)) | zeroBytes(w ^ (ones &* 0x0A)) | zeroBytes(w ^ (ones &* 0x0D))
  }

  /// Parses `p[0..<n]` like `parse`, for bytes that also hold no space and no tab (most
  /// files): then no field is trimmed, and the rules come down to the commas, CRs and LFs,
  /// found 64 bytes at a time as a bit mask (see `ParseState.addPlainRecords`). The 16 bytes
  /// after `p[n - 1]` must be readable.
  static func parsePlain(_ p: UnsafePointer<UInt8>, _ n: Int, into state: UnsafeMutablePointer<ParseState>) {
    state.pointee.addPlainRecords(p, n)
  }

  /// The delimiter mask of the 64 bytes at `p` (bit k: `p[k]` is a comma, CR or LF), or of the
  /// `count` (< 64) bytes left at the end of a region.
  @inline(__always) static func delimiters(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
    count >= 64 ? chiiki_delimiters64(p) : tailDelimiters(p, count)
  }

  /// `chiiki_delimiters64` for the last `count` (< 64) bytes of a region.
  static func tailDelimiters(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
    var m: UInt64 = 0
    for k in 0..<count where p[k] == 0x2C || isTerminator(p[k]) { m |= 1 << UInt64(k) }
    return m
  }

  /// Whether `p[0..<n]` holds a space or a tab (then `parse`, which trims, is needed).
  static func hasSpace(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    memchr(p, 0x20, n) != nil || memchr(p, 0x09, n) != nil
  }

  /// Parses `p[0..<n]`, which must hold no quote byte and end with a CR or LF, starting with
  /// libcsv between records (and leaving it so).
  static func parse(_ p: UnsafePointer<UInt8>, _ n: Int, into state: UnsafeMutablePointer<ParseState>) {
    var i = 0
    // libcsv's FIELD_NOT_BEGUN (after a comma) as opposed to ROW_NOT_BEGUN.
    var rowBegun = false
    while i < n {
      // Spaces and tabs before a field are skipped (both states).
      while isSpace(p[i]) { i += 1 }
      let c = p[i]
      if isTerminator(c) {
        // After a comma, the empty last field and the record; otherwise a blank line.
        if rowBegun { state.pointee.addField(nil, 0) }
        state.pointee.endRecord(Int32(c))
        rowBegun = false
        i += 1
        continue
      }
      if c == 0x2C {
        state.pointee.addField(nil, 0)
        rowBegun = true
        i += 1
        continue
      }
      // A field begins: it runs to the next comma, CR or LF, without its trailing spaces
      // (its first byte is not a space, so they are the spaces just before that end).
      let start = i
      i = endOfField(p, from: i + 1, n)
      var end = i
      while end > start + 1 && isSpace(p[end - 1]) { end -= 1 }
      state.pointee.addField(UnsafeRawPointer(p + start), end - start)
      if p[i] == 0x2C {
        rowBegun = true
      } else {
        state.pointee.endRecord(Int32(p[i]))
        rowBegun = false
      }
      i += 1
    }
  }
}
