import Foundation
import Testing

@testable import Chiiki

/// `CSVBytes` (the CSV writer's in-place byte storage) against `[UInt8]` doing the same
/// appends, including copies that must not see each other's writes (copy on write), and the
/// number writers into it against the `[UInt8]` ones and the reference formatting.
@Suite struct CSVBytesTests {
  @Test func randomAppendsMatchAnArray() {
    var rng = OutputTestRandom(seed: 41)
    let texts = ["", "a", "東京都", "0123456789abcdef", "0123456789abcdefg", String(repeating: "長い", count: 40)]
    for round in 0..<200 {
      var bytes = CSVBytes(capacity: Int(rng.next() % 40))
      var reference: [UInt8] = []
      var copies: [(CSVBytes, [UInt8])] = []
      for _ in 0..<Int(rng.next() % 300) {
        switch rng.next() % 8 {
        case 0:
          let b = UInt8(truncatingIfNeeded: rng.next())
          bytes.append(b)
          reference.append(b)
        case 1:
          bytes.append(0x0D, 0x0A)
          reference += [0x0D, 0x0A]
        case 2:
          let t = texts[Int(rng.next() % UInt64(texts.count))]
          bytes.append(t)
          reference += Array(t.utf8)
        case 3:
          let piece = (0..<Int(rng.next() % 40)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
          piece.withUnsafeBufferPointer { bytes.append($0) }
          reference += piece
        case 4:
          let v = Int(bitPattern: UInt(rng.next())) >> Int(rng.next() % 64)
          NumberFormat.appendInteger(v, to: &bytes)
          reference += Array(String(v).utf8)
        case 5:
          copies.append((bytes, reference))
        case 6:
          if rng.next() % 10 == 0 { bytes.removeAll(); reference.removeAll() }
        default:
          bytes.reserveCapacity(bytes.count + Int(rng.next() % 100))
        }
        #expect(bytes.count == reference.count)
      }
      #expect(bytes.array == reference, "round \(round)")
      // Every copy still holds what it held when it was made, though the original went on.
      for (copy, held) in copies { #expect(copy.array == held, "round \(round)") }
    }
  }

  @Test func copiesWriteIndependently() {
    var a = CSVBytes(capacity: 64)
    a.append("abc")
    var b = a
    b.append("def")
    a.append("xyz")
    #expect(a.array == Array("abcxyz".utf8))
    #expect(b.array == Array("abcdef".utf8))
    var c = b
    c.removeAll()
    #expect(b.array == Array("abcdef".utf8) && c.isEmpty)
    c.append("q")
    #expect(c.array == [0x71] && b.array == Array("abcdef".utf8))
  }

  @Test func fixedNumbersMatchTheArrayWriterAndReference() {
    var rng = OutputTestRandom(seed: 43)
    var values: [Double] = [0, -0.0, 1e-7, -1e-7, 5e-7, -5e-7, 0.0000005, 0.0000015, 0.0000025, 2.675, 0.125, 1.5, 2.5, -2.5,
                            9e18, 8.999999e18, -9e18, 1e19, 1e300, -1e300, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                            123456.1234565, 0.9999995, 9.9999995, 99999999.9999995]
    for _ in 0..<20_000 { values.append(Double(bitPattern: rng.next())) }
    // Ties: x.xxxxxx5 in decimal (mostly not exact in binary, so on either side).
    for _ in 0..<20_000 { values.append((Double(rng.next() % 20_000_001) - 10_000_000) / 1_000_000 + 5e-7) }
    for _ in 0..<20_000 { values.append(Double(Int64(bitPattern: rng.next()) >> Int(rng.next() % 64)) / 1e6) }
    var bad: [String] = []
    for v in values where v.isFinite {
      for places in [0, 1, 2, 6, 8] {
        var bytes = CSVBytes()
        var array: [UInt8] = []
        let inRange = NumberFormat.appendFixedInRange(v, places, to: &bytes)
        #expect(inRange == NumberFormat.appendFixedInRange(v, places, to: &array))
        if !inRange { NumberFormat.appendFinite(v, places, to: &array); bytes.append(array) }
        if bytes.array != array || String(decoding: array, as: UTF8.self) != NumberFormatTests.reference(v, places) {
          bad.append("\(v) \(places)")
        }
      }
    }
    #expect(bad.isEmpty, "\(bad.prefix(5))")
  }

  @Test func integersAtTheEnds() {
    for v in [Int.min, Int.min + 1, -1, 0, 1, 9, 10, 99, 100, Int.max] {
      var bytes = CSVBytes()
      NumberFormat.appendInteger(v, to: &bytes)
      #expect(bytes.array == Array(String(v).utf8))
    }
  }
}
