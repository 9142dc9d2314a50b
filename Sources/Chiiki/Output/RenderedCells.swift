/// Cells whose CSV text is made once and appended many times (a district's code and name,
/// repeated on every row of the district): each entry holds the bytes `appendCell` gives for its
/// texts, in order and with the commas between them but without the separator before the first,
/// so appending an entry gives the same bytes as `appendCell` for each text again.
struct RenderedCells: Sendable {
  /// Where each entry ends in the scratch writer's bytes (entry `i` is `ends[i] ..< ends[i + 1]`).
  private var ends: [Int] = [0]
  /// The writer that renders the cells (its row state is reset before each entry); its `data`
  /// holds the entries' bytes, one after another.
  private var scratch = CSVWriter(rows: [], capacity: 0)

  /// An empty table with room for `entries` entries of about `bytesEach` bytes.
  init(entries: Int = 0, bytesEach: Int = 0) {
    ends.reserveCapacity(entries + 1)
    scratch.bytes.reserveCapacity(entries * bytesEach)
  }

  /// How many entries there are.
  var count: Int { ends.count - 1 }

  /// Adds an entry: the cell `text` as `appendCell` writes it.
  mutating func add(_ text: String) {
    scratch.rowStarted = false
    scratch.appendCell(text)
    ends.append(scratch.bytes.count)
  }

  /// Adds an entry: the cells `first` and `second` as `appendCell` writes them, with the comma
  /// between them.
  mutating func add(_ first: String, _ second: String) {
    scratch.rowStarted = false
    scratch.appendCell(first)
    scratch.appendCell(second)
    ends.append(scratch.bytes.count)
  }

  /// Adds an entry: the cells `cells` appends to a row (any of `CSVWriter`'s cell methods, no
  /// `endRow`), with the commas between them. An entry with no cells must not be appended.
  mutating func add(cells: (inout CSVWriter) -> Void) {
    scratch.rowStarted = false
    cells(&scratch)
    ends.append(scratch.bytes.count)
  }

  /// Forgets every entry, keeping the room.
  mutating func removeAll() {
    scratch.bytes.removeAll()
    ends.removeAll(keepingCapacity: true)
    ends.append(0)
  }

  /// Appends entry `i` to the row being built in `csv`, as its next cells.
  func append(_ i: Int, to csv: inout CSVWriter) {
    scratch.bytes.withUnsafeBufferPointer { all in
      csv.appendRenderedCells(UnsafeBufferPointer(rebasing: all[ends[i] ..< ends[i + 1]]))
    }
  }
}

extension CSVWriter {
  /// Appends cells already rendered by `appendCell` (see `RenderedCells`), after the separator.
  mutating func appendRenderedCells(_ cells: UnsafeBufferPointer<UInt8>) {
    if rowStarted { bytes.append(0x2C) } else { rowStarted = true }
    bytes.append(cells)
  }
}
