/// Building a CSV row a cell at a time, straight into the document's bytes: no `[String]` per
/// row and no `String` per number. `appendRow(cells)` is `appendCell` for each cell, then
/// `endRow()`, so both give the same bytes.
extension CSVWriter {
  /// Appends one text cell, neutralised and quoted as needed.
  public mutating func appendCell(_ cell: String) {
    separate()
    appendCellText(cell)
  }

  /// Appends one text cell given as UTF-8 (valid, e.g. from a `String`): the bytes of
  /// `appendCell(String(decoding: cell, as: UTF8.self))`.
  mutating func appendCell(utf8 cell: UnsafeBufferPointer<UInt8>) {
    separate()
    if CSVWriter.isPlainCell(cell) {
      bytes.append(cell)
    } else {
      appendCellText(String(decoding: cell, as: UTF8.self))
    }
  }

  /// Whether a cell's UTF-8 goes out as it is: neither neutralised nor quoted (the checks of
  /// `appendCellText`'s fast path). A cell with a risky lead byte is plain only as a plain
  /// number such as `-0.25` (see `neutralise`), which needs no quotes either.
  @inline(__always)
  static func isPlainCell(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let lead = cell.first else { return true }
    if isRiskyLead(lead) { return isPlainNumber(cell) }
    for b in cell where needsQuote(b) { return false }
    return true
  }

  /// The cell's text, neutralised and quoted as needed (after its separator).
  private mutating func appendCellText(_ cell: String) {
    // Fast path: most cells (numbers, codes, plain names) need neither quoting nor neutralising.
    let plain = cell.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
      guard CSVWriter.isPlainCell(utf8) else { return false }
      self.bytes.append(utf8)
      return true
    }
    if plain == true { return }
    if plain == nil, let lead = cell.utf8.first, !CSVWriter.isRiskyLead(lead), !cell.utf8.contains(where: CSVWriter.needsQuote) {
      bytes.append(cell)
    } else if !cell.isEmpty {
      bytes.append(CSVWriter.escape(CSVWriter.neutralise(cell)))
    }
  }

  /// Appends `NumberFormat.fixed(value, places)` as a cell (empty for nil, NaN or infinity). The
  /// separator and the digits share one reservation of room.
  public mutating func appendFixed(_ value: Double?, _ places: Int) {
    // The usual places each get their own copy of the body, with the divisions and digit
    // counts fixed at compile time. 0 and 8 in functions of their own: where the compiler
    // inlines this switch into a writer, it otherwise calls one shared body for them that
    // takes `places` as an argument (the general path).
    switch places {
    case 6: appendFixedPlaces(value, 6)
    case 0: appendFixed0(value)
    case 8: appendFixed8(value)
    default: appendFixedPlaces(value, places)
    }
  }

  @inline(never)
  private mutating func appendFixed0(_ value: Double?) { appendFixedPlaces(value, 0) }

  @inline(never)
  private mutating func appendFixed8(_ value: Double?) { appendFixedPlaces(value, 8) }

  @inline(__always)
  private mutating func appendFixedPlaces(_ value: Double?, _ places: Int) {
    guard let value, value.isFinite else {
      separate()
      return
    }
    // `[-]digits[.digits]`: a plain number, never neutralised or quoted. Beyond 9e18 the text is
    // `String(value)`, e.g. `-1e+19`, not a plain number: it goes through the checks.
    guard NumberFormat.appendFixedInRange(value, places, to: &bytes, comma: rowStarted) else {
      separate()
      appendCellText(NumberFormat.fixed(value, places))
      return
    }
    rowStarted = true
  }

  /// Appends a whole number as a cell.
  public mutating func appendInt(_ value: Int) {
    // `[-]digits`: a plain number, never neutralised or quoted.
    NumberFormat.appendInteger(value, to: &bytes, comma: rowStarted)
    rowStarted = true
  }

  /// Ends the row (CRLF) and, with a sink, sends the bytes on once a chunk has built up.
  public mutating func endRow() {
    rowStarted = false
    bytes.append(0x0D, 0x0A)
    sendChunkIfFull()
  }

  /// With a sink, sends the bytes on once a chunk has built up (after a row's end).
  @inline(__always)
  mutating func sendChunkIfFull() {
    if let sink, bytes.count >= CSVWriter.chunk {
      bytes.withUnsafeBytes { sink.write($0) }
      bytes.removeAll()
    }
  }

  /// `isPlainNumber` on the UTF-8 bytes of a cell: an optional leading sign, digits and at
  /// most one point, with at least one digit (every accepted scalar is ASCII, so bytes and
  /// scalars agree).
  static func isPlainNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var sawDigit = false
    var sawDot = false
    for (i, b) in bytes.enumerated() {
      if i == 0 && (b == 0x2D || b == 0x2B) { continue }
      if b == 0x2E && !sawDot { sawDot = true; continue }
      if b >= 0x30 && b <= 0x39 { sawDigit = true; continue }
      return false
    }
    return sawDigit
  }

  /// The comma before every cell but a row's first.
  @inline(__always)
  mutating func separate() {
    if rowStarted { bytes.append(0x2C) } else { rowStarted = true }
  }
}
