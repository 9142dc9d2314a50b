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
      // A field begins: it runs to the next comma, CR or LF, without its trailing spaces.
      let start = i
      i += 1
      var end = i
      while true {
        let b = p[i]
        if b == 0x2C || isTerminator(b) { break }
        if !isSpace(b) { end = i + 1 }
        i += 1
      }
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
