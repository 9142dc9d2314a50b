import Foundation
import Testing

@testable import Chiiki

/// A row written in one reserved room (`CSVRowRoom`) against the same row written a cell at a
/// time (`appendRenderedCells`, `appendInt`, `appendFixed`, `endRow`): the same bytes, for
/// random numbers that include ties, negatives, tiny and huge values, NaN, infinity and nil.
@Suite struct CSVRowRoomTests {
  /// A double of an awkward kind, chosen at random.
  static func awkwardDouble(_ state: inout UInt64) -> Double? {
    let u = splitMixUniform(&state)
    let k = Double(splitMix(&state) % 2_000_001) - 1_000_000
    switch splitMix(&state) % 16 {
    case 0: return nil
    case 1: return [Double.nan, .infinity, -.infinity][Int(splitMix(&state) % 3)]
    case 2: return (k + 0.5) / 1_000_000  // a tie at 6 places (as far as the double goes)
    case 9: return (k + 0.5) / 100_000_000  // a tie at 8 places
    case 3: return k + 0.5  // a tie at 0 places
    case 4: return [1e12, -1e12, 9e12, -9e12, 8.999999999999e12, 1e19, -1e19, 1e300, -1.7976931348623157e308][Int(splitMix(&state) % 9)]
    case 5: return u * 1e-7 * (k < 0 ? -1 : 1)  // rounds to 0: no minus sign
    case 6: return u * pow10(Int(splitMix(&state) % 25)) * (k < 0 ? -1 : 1)
    case 7: return Double(bitPattern: splitMix(&state))
    case 8: return -0.0
    default: return u * (k < 0 ? -1 : 1)
    }
  }

  static func pow10(_ n: Int) -> Double {
    var x = 1.0
    for _ in 0..<n { x *= 10 }
    return x
  }

  @Test func roomRowsMatchCellRows() {
    var state: UInt64 = 0x5EED_0001
    var cells = RenderedCells()
    cells.add("district", "東京都,港区")
    cells.add("-1e+19")
    cells.add("within")
    var byCells = CSVWriter(headerless: ())
    var byRoom = CSVWriter(headerless: ())
    for _ in 0..<20_000 {
      let ints = (0..<3).map { _ -> Int in
        switch splitMix(&state) % 4 {
        case 0: return Int.min
        case 1: return Int.max
        default: return Int(truncatingIfNeeded: splitMix(&state)) >> Int(splitMix(&state) % 64)
        }
      }
      let doubles = (0..<6).map { _ in Self.awkwardDouble(&state) }
      let word = Int(splitMix(&state) % 3)
      let withWord = splitMix(&state) % 2 == 0

      byCells.appendRenderedCells(cells.entry(0))
      for i in ints { byCells.appendInt(i) }
      byCells.appendFixed(doubles[0], 0)
      for d in doubles.dropFirst() { byCells.appendFixed(d, 6) }
      if withWord { byCells.appendRenderedCells(cells.entry(word)) } else { byCells.separate() }
      byCells.endRow()

      var room = byRoom.rowRoom(cells.entry(0).count + 3 * CSVRowRoom.intBytes + 6 * CSVRowRoom.fixedBytes(6) + 1 + cells.longestEntry + 2)
      room.put(cells.entry(0))
      for i in ints { room.int(i) }
      room.fixed0(doubles[0])
      for d in doubles.dropFirst() { room.fixed6(d) }
      if withWord { room.putCell(cells.entry(word)) } else { room.comma() }
      room.endRow()
      byRoom.commitRow(room)
    }
    #expect(byRoom.data == byCells.data)
    #expect(byRoom.data.count > 20_000 * 40)
  }

