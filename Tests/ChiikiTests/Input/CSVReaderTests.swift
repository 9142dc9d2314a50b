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
