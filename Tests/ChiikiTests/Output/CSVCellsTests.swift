import Foundation
import Testing

@testable import Chiiki

/// The cell-at-a-time CSV API against the row encoder it replaced (kept here as the reference):
/// the same bytes for every kind of cell, numbers included.
@Suite struct CSVCellsTests {
  /// The row encoding before the cell API (commit 1dcaaab), unchanged but for the set of risky
  /// lead bytes written out.
  static func referenceRow(_ cells: [String]) -> [UInt8] {
    let risky: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D, 0xEF]
    var data: [UInt8] = []
    var first = true
    for cell in cells {
      if !first { data.append(0x2C) }
      first = false
      let utf8 = cell.utf8
      if let lead = utf8.first, !risky.contains(lead),
        !utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
      {
        data.append(contentsOf: utf8)
      } else {
        data.append(contentsOf: CSVWriter.escape(CSVWriter.neutralise(cell)).utf8)
      }
    }
    data += [0x0D, 0x0A]
    return data
  }

  static let awkward = [
    "", "plain", "東京都", "-0.25", "+1", "-", "+", "-.", ".5", "-1.2.3", "1e5", "-1e+19", "=SUM(A1)", "@x", "\tx", "\rx",
    "a,b", "say \"hi\"", "line\nbreak", "cr\rin", "＝1", "＋1", "－1", "＠1", "ｘ", "-１", "'quoted", "a\"b,c", "\"",
    "e\u{301}", "\"\u{301}", "-0", "--1", "0.", "-.5", "12345678901234567890", "ﾃｽﾄ", "\u{FEFF}x",
  ]

  @Test func cellsMatchTheRowEncoder() {
    var rng = OutputTestRandom(seed: 99)
    var bad = 0
    for round in 0..<3000 {
      let count = Int(rng.next() % 6)
      let cells = (0..<count).map { _ in Self.awkward[Int(rng.next() % UInt64(Self.awkward.count))] }
      var csv = CSVWriter(header: [], bom: false)
      let start = csv.data.count
      if round % 2 == 0 { csv.appendRow(cells) } else {
        for c in cells { csv.appendCell(c) }
        csv.endRow()
      }
      if Array(csv.data[start...]) != Self.referenceRow(cells) { bad += 1 }
    }
    #expect(bad == 0)
  }

  @Test func numbersMatchFormattedText() {
    var rng = OutputTestRandom(seed: 5)
    var values: [Double?] = [nil, .nan, .infinity, -.infinity, 0, -0.0, -0.0000001, 1e19, -1e19, -9.5e18, 2.5, -2.5]
    for _ in 0..<5000 { values.append(Double(bitPattern: rng.next())) }
    for _ in 0..<5000 { values.append((Double(rng.next() % 2_000_001) - 1_000_000) / 1000) }
    var bad = 0
    for v in values {
      for places in [0, 1, 6, 8] {
        var csv = CSVWriter(header: [], bom: false)
        let start = csv.data.count
        csv.appendCell("x")
        csv.appendFixed(v, places)
        csv.appendInt(-42)
        csv.endRow()
        if Array(csv.data[start...]) != Self.referenceRow(["x", NumberFormatTests.reference(v, places), "-42"]) { bad += 1 }
        // As a row's first cell (no comma before it), then an integer first.
        let second = csv.data.count
        csv.appendFixed(v, places)
        csv.appendCell("y")
        csv.endRow()
        csv.appendInt(-7)
        csv.appendFixed(v, places)
        csv.endRow()
        let expected = Self.referenceRow([NumberFormatTests.reference(v, places), "y"]) + Self.referenceRow(["-7", NumberFormatTests.reference(v, places)])
        if Array(csv.data[second...]) != expected { bad += 1 }
      }
    }
    #expect(bad == 0)
  }

  @Test func plainNumberOnBytesMatchesScalars() {
    for cell in Self.awkward {
      let bytes = Array(cell.utf8)
      let onBytes = bytes.withUnsafeBufferPointer { CSVWriter.isPlainNumber($0) }
      #expect(onBytes == CSVWriter.isPlainNumber(cell), "\(cell)")
    }
  }

  @Test func chunksReachTheSinkInOrder() throws {
    // Rows built with cells and flushed through a sink give the same file as in memory.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("csvcells-\(UUID().uuidString)").path
    let stage = try ReportStage(target: dir)
    defer { stage.abort() }
    let sink = try stage.open("x.csv")
    var streamed = CSVWriter(header: ["a", "b"])
    streamed.sink = sink
    var memory = CSVWriter(header: ["a", "b"])
    for i in 0..<120_000 {
      streamed.appendCell("名前\(i)")
      streamed.appendFixed(Double(i) / 7, 6)
      streamed.endRow()
      memory.appendRow(["名前\(i)", NumberFormat.fixed(Double(i) / 7, 6)])
    }
    streamed.finish()
    let written = try sink.close()
    #expect(written.bytes == memory.data.count)
    var hash = SHA256()
    memory.data.withUnsafeBytes { hash.update($0) }
    #expect(written.sha256 == hash.finalizeHex())
  }
}
