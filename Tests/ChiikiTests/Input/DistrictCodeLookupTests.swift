import Foundation
import Testing

@testable import Chiiki

/// `DistrictCodeSet` (duplicate codes of districts.csv found by bytes while codes are ASCII)
/// and `DistrictTable.index(of:)` (a binary search when codes are ASCII) must answer what the
/// String dictionaries they replace answered, Swift String equality included (a precomposed
/// and a decomposed é are one code; U+212A KELVIN SIGN equals "K").
@Suite struct DistrictCodeLookupTests {
  /// Spellings that are equal as Strings but not as bytes, and plain ASCII pieces.
  static let pieces = ["0", "1", "2", "9", "A", "K", "\u{212A}", "e", "\u{E9}", "e\u{301}", ";", "\u{37E}", "`", "\u{1FEF}", "町"]

  /// A random code: mostly ASCII digits (sometimes a sorted run's next code), sometimes with
  /// one of the awkward spellings.
  static func randomCode(_ state: inout UInt64, asciiOnly: Bool) -> String {
    let length = 1 + Int(splitMix(&state) % 4)
    var code = ""
    for _ in 0..<length {
      if asciiOnly || splitMix(&state) % 10 != 0 {
        code += String(UnicodeScalar(UInt8(0x30 + splitMix(&state) % 4)))
      } else {
        code += pieces[Int(splitMix(&state) % UInt64(pieces.count))]
      }
    }
    return code
  }

  /// A sequence of codes: ascending runs (as a sorted districts.csv), repeats, and disorder.
  static func randomSequence(_ state: inout UInt64, asciiOnly: Bool, ascending: Bool) -> [String] {
    let n = 1 + Int(splitMix(&state) % 60)
    var codes = (0..<n).map { _ in randomCode(&state, asciiOnly: asciiOnly) }
    if ascending {
      codes.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      if splitMix(&state) % 3 == 0 { codes = Array(Set(codes)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
    }
    return codes
  }

  @Test func codeSetAnswersAsTheStringDictionary() {
    var state: UInt64 = 0x5EED_D15C
    for round in 0..<3000 {
      let codes = Self.randomSequence(&state, asciiOnly: round % 3 != 2, ascending: round % 2 == 0)
      var set = DistrictCodeSet(expected: round % 5 == 0 ? 1 : codes.count)
      var reference: [String: Int] = [:]
      var taken: [String] = []
      for code in codes {
        let expected: Int?
        if let previous = reference[code] {
          expected = previous
        } else {
          expected = nil
          reference[code] = taken.count
          taken.append(code)
        }
        #expect(set.take(code) == expected, "round \(round): \(codes)")
      }
      #expect(set.count == taken.count)
      let ascendingASCII = taken.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
        && zip(taken, taken.dropFirst()).allSatisfy { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      // Claimed only when true; once a code is out of order or not ASCII, never claimed again.
      #expect(!set.isAscendingASCII || ascendingASCII, "round \(round): \(codes)")
      // A repeat of the last code keeps the order; any code below the last ends it.
      let nonDecreasing = zip(codes, codes.dropFirst()).allSatisfy { !$1.utf8.lexicographicallyPrecedes($0.utf8) }
      if codes.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) && nonDecreasing {
        #expect(set.isAscendingASCII, "round \(round): \(codes)")
      }
    }
  }

  /// The dictionary `DistrictTable` used to build: code of the sorted list -> its index, the
  /// last of equal codes winning.
  static func referenceIndex(_ table: DistrictTable) -> [String: Int] {
    var position: [String: Int] = [:]
    for (i, d) in table.districts.enumerated() { position[d.code.rawValue] = i }
    return position
  }

  @Test func tableIndexAnswersAsTheStringDictionary() {
    var state: UInt64 = 0x7AB1_E000
    for round in 0..<1500 {
      let asciiOnly = round % 3 != 2
      let codes = Self.randomSequence(&state, asciiOnly: asciiOnly, ascending: round % 2 == 0)
      let list = codes.map { District(code: DistrictCode($0), name: "町" + $0) }
      let table = DistrictTable(list)
      let reference = Self.referenceIndex(table)
      var queries = codes
      for _ in 0..<40 { queries.append(Self.randomCode(&state, asciiOnly: false)) }
      for q in queries {
        #expect(table.index(of: q) == reference[q], "round \(round): \(q) in \(codes)")
      }
    }
  }

  @Test func loaderTableIndexAnswersAsTheStringDictionary() {
    var state: UInt64 = 0x10AD_E4
    for round in 0..<500 {
      var codes = Self.randomSequence(&state, asciiOnly: true, ascending: true)
      codes = Array(Set(codes)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      let table = DistrictTable(codes.map { District(code: DistrictCode($0), name: $0) }, ascendingASCII: true)
      let reference = Self.referenceIndex(table)
      #expect(table.districts.map(\.code.rawValue) == codes)
      for _ in 0..<40 {
        let q = Self.randomCode(&state, asciiOnly: false)
        #expect(table.index(of: q) == reference[q], "round \(round): \(q)")
      }
    }
  }

  /// The three scalars `asciiEquivalent` replaces are the only ones equal, as a String, to an
  /// ASCII text of one or two characters (a canonical decomposition is one scalar or a base and
  /// marks, so no scalar can equal longer ASCII text).
  @Test func onlyThreeScalarsEqualASCIIText() {
    var ascii = Set<String>()
    for a in 0..<128 {
      let s = String(UnicodeScalar(UInt8(a)))
      ascii.insert(s)
      for b in 0..<128 { ascii.insert(s + String(UnicodeScalar(UInt8(b)))) }
    }
    var found: [UInt32] = []
    for v in UInt32(0x80)...0x10FFFF {
      guard let scalar = Unicode.Scalar(v) else { continue }
      if ascii.contains(String(scalar)) { found.append(v) }
    }
    #expect(found == [0x037E, 0x1FEF, 0x212A])
    #expect(DistrictTable.asciiEquivalent("\u{212A}0\u{37E}\u{1FEF}") == "K0;`")
    #expect(DistrictTable.asciiEquivalent("e\u{301}") == nil)
  }
}
