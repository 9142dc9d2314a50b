import Foundation
import Testing

@testable import Chiiki

/// The byte search of `AddressMatch` against Foundation's `contains`, which it stands in for:
/// random addresses and district names from plain text (kana with voiced forms, ideographs,
/// ASCII, full-width digits) mixed with what is not plain (combining marks, a compatibility
/// ideograph, a half-width voicing mark, CR LF), many of them real substrings.
@Suite struct AddressMatchTests {
  static let pieces = [
    "町", "丁目", "北", "ガ", "カ", "が", "か", "ヶ", "丘", "ー", "1", "-", "２", "第", "ﾃ", "ｶ", "ﾞ", "a", " ", "隆", "々",
    "\u{3099}", "\u{301}", "\u{F9DC}", "\u{FF9E}", "\r\n", "e", "ヴ", "ウ", "ゞ", "ゝ", "（", "）",
  ]

  /// The byte version (`plainContains(utf8:)`, used by the directory's layout) against the
  /// `String` version, on the same random texts plus emoji, controls and DEL.
  @Test func bytesAgreeWithStrings() {
    var rng = OutputTestRandom(seed: 12)
    let pieces = Self.pieces + ["😀", "\t", "\u{7F}", "é", "\u{3000}", "\u{FF9D}", "\u{2FFF}", "\u{A000}"]
    func text(_ n: Int) -> String { (0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined() }
    var bad: [String] = []
    var answered = 0
    for _ in 0..<30_000 {
      var address = text(Int(rng.next() % 8))
      var district = rng.next() % 3 == 0 && !address.isEmpty ? String(address.dropFirst(Int(rng.next() % UInt64(address.count)))) : text(Int(rng.next() % 3))
      let strings = AddressMatch.plainContains(address, district)
      let bytes = address.withUTF8 { a in district.withUTF8 { AddressMatch.plainContains(utf8: a, $0) } }
      if strings != nil { answered += 1 }
      if strings != bytes { bad.append("\(Array(address.unicodeScalars)) / \(Array(district.unicodeScalars))") }
    }
    #expect(bad.isEmpty, "\(bad.prefix(5))")
    #expect(answered > 1000)
  }

  /// Malformed UTF-8 is never plain on the byte path (the `String` path would see U+FFFD).
  @Test func malformedBytesAreNotPlain() {
    for bytes: [UInt8] in [[0xE3, 0x41, 0x81], [0xE3, 0x81], [0xE3], [0x80], [0xFF], [0xE3, 0x81, 0x41]] {
      #expect(bytes.withUnsafeBufferPointer { AddressMatch.isPlain(utf8: $0) } == false)
    }
    #expect(Array("町1".utf8).withUnsafeBufferPointer { AddressMatch.isPlain(utf8: $0) })
  }

  @Test func agreesWithFoundation() {
    var rng = OutputTestRandom(seed: 11)
    func text(_ n: Int) -> String { (0..<n).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }.joined() }
    var bad: [String] = []
    var plainCases = 0
    for _ in 0..<30_000 {
      let address = text(Int(rng.next() % 8))
      let scalars = Array(address.unicodeScalars)
      // Half of the names are cut out of the address (on scalars, so some cut a character).
      var district = text(1 + Int(rng.next() % 3))
      if rng.next() % 2 == 0, !scalars.isEmpty {
        let a = Int(rng.next() % UInt64(scalars.count)), b = Int(rng.next() % UInt64(scalars.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[min(a, b)...max(a, b)])
        district = String(view)
      }
      if AddressMatch.plainContains(address, district) != nil { plainCases += 1 }
      if AddressMatch.contains(address, district) != address.contains(district) {
        bad.append("\(Array(address.unicodeScalars)) / \(Array(district.unicodeScalars))")
      }
    }
    #expect(bad.count == 0, "\(bad.prefix(5))")
    #expect(plainCases > 1000)
  }

  @Test func plainSetHasNoCombiningOrDecomposingSingletons() {
    // Every plain scalar is a grapheme of its own with combining class 0, and decomposes (if
    // at all) into more than one scalar, never into another single scalar.
    var bad: [UInt32] = []
    for v in UInt32(0)...UInt32(0x10000) where AddressMatch.isPlain(v) {
      guard let s = Unicode.Scalar(v) else { bad.append(v); continue }
      let p = s.properties
      let decomposed = Array(String(s).decomposedStringWithCanonicalMapping.unicodeScalars)
      if p.canonicalCombiningClass.rawValue != 0 || p.isGraphemeExtend || p.generalCategory == .spacingMark
        || p.generalCategory == .control || p.generalCategory == .format || p.generalCategory == .unassigned
        || (decomposed.count == 1 && decomposed != [s])
      {
        bad.append(v)
      }
    }
    #expect(bad.isEmpty, "\(bad.prefix(5).map { String($0, radix: 16) })")
  }
}
