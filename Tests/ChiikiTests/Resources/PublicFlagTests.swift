import Foundation
import Testing

@testable import Chiiki

/// `ResourceRowReader.plainPublicFlag` (bytes compared as a word) must give what the former
/// String path gave: the ASCII bytes lowercased into a String, matched against the yes/no words,
/// nil (checked path) for anything else. Random cells from an alphabet that hits every word in
/// mixed case, edge spaces, tabs, non-ASCII bytes and NUL.
@Suite struct PublicFlagTests {
  /// The former reading (String per cell), the reference.
  static func reference(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    let lowered: String
    if bytes.isEmpty {
      lowered = ""
    } else {
      guard bytes.count <= 8, ResourceRowReader.isPlain(bytes, utf8: false), bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      lowered = String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
    switch lowered {
    case "", "yes", "y", "true", "1": return true
    case "no", "n", "false", "0": return false
    default: return nil
    }
  }

  @Test(arguments: [UInt64(7), 8, 9])
  func sameAsStringMatch(seed: UInt64) {
    var state = seed
    let words = ["yes", "y", "true", "1", "no", "n", "false", "0", "YES", "No", "TrUe", "fAlSe", "yess", "falsey", "ye", "tru"]
    let noise: [UInt8] = [0x20, 0x09, 0x00, 0xE3, 0x80, 0x81, 0x41, 0x5A, 0x5B, 0x60, 0x7A, 0x7B, 0x40]
    var answers: [Bool?: Int] = [:]
    for _ in 0..<50_000 {
      var cell = Array(words[Int(splitMix(&state) % UInt64(words.count))].utf8)
      let edits = Int(splitMix(&state) % 4)
      for _ in 0..<(edits == 3 ? 2 : 0) {
        let b = noise[Int(splitMix(&state) % UInt64(noise.count))]
        if splitMix(&state) % 2 == 0 { cell.insert(b, at: 0) } else { cell.append(b) }
      }
      if edits == 2 && !cell.isEmpty { cell[Int(splitMix(&state) % UInt64(cell.count))] ^= 0x20 }
      if splitMix(&state) % 50 == 0 { cell = [] }
      let (got, want) = cell.withUnsafeBufferPointer { (ResourceRowReader.plainPublicFlag($0), PublicFlagTests.reference($0)) }
      #expect(got == want, "cell \(cell)")
      answers[want, default: 0] += 1
    }
    #expect(answers[true, default: 0] > 1000 && answers[false, default: 0] > 1000 && answers[nil, default: 0] > 1000)
  }
}
