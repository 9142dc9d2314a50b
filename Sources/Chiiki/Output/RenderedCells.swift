import CLibCSV

/// Cells whose CSV text is made once and appended many times (a district's code and name,
/// repeated on every row of the district): each entry holds the bytes `appendCell` gives for its
/// texts, in order and with the commas between them but without the separator before the first,
/// so appending an entry gives the same bytes as `appendCell` for each text again.
struct RenderedCells: Sendable {
  /// Where each entry ends in the scratch writer's bytes (entry `i` is `ends[i] ..< ends[i + 1]`);
  /// 32 bits each, so that a table with an entry per district, read in rank order, stays small.
  private var ends: [UInt32] = [0]
  /// The writer that renders the cells (its row state is reset before each entry); its `data`
  /// holds the entries' bytes, one after another.
  private var scratch = CSVWriter(headerless: ())

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
    ends.append(Self.end(scratch.bytes.count))
  }

  /// Adds an entry: the cells `first` and `second` as `appendCell` writes them, with the comma
  /// between them.
  mutating func add(_ first: String, _ second: String) {
    scratch.rowStarted = false
    scratch.appendCell(first)
    scratch.appendCell(second)
    ends.append(Self.end(scratch.bytes.count))
  }

  /// Adds an entry: the cells `cells` appends to a row (any of `CSVWriter`'s cell methods, no
  /// `endRow`), with the commas between them. An entry with no cells must not be appended.
  mutating func add(cells: (inout CSVWriter) -> Void) {
    scratch.rowStarted = false
    cells(&scratch)
    ends.append(Self.end(scratch.bytes.count))
  }

  /// An entry's end as stored (a table of a few cells per district stays far below 4 GiB; the
  /// conversion traps beyond, as an index out of range would).
  private static func end(_ count: Int) -> UInt32 { UInt32(count) }

  /// Forgets every entry, keeping the room.
  mutating func removeAll() {
    scratch.bytes.removeAll()
    ends.removeAll(keepingCapacity: true)
    ends.append(0)
  }

  /// Asks the cache for where entries `i` and on end (a hint: nothing changes), the first of
  /// two steps for a table read out of order (outreach rows come in rank order, a cache miss
  /// per table read); `prefetchBytes` is the second, some rows later.
  @inline(__always)
  func prefetchEnds(_ i: Int) {
    ends.withUnsafeBufferPointer { chiiki_prefetch_for_write($0.baseAddress! + i) }
  }

  /// Asks the cache for the bytes of entries `first ..< last` (a hint). Reads their ends: best
  /// once `prefetchEnds(first)` has had time.
  @inline(__always)
  func prefetchBytes(_ first: Int, _ last: Int) {
    let (start, end) = ends.withUnsafeBufferPointer { (Int($0[first]), Int($0[last])) }
    scratch.bytes.withUnsafeBufferPointer { all in
      guard let base = all.baseAddress, end > start else { return }
      chiiki_prefetch_for_write(base + start)
      chiiki_prefetch_for_write(base + (end - 1))
    }
  }

  /// Entry `i`'s bytes (for a row written in one reserved room, `CSVRowRoom`), without a
  /// closure: valid while this table lives and no entry is added or removed.
  @inline(__always)
  func entry(_ i: Int) -> UnsafeBufferPointer<UInt8> {
    let start = Int(ends[i])
    return UnsafeBufferPointer(start: scratch.bytes.unsafeBase + start, count: Int(ends[i + 1]) - start)
  }

  /// The length in bytes of the longest entry (0 when there is none).
  var longestEntry: Int {
    ends.withUnsafeBufferPointer { e in
      var longest = 0
      for i in 0 ..< e.count - 1 { longest = max(longest, Int(e[i + 1]) - Int(e[i])) }
      return longest
    }
  }

  /// Appends entry `i` to the row being built in `csv`, as its next cells.
  func append(_ i: Int, to csv: inout CSVWriter) {
    scratch.bytes.withUnsafeBufferPointer { all in
      csv.appendRenderedCells(UnsafeBufferPointer(rebasing: all[Int(ends[i]) ..< Int(ends[i + 1])]))
    }
  }
}

extension CSVWriter {
  /// Appends cells already rendered by `appendCell` (see `RenderedCells`), after the separator.
  mutating func appendRenderedCells(_ cells: UnsafeBufferPointer<UInt8>) {
    separate()
    bytes.append(cells)
  }
}
