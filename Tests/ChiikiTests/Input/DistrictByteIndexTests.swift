import Foundation
import Testing

@testable import Chiiki

/// `DistrictByteIndex.index(of:)` (codes of up to 8 bytes kept in the slot) must answer what a
/// plain dictionary from code bytes to the first district index answers: on random tables of
/// short, 8-byte, long, non-ASCII and empty-looking codes, for present and absent keys.
@Suite struct DistrictByteIndexTests {
  /// A random code: mostly 8 digits, sometimes shorter, longer, non-ASCII or with a NUL byte.
  static func randomCode(_ state: inout UInt64) -> [UInt8] {
    let kind = splitMix(&state) % 8
    let length: Int
    switch kind {
    case 0: length = Int(splitMix(&state) % 8)  // 0...7 bytes
    case 1: length = 9 + Int(splitMix(&state) % 16)  // longer than a word
    default: length = 8
    }
    var bytes: [UInt8] = []
    for _ in 0..<length {
      switch splitMix(&state) % 20 {
      case 0: bytes.append(0)
      case 1: bytes.append(0x80 + UInt8(splitMix(&state) % 0x80))
      default: bytes.append(0x30 + UInt8(splitMix(&state) % 4))  // few digits: many near misses
      }
    }
    return bytes
  }

  @Test(arguments: [UInt64(1), 2, 3, 4, 5])
  func sameAsDictionary(seed: UInt64) {
    var state = seed
    // Codes as strings must be distinct for DistrictTable; decode lossily and keep the bytes
    // of what the table actually holds.
    var seen = Set<String>()
    var list: [District] = []
    let size = 1 + Int(splitMix(&state) % 3000)
    while list.count < size {
      let code = String(decoding: DistrictByteIndexTests.randomCode(&state), as: UTF8.self)
      guard !code.isEmpty, seen.insert(code).inserted else { continue }
      list.append(District(code: DistrictCode(code), name: "n"))
    }
    let table = DistrictTable(list)
    let index = DistrictByteIndex(table)
    var reference: [[UInt8]: Int] = [:]
    for (i, d) in table.districts.enumerated() where reference[Array(d.code.rawValue.utf8)] == nil {
      reference[Array(d.code.rawValue.utf8)] = i
    }
    var checked = 0
    var hits = 0
    for round in 0..<20_000 {
      let key: [UInt8] =
        round % 2 == 0
        ? Array(table.districts[Int(splitMix(&state) % UInt64(table.count))].code.rawValue.utf8)
        : DistrictByteIndexTests.randomCode(&state)
      let got = key.withUnsafeBufferPointer { index.index(of: $0) }
      #expect(got == reference[key], "key \(key)")
      checked += 1
      if got != nil { hits += 1 }
    }
    #expect(checked == 20_000)
    #expect(hits >= 10_000)  // every code of the table is found
  }
}
