import Foundation
import Testing

@testable import Chiiki

/// `DistrictMemo.lookup` (the previous district, then a scan of the next codes) must find what
/// the reference, `DistrictByteIndex.index(of:)` (the hash lookup the loaders fall back to),
/// finds: on sorted runs with gaps, shuffled order, absent codes, empty, long and non-ASCII codes.
@Suite struct DistrictMemoTests {
  /// A fixed LCG, so failures reproduce.
  struct Rng {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % n
    }
  }

  /// Looks `code` up as the loaders do (memo first, then the index, remembering a hit) and
  /// returns the memo's answer next to the reference.
  func lookUp(_ code: String, _ memo: inout DistrictMemo, _ codes: DistrictByteIndex) -> (Int?, Int?) {
    var bytes = Array(code.utf8)
    let count = bytes.count
    bytes.append(contentsOf: repeatElement(0xAA, count: 16))  // the slack a CSVRecord field has
    return bytes.withUnsafeBufferPointer { all in
      let field = UnsafeBufferPointer(rebasing: all[0..<count])
      let reference = codes.index(of: field)
      if let fast = memo.lookup(field, codes, .utf8) { return (fast, reference) }
      if let found = codes.index(of: field) {
        memo.remember(field, found)
        return (found, reference)
      }
      return (nil, reference)
    }
  }

  @Test(arguments: [1, 2, 3, 4])
  func sameAsIndexLookup(seed: UInt64) {
    var rng = Rng(state: seed)
    var list: [District] = []
    for i in 0..<600 {
      let code: String
      switch i % 7 {
      case 0: code = "町\(i)"  // non-ASCII
      case 1: code = String(repeating: "9", count: 14) + "\(i)"  // longer than 16 bytes
      default: code = String(format: "%08d", i * 3)
      }
      list.append(District(code: DistrictCode(code), name: "n\(i)"))
    }
    let table = DistrictTable(list)
    let codes = DistrictByteIndex(table)
    var memo = DistrictMemo()
    var position = 0
    var mismatches = 0
    for _ in 0..<20_000 {
      let code: String
      switch rng.next(20) {
      case 0: code = "absent\(rng.next(50))"
      case 1: code = ""
      case 2: code = table.districts[rng.next(table.count)].code.rawValue  // a jump anywhere
      case 3: code = String(format: "%08d", rng.next(2000))  // present or not
      default:
        // Sorted order with gaps, as a file written district by district.
        position = (position + rng.next(DistrictMemo.scanAhead + 4)) % table.count
        code = table.districts[position].code.rawValue
      }
      let (fast, reference) = lookUp(code, &memo, codes)
      if fast != reference { mismatches += 1 }
    }
    #expect(mismatches == 0)
  }

  /// The scan stops at the last district and never reads past it.
  @Test func scanAtTheEnd() {
    let table = DistrictTable((0..<5).map { District(code: DistrictCode("D\($0)"), name: "n") })
    let codes = DistrictByteIndex(table)
    let last = Array("D4".utf8) + Array(repeating: 0, count: 16)
    last.withUnsafeBufferPointer { p in
      let field = UnsafeBufferPointer(rebasing: p[0..<2])
      #expect(codes.scan(field, after: 2, count: 16) == 4)
      #expect(codes.scan(field, after: 4, count: 16) == nil)
      #expect(codes.scan(field, after: 0, count: 3) == nil)
    }
  }
}
