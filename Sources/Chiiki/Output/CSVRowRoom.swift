/// Room reserved once in a CSV document for a row's cells, written through one pointer.
///
/// Why: a large file's row is ~15 cells, and each `CSVWriter.appendCell`/`appendFixed`/`appendInt`
/// reserves its own room, which checks the capacity and that the storage is not shared (a
/// runtime call: `isKnownUniquelyReferenced`) per cell, ~30 million times in referral_outcomes.csv
/// and reach_by_category.csv. A writer that knows a bound on its row's length reserves it once
/// (`CSVWriter.rowRoom`) and writes the cells here; the bytes are those of the cell
/// methods (each method says which).
struct CSVRowRoom {
  /// Where the row's room starts (reserved by `CSVWriter.rowRoom`, owned by that document alone).
  let base: UnsafeMutablePointer<UInt8>
  /// Bytes written so far.
  private(set) var count = 0
  /// The bytes reserved: `count` must not pass it (checked by an assertion when the room is
  /// committed, so debug builds and tests catch a bound that is too small).
  let bound: Int

  init(_ base: UnsafeMutablePointer<UInt8>, bound: Int) {
    self.base = base
    self.bound = bound
  }

  /// A comma: the separator before a cell, or an empty cell after the first.
  @inline(__always)
  mutating func comma() {
    base[count] = 0x2C
    count &+= 1
  }

  /// Bytes as they are (cells rendered by `RenderedCells`, without their separator).
  @inline(__always)
  mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
    let n = bytes.count
    guard n > 0 else { return }
    CSVBytes.copy(bytes, to: base + count)
    count &+= n
  }

  /// A comma and `bytes`: `CSVWriter.appendRenderedCells` after the row's first cell.
  @inline(__always)
  mutating func putCell(_ bytes: UnsafeBufferPointer<UInt8>) {
    comma()
    put(bytes)
  }

  /// A comma and `text`, a cell that needs neither quoting nor neutralising (`yes`, `no`):
  /// `CSVWriter.appendCell(text)` after the row's first cell.
  @inline(__always)
  mutating func putCell(_ text: StaticString) {
    putCell(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// A comma and `value`: `CSVWriter.appendInt` after the row's first cell. At most
  /// `Self.intBytes` bytes.
  /// Without the comma when `first` (the row's first cell: `appendInt` at a row's start).
  @inline(__always)
  mutating func int(_ value: Int, first: Bool = false) {
    if !first { comma() }
    count &+= NumberFormat.writeInteger(value, into: base + count)
  }

  /// A comma and `NumberFormat.fixed(value, places)` (nothing after the comma for nil, NaN or
  /// infinity): `CSVWriter.appendFixed(value, places)` after the row's first cell; at most
  /// `Self.fixedBytes(places)` bytes. Meant for a constant `places` (inlined, the divisions by
  /// constants).
  @inline(__always)
  mutating func fixed(_ value: Double?, _ places: Int) {
    comma()
    guard let value, value.isFinite else { return }
    guard let written = NumberFormat.writeFixedInRange(value, places, into: base + count) else {
      putOutOfRange(value, places)
      return
    }
    count &+= written
  }

  /// `fixed(value, 6)`: the divisions by constants.
  @inline(__always)
  mutating func fixed6(_ value: Double?) { fixed(value, 6) }

  /// `fixed(value, 8)`: the divisions by constants.
  @inline(__always)
  mutating func fixed8(_ value: Double?) { fixed(value, 8) }

  /// `fixed(value, 0)`: the divisions by constants.
  @inline(__always)
  mutating func fixed0(_ value: Double?) { fixed(value, 0) }

  /// The text of a value at or beyond `scaled`'s limit, `String(value)` (e.g. `-1e+19`), with
  /// the checks `appendCellText` makes on it: neutralised when it starts with a sign (never
  /// quoted: a double's text has no comma, quote or line break).
  @inline(never)
  private mutating func putOutOfRange(_ value: Double, _ places: Int) {
    var text = CSVWriter.escape(CSVWriter.neutralise(NumberFormat.fixed(value, places)))
    text.withUTF8 { put($0) }
  }

  /// The most bytes `fixed` writes: a comma, a sign, 19 digits, a point and the decimals, or
  /// a comma, an apostrophe and the 24 bytes of the longest `String(Double)`.
  static func fixedBytes(_ places: Int) -> Int { max(26, 22 + places) }

  /// The most bytes `int` writes: a comma, a sign and 19 digits.
  static var intBytes: Int { 21 }

  /// CR LF: the row's end.
  @inline(__always)
  mutating func endRow() {
    base[count] = 0x0D
    base[count &+ 1] = 0x0A
    count &+= 2
  }
}

extension CSVWriter {
  /// Room for `bound` bytes at the end of the document, for a whole row (or the rest of one):
  /// write the cells, end the row (`CSVRowRoom.endRow`), then `commitRow`; nothing else may
  /// touch the document in between, and at most `bound` bytes may be written.
  @inline(__always)
  mutating func rowRoom(_ bound: Int) -> CSVRowRoom {
    CSVRowRoom(bytes.reserve(bound), bound: bound)
  }

  /// Counts the cells written in `room` as part of the document, the row going on (more cells
  /// by the cell methods or another room may follow).
  @inline(__always)
  mutating func commitCells(_ room: CSVRowRoom) {
    assert(room.count <= room.bound, "a CSV row overran its reserved room")
    bytes.commit(room.count)
    rowStarted = true
  }

  /// Counts the row written in `room` as part of the document and, with a sink, sends the bytes
  /// on once a chunk has built up, as `endRow` does.
  @inline(__always)
  mutating func commitRow(_ room: CSVRowRoom) {
    assert(room.count <= room.bound, "a CSV row overran its reserved room")
    bytes.commit(room.count)
    rowStarted = false
    sendChunkIfFull()
  }
}
