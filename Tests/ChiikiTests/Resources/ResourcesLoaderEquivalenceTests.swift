import Foundation
import Testing

@testable import Chiiki

/// `ResourcesLoader` (text straight from the field bytes into one buffer) against
/// `ReferenceResourcesLoader` (the earlier loader, a `String` per cell): the same resources,
/// the same diagnostics in the same order, on random awkward files.
@Suite struct ResourcesLoaderEquivalenceTests {
  static let districts = DistrictTable(["001", "002", "003", "00４"].map { District(code: DistrictCode($0), name: "町" + $0, area: "北部") })

  /// A cell drawn from plain and awkward text: edge spaces (ASCII, tab, ideographic), full-width
  /// letters, quotes and commas, bytes that are not UTF-8, CR LF, combining marks, empties.
  static func cell(_ rng: inout ResourceRandom) -> [UInt8] {
    let texts = ["", "就労", "居場所", "R1", "R2", "R01", "r1", "竹の内第98センター", " 前後 ", "\u{3000}全角\u{3000}", "\t tab", "yes", "YES", "No",
                 "ｙｅｓ", "はい", "×", "maybe", "12", "1,234", "-3", "X", "abc", "https://example.jp/a", "javascript:x", "=1+2", "\"q,\"\"x\"\"\"",
                 "e\u{301}", "a\r\nb", "001", "002", "00４", "009", "&<>", "\u{1}", "ＡＢＣ"]
    let pick = Int(rng.next() % UInt64(texts.count + 3))
    switch pick {
    case texts.count: return [0xFF, 0x41]  // not UTF-8
    case texts.count + 1: return [0xE3, 0x81]  // cut sequence
    case texts.count + 2: return [0xED, 0xA0, 0x80]  // a surrogate
    default:
      let t = texts[pick]
      return t.contains(",") || t.contains("\"") || t.contains("\r") ? Array(t.utf8) : Array(t.utf8)
    }
  }

  static func csvCell(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return bytes }
    var out: [UInt8] = [0x22]
    for b in bytes { out.append(b); if b == 0x22 { out.append(0x22) } }
    out.append(0x22)
    return out
  }

  static func file(_ seed: UInt64) -> [UInt8] {
    var rng = ResourceRandom(seed)
    var columns = ["resource_id", "name", "kind", "district_code", "capacity", "target", "address", "contact", "hours", "url", "public"]
    // Sometimes without some optional columns, in another order.
    if rng.next() % 3 == 0 { columns.removeAll { $0 == ["capacity", "public", "url", "hours"][Int(rng.next() % 4)] } }
    if rng.next() % 2 == 0 { columns.shuffle(using: &rng) }
    var out = Array(columns.joined(separator: ",").utf8) + [0x0A]
    for _ in 0..<(20 + Int(rng.next() % 40)) {
      var row: [[UInt8]] = []
      for name in columns {
        var c = cell(&rng)
        if name == "resource_id", rng.next() % 4 != 0 { c = Array("R\(rng.next() % 30)".utf8) }
        if name == "district_code", rng.next() % 3 != 0 { c = Array(["001", "002", "003"][Int(rng.next() % 3)].utf8) }
        if name == "capacity", rng.next() % 2 == 0 { c = Array("\(rng.next() % 100)".utf8) }
        if name == "public", rng.next() % 2 == 0 { c = Array(["yes", "no", ""][Int(rng.next() % 3)].utf8) }
        row.append(csvCell(c))
      }
      if rng.next() % 15 == 0 { row.removeLast() }  // a short row
      out += row.joined(separator: [0x2C]) + (rng.next() % 2 == 0 ? [0x0D, 0x0A] : [0x0A])
    }
    return out
  }

  @Test func sameResourcesAndDiagnosticsAsReference() throws {
    var (kept, reported) = (0, 0)
    defer {
      // The files exercise both paths: many rows kept, many reported.
      #expect(kept > 1000 && reported > 1000, "\(kept) kept, \(reported) diagnostics")
    }
    for seed in UInt64(1)...UInt64(150) {
      let dir = TempDir()
      defer { dir.remove() }
      let path = dir.write("resources.csv", bytes: Self.file(seed))
      for encoding in [InputEncoding?.none, .utf8, .cp932] {
        for codes in [DistrictByteIndex?.none, DistrictByteIndex(Self.districts)] {
          var log1 = DiagnosticLog(limit: 1000)
          var log2 = DiagnosticLog(limit: 1000)
          let r1 = Result { () throws(ChiikiError) in try ResourcesLoader.load(path: path, districts: Self.districts, encoding: encoding, log: &log1, codes: codes) }
          let r2 = Result { () throws(ChiikiError) in try ReferenceResourcesLoader.load(path: path, districts: Self.districts, encoding: encoding, log: &log2, codes: codes) }
          #expect(log1.shown == log2.shown, "seed \(seed)")
          reported += log2.shown.count
          #expect(log1.errorCount == log2.errorCount && log1.warningCount == log2.warningCount)
          switch (r1, r2) {
          case (.success(let a), .success(let b)):
            #expect(a.0 == b.0, "seed \(seed)")
            kept += b.0.count
            #expect(a.0.map(\.id) == b.0.map(\.id))
            #expect(a.1.records == b.1.records && a.1.encoding == b.1.encoding)
            for (x, y) in zip(a.0, b.0) {
              #expect(x.name.utf8.elementsEqual(y.name.utf8) && x.address.utf8.elementsEqual(y.address.utf8) && x.url.utf8.elementsEqual(y.url.utf8)
                && x.target.utf8.elementsEqual(y.target.utf8) && x.hours.utf8.elementsEqual(y.hours.utf8) && x.contact.utf8.elementsEqual(y.contact.utf8)
                && x.kind.utf8.elementsEqual(y.kind.utf8) && x.id.utf8.elementsEqual(y.id.utf8))
            }
          case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)")
          default: Issue.record("seed \(seed): one loader failed, the other did not")
          }
        }
      }
    }
  }

  @Test func strictUTF8MatchesStringValidation() {
    var rng = ResourceRandom(7)
    let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF, 0x8F, 0x90, 0x9F, 0xA0]
    for _ in 0..<200_000 {
      let n = Int(rng.next() % 6)
      let bytes = (0..<n).map { _ in interesting[Int(rng.next() % UInt64(interesting.count))] }
      bytes.withUnsafeBufferPointer { b in
        #expect(StrictUTF8.isValid(b) == (String(validating: b, as: UTF8.self) != nil), "\(bytes)")
      }
    }
  }

  @Test func resourceFieldsReadBackAndCompare() {
    var a = Resource(id: "R1", name: "名前", kind: "就労", district: 2, capacity: 5, target: "", address: "住所", contact: "c", hours: "h", url: "u", isPublic: true)
    let b = a
    #expect(a == b && a.hashValue == b.hashValue)
    #expect(a.name == "名前" && a.kind == "就労" && a.district == 2 && a.target == "" && a.url == "u" && a.isEmpty(.target) && !a.isEmpty(.name))
    a.name = "別の名前"
    #expect(a.name == "別の名前" && a.id == "R1" && a.address == "住所" && a != b && b.name == "名前")
    a.district = 3
    #expect(a.district == 3)
  }
}

/// A small deterministic generator for the random files.
struct ResourceRandom: RandomNumberGenerator {
  var state: UInt64
  init(_ seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    splitMix(&state)
  }
}