  @Test func roomRowsMatchNumberFormat() {
    var state: UInt64 = 0x5EED_0002
    for _ in 0..<50_000 {
      let value = Self.awkwardDouble(&state)
      var csv = CSVWriter(headerless: ())
      var room = csv.rowRoom(CSVRowRoom.fixedBytes(6) + CSVRowRoom.fixedBytes(0) + CSVRowRoom.fixedBytes(8) + 2)
      room.fixed6(value)
      room.fixed0(value)
      room.fixed8(value)
      room.endRow()
      csv.commitRow(room)
      var expected = CSVWriter(headerless: ())
      expected.separate()
      expected.appendCell(NumberFormat.fixed(value, 6))
      expected.appendCell(NumberFormat.fixed(value, 0))
      expected.appendCell(NumberFormat.fixed(value, 8))
      expected.endRow()
      #expect(csv.data == expected.data, "\(String(describing: value))")
    }
  }

  /// A row that starts with a number, has fixed words and a cell checked in the middle (two
  /// rooms around it, as outreach_targets.csv): the bytes of the cell methods.
  @Test func twoRoomsAroundACheckedCell() {
    var state: UInt64 = 0x5EED_0003
    var byCells = CSVWriter(headerless: ())
    var byRoom = CSVWriter(headerless: ())
    let middles = ["plain", "a,b", "=x", "-1", "", "say \"hi\""]
    for _ in 0..<5_000 {
      let rank = Int(truncatingIfNeeded: splitMix(&state)) >> Int(splitMix(&state) % 64)
      let yes = splitMix(&state) % 2 == 0
      let middle = middles[Int(splitMix(&state) % UInt64(middles.count))]
      let value = Self.awkwardDouble(&state)

      byCells.appendInt(rank)
      byCells.appendCell(yes ? "yes" : "no")
      byCells.appendCell(middle)
      byCells.appendFixed(value, 6)
      byCells.endRow()

      var room = byRoom.rowRoom(CSVRowRoom.intBytes + 4)
      room.int(rank, first: true)
      room.putCell(yes ? "yes" : "no")
      byRoom.commitCells(room)
      var text = middle
      text.withUTF8 { byRoom.appendCell(utf8: $0) }
      room = byRoom.rowRoom(CSVRowRoom.fixedBytes(6) + 2)
      room.fixed6(value)
      room.endRow()
      byRoom.commitRow(room)
    }
    #expect(byRoom.data == byCells.data)
  }

  @Test func entriesAreTheAppendedBytes() {
    var cells = RenderedCells()
    cells.add("a")
    cells.add("b,c", "=d")
    cells.add(cells: { $0.appendInt(-5); $0.appendFixed(0.5, 0) })
    var viaAppend = CSVWriter(headerless: ())
    var viaEntry: [UInt8] = []
    for i in 0..<cells.count {
      viaAppend.rowStarted = false
      cells.append(i, to: &viaAppend)
      viaEntry += Array(cells.entry(i))
    }
    #expect(viaEntry == viaAppend.data)
    #expect(cells.longestEntry == "\"b,c\",'=d".utf8.count)
  }

  /// Rows in rooms reach a sink whole, in chunks as `endRow` sends them: the file holds every
  /// row once, in order.
  @Test func rowsGoToTheSinkInChunks() throws {
    let folder = TestScratch.folder("row-room")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/rows.csv"
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    try #require(fd >= 0)
    let sink = OutputSink(name: "rows.csv", path: path, fd: fd)
    var csv = CSVWriter(headerless: ())
    csv.sink = sink
    var expected: [UInt8] = []
    let rows = CSVWriter.chunk / 5 + 7
    for i in 0..<rows {
      var room = csv.rowRoom(CSVRowRoom.intBytes + 2)
      room.int(i)
      room.endRow()
      csv.commitRow(room)
      expected += Array(",\(i)\r\n".utf8)
    }
    #expect(expected.count > CSVWriter.chunk)
    #expect(csv.bytes.count < expected.count)  // a chunk has gone on
    csv.finish()
    let written = try sink.close()
    #expect(written.bytes == expected.count)
    let onDisk = try #require(FileManager.default.contents(atPath: path))
    #expect(Array(onDisk) == expected)
  }
}
