import Foundation
import Testing

@testable import Chiiki

@Suite struct CSVReaderTests {
  func records(_ bytes: [UInt8], chunk: Int = 1 << 20, encoding: InputEncoding? = nil) throws -> [(Int, [String])] {
    let dir = TempDir()
    defer { dir.remove() }
    let path = dir.write("x.csv", bytes: bytes)
    var reader = CSVReader(path: path, encoding: encoding)
    reader.chunkSize = chunk
    var out: [(Int, [String])] = []
    try reader.forEachRecord { r in out.append((r.line, (0..<r.count).map { r.string($0) ?? "<undecodable>" })) }
    return out
  }

  @Test(arguments: [7, 1 << 20])
  func quotingCRLFAndLineNumbers(chunk: Int) throws {
    // Quoted comma, quoted CRLF line break, doubled quotes, a blank line, no final newline.
    let text = "id,name,note\r\n1,\"Kita, Tokyo\",\"line1\r\nline2\"\r\n\r\n2,\"say \"\"hi\"\"\",\r\n  3 , テスト町1丁目 ,last"
    let rows = try records(Array(text.utf8), chunk: chunk)
    #expect(rows.count == 4)
    #expect(rows[1].1 == ["1", "Kita, Tokyo", "line1\r\nline2"])
    #expect(rows[2].1 == ["2", "say \"hi\"", ""])
    #expect(rows[3].1 == ["3", "テスト町1丁目", "last"])
    // Physical lines: header 1, record 2 spans lines 2-3, blank line 4, then 5 and 6.
    #expect(rows.map(\.0) == [1, 2, 5, 6])
  }

  @Test func lfOnlyLineNumbers() throws {
    let rows = try records(Array("a,b\n1,\"x\ny\"\n\n\n2,z\n".utf8))
    #expect(rows.map(\.0) == [1, 2, 6])
  }

  @Test func bomIsStripped() throws {
    let rows = try records([0xEF, 0xBB, 0xBF] + Array("district_code,x\n1,2\n".utf8))
    #expect(rows[0].1 == ["district_code", "x"])
  }

  @Test func cp932IsDetectedAndDecoded() throws {
    // 'テスト町1丁目' in CP932 = 83 65 83 58 83 67 92 ac 31 92 9a 96 da (swift-and-libcsv.md §C);
    // '15～19歳' with the CP932 full-width tilde 0x8160.
    let name: [UInt8] = [0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x92, 0xAC, 0x31, 0x92, 0x9A, 0x96, 0xDA]
    let band: [UInt8] = Array("15".utf8) + [0x81, 0x60] + Array("19".utf8) + [0x8D, 0xCE]
    let bytes = Array("name,band\r\n".utf8) + name + [0x2C] + band + [0x0D, 0x0A]
    let rows = try records(bytes)
    #expect(rows[1].1[0] == "テスト町1丁目")
    #expect(rows[1].1[1] == "15～19歳")
    #expect(AgeBand.parse(rows[1].1[1]) == AgeBand(lower: 15, upper: 19))
  }

  @Test func strayQuoteIsLocated() throws {
    let text = "a,b\n1,2\n3,x\"y\n"
    #expect {
      _ = try records(Array(text.utf8))
    } throws: { error in
      guard case ChiikiError.invalidInput(let log) = error, let d = log.errors.first else { return false }
      return d.line == 3 && d.column == 2
    }
  }

  @Test func unterminatedQuoteAtEndIsAnError() throws {
    let text = "a,b\n1,2\n3,\"open\n4,5\n"
    #expect {
      _ = try records(Array(text.utf8))
    } throws: { error in
      guard case ChiikiError.invalidInput(let log) = error, let d = log.errors.first else { return false }
      return d.line == 3 && d.message.contains("never closed")
    }
  }

  @Test func missingFileIsAnIOError() {
    #expect(throws: ChiikiError.self) {
      try CSVReader(path: "/nonexistent/x.csv").forEachRecord { _ in }
    }
  }
}

/// Line numbers must stay exact when quoted line breaks straddle read chunks and the 64 KiB
/// slices given to libcsv.
@Suite struct CSVReaderLineTests {
  @Test(arguments: [1, 2, 3, 5, 7, 13, 4096, 1 << 16, 1 << 20])
  func quotedBreaksAcrossChunksKeepLines(chunk: Int) throws {
    // About 150 KB: records with CRLF, LF and lone-CR breaks inside quotes, blank lines, and
    // long fields, so that breaks fall on chunk and slice borders at many offsets.
    var text = "id,note,x\r\n"
    var expected: [Int] = [1]
    var line = 2
    var k = 0
    while text.utf8.count < 150_000 {
      expected.append(line)
      switch k % 5 {
      case 0:
        text += "\(k),\"a\r\nb\nc\",\(String(repeating: "z", count: k % 97))\r\n"
        line += 3
      case 1:
        text += "\(k),\"cr\ronly\",1\n\n"
        line += 3
      case 2:
        text += "\(k),plain,\"\(String(repeating: "q", count: k % 300))\"\r\n"
        line += 1
      case 3:
        text += "\(k),\"\"\"quoted\"\"\n\",2\r\n\r\n"
        line += 3
      default:
        text += "\(k),\"\(String(repeating: "\n", count: k % 4))\",3\n"
        line += 1 + k % 4
      }
      k += 1
    }
    let dir = TempDir()
    defer { dir.remove() }
    var reader = CSVReader(path: dir.write("lines.csv", text))
    reader.chunkSize = chunk
    var lines: [Int] = []
    var counts: [Int] = []
    try reader.forEachRecord { r in
      lines.append(r.line)
      counts.append(r.count)
    }
    #expect(lines == expected)
    #expect(counts.allSatisfy { $0 == 3 })
  }

  @Test func errorAfterQuotedBreaksIsLocated() throws {
    // The stray quote is on physical line 4 (the record starts on line 2), field 3.
    let text = "a,b,c\n1,\"x\ny\nz\",w\"v\n"
    let dir = TempDir()
    defer { dir.remove() }
    for chunk in [1, 3, 1 << 20] {
      var reader = CSVReader(path: dir.write("e.csv", text))
      reader.chunkSize = chunk
      #expect {
        try reader.forEachRecord { _ in }
      } throws: { error in
        guard case ChiikiError.invalidInput(let log) = error, let d = log.errors.first else { return false }
        return d.line == 4 && d.column == 3
      }
    }
  }
}
