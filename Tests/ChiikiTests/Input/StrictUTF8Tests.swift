import Testing

@testable import Chiiki

/// `StrictUTF8.isValid` and `isASCII` skip ASCII eight bytes at a time, and
/// `FieldDecoder.decode` (UTF-8) and `RowFields.hasNoEdgeSpace` read through them or the
/// string's contiguous bytes: each must answer what the plain form answers
/// (`String(validating:as:)`, a byte-by-byte test, `utf8.first` / `utf8.last`), on random
/// cells made of long ASCII runs, multibyte characters and bytes that break UTF-8, at every
/// offset from an 8-byte boundary.
@Suite struct StrictUTF8Tests {
  static let pieces: [[UInt8]] =
    ["R000001", "https://example.jp/chiiki/r000001", "a", "0", " ", "\t", "ひだまり", "局", "\u{3000}", "é", "😀"]
    .map { Array($0.utf8) }
    + [[0xE3], [0x80], [0xE3, 0x80], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x9F, 0xBF]]

  static func randomCell(_ state: inout UInt64) -> [UInt8] {
    var bytes: [UInt8] = []
    let n = Int(splitMix(&state) % 6)
    for _ in 0..<n { bytes += pieces[Int(splitMix(&state) % UInt64(pieces.count))] }
    return bytes
  }

  @Test(arguments: [UInt64(41), 42, 43])
  func sameAsPlainForms(seed: UInt64) {
    var state = seed
    var valid = 0
    var invalid = 0
    for _ in 0..<20_000 {
      let cell = StrictUTF8Tests.randomCell(&state)
      // A prefix of junk moves the cell against 8-byte boundaries of the buffer.
      let shift = Int(splitMix(&state) % 8)
      let buffer = [UInt8](repeating: 0xFF, count: shift) + cell
      buffer.withUnsafeBufferPointer { whole in
        let b = UnsafeBufferPointer(rebasing: whole[shift...])
        let expected = String(validating: cell, as: UTF8.self)
        #expect(StrictUTF8.isValid(b) == (expected != nil), "\(cell)")
        #expect(StrictUTF8.isASCII(b) == cell.allSatisfy { $0 < 0x80 }, "\(cell)")
        #expect(FieldDecoder(encoding: .utf8).decode(b) == expected, "\(cell)")
        if expected != nil { valid += 1 } else { invalid += 1 }
      }
      if let text = String(validating: cell, as: UTF8.self) {
        let plain: Bool = {
          guard let first = text.utf8.first, let last = text.utf8.last else { return false }
          return first != 0x20 && first != 0x09 && first != 0xE3 && last != 0x20 && last != 0x09 && last != 0x80
        }()
        #expect(RowFields.hasNoEdgeSpace(text) == plain, "\(cell)")
      }
    }
    #expect(valid > 3_000)
    #expect(invalid > 3_000)
  }

  @Test func emptyAndBoundaryCases() {
    #expect(StrictUTF8.isValid(UnsafeBufferPointer(start: nil, count: 0)))
    #expect(StrictUTF8.isASCII(UnsafeBufferPointer(start: nil, count: 0)))
    let long = Array("abcdefghijklmnop".utf8) + [0xC3]  // a truncated character after two words
    long.withUnsafeBufferPointer { #expect(!StrictUTF8.isValid($0)) }
    long.withUnsafeBufferPointer { #expect(!StrictUTF8.isASCII($0)) }
    let eight = Array("abcdefgh".utf8) + [0x80] + Array("abcdefgh".utf8)
    eight.withUnsafeBufferPointer { #expect(!StrictUTF8.isValid($0)) }
    #expect(!RowFields.hasNoEdgeSpace(""))
    #expect(RowFields.hasNoEdgeSpace("R000001"))
    #expect(!RowFields.hasNoEdgeSpace("\u{3000}ひだまり"))
  }
}
