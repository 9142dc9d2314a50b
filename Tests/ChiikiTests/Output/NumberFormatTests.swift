import Foundation
import Testing

@testable import Chiiki

/// The byte-writing `NumberFormat.fixed` / `appendFixed` against the `String`-building formatter
/// it replaced (kept here verbatim as the reference), over many values: every output file's
/// numbers must keep their exact bytes.
@Suite struct NumberFormatTests {
  /// The formatter before the byte-writing one (commit 1dcaaab), unchanged.
  static func reference(_ value: Double?, _ places: Int) -> String {
    guard let value, value.isFinite else { return "" }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrEven)
    guard scaled < 9.0e18 else { return String(value) }
    let integer = UInt64(scaled)
    let unit = UInt64(scale)
    let whole = integer / unit
    let frac = integer % unit
    var text = (value < 0 && integer > 0) ? "-" : ""
    text += String(whole)
    if places > 0 {
      let digits = String(frac)
      text += "." + String(repeating: "0", count: places - digits.count) + digits
    }
    return text
  }

  /// Checks `fixed` and `appendFixed` (into a buffer that already holds bytes) for one value;
  /// returns the number of mismatches so that a failing sweep reports a count, not thousands.
  static func mismatches(_ value: Double?, places: ClosedRange<Int> = 0...9) -> Int {
    var bad = 0
    for p in places {
      let expected = reference(value, p)
      if NumberFormat.fixed(value, p) != expected { bad += 1 }
      var buffer: [UInt8] = [0x41]
      NumberFormat.appendFixed(value, p, to: &buffer)
      if buffer != [0x41] + Array(expected.utf8) { bad += 1 }
    }
    return bad
  }

  @Test func tiesAndKnownValues() {
    #expect(NumberFormat.fixed(0.125, 2) == "0.12")
    #expect(NumberFormat.fixed(0.375, 2) == "0.38")
    // 2.675 is 2.67499999… as a double, but × 100 it rounds to the double 267.5, a tie: "2.68".
    #expect(NumberFormat.fixed(2.675, 2) == "2.68")
    #expect(NumberFormat.fixed(1.005, 2) == "1.00")
    #expect(NumberFormat.fixed(2.5, 0) == "2")
    #expect(NumberFormat.fixed(3.5, 0) == "4")
    #expect(NumberFormat.fixed(-2.5, 0) == "-2")
    #expect(NumberFormat.fixed(1.23456, 4) == "1.2346")
    #expect(NumberFormat.fixed(-0.0, 3) == "0.000")
    #expect(NumberFormat.fixed(-0.0004, 3) == "0.000")
    #expect(NumberFormat.fixed(-0.0005, 3) == "0.000")
    #expect(NumberFormat.fixed(-0.0006, 3) == "-0.001")
    #expect(NumberFormat.fixed(12, 0) == "12")
    #expect(NumberFormat.fixed(nil, 2) == "")
    #expect(NumberFormat.fixed(.nan, 2) == "")
    #expect(NumberFormat.fixed(.infinity, 2) == "")
    #expect(NumberFormat.fixed(-.infinity, 0) == "")
    #expect(NumberFormat.fixed(1e19, 0) == "1e+19")
    #expect(NumberFormat.fixed(-1e19, 2) == "-1e+19")
    for v in [0.125, 0.375, 2.675, 1.005, 1.015, 0.5, 1.5, 2.5, -0.5, -1.5, 0.05, 0.15, 0.25, 0.35, 1e-7, 5e-7, -5e-7,
              0.0000005, 0.00000049999999, 123456.7890125, 0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0] {
      #expect(Self.mismatches(v) == 0, "\(v)")
      #expect(Self.mismatches(-v) == 0, "\(-v)")
    }
  }

  @Test func tiesAtEveryPlace() {
    // k + 0.5 units of the last place, for many k: the halfway cases of each precision.
    var bad = 0
    for places in 0...8 {
      var unit = 1.0
      for _ in 0..<places { unit /= 10 }
      for k in 0..<2000 {
        let v = (Double(k) + 0.5) * unit
        bad += Self.mismatches(v, places: places...places) + Self.mismatches(-v, places: places...places)
      }
    }
    #expect(bad == 0)
  }

  @Test func randomValuesOfEveryMagnitude() {
    var rng = OutputTestRandom(seed: 0x6368_6969_6b69)
    var bad = 0
    for _ in 0..<60_000 {
      // Uniform mantissa, exponent from 1e-12 to 1e20 (crossing the 9e18 fallback).
      let magnitude = pow(10, Double(rng.next() % 33) - 12)
      let v = (Double(rng.next() % (1 << 53)) / Double(1 << 53)) * magnitude
      bad += Self.mismatches(rng.next() % 2 == 0 ? v : -v)
    }
    // Raw bit patterns: every kind of double, NaN and infinity included.
    for _ in 0..<60_000 {
      bad += Self.mismatches(Double(bitPattern: rng.next()), places: 0...6)
    }
    #expect(bad == 0)
  }

  @Test func edgeValues() {
    let values: [Double] = [
      0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
      -.greatestFiniteMagnitude, .ulpOfOne, 1 - .ulpOfOne, 9e18, 9e18.nextDown, 9e18.nextUp, 8.999_999_999e17,
      9.2e18, 1.8e19, 1e15, 1e16, 1e17, 123_456_789_012.345_678, 4_503_599_627_370_495.5, 0.999_999_5, 0.999_999_499_999,
      9.999_999_5, 99.5, 999_999.999_999_5, Double(Int64.max), Double(UInt64.max),
    ]
    for v in values {
      #expect(Self.mismatches(v, places: 0...12) == 0, "\(v)")
      #expect(Self.mismatches(-v, places: 0...12) == 0, "\(-v)")
    }
    #expect(Self.mismatches(0.5, places: 0...19) == 0)
    #expect(Self.mismatches(nil) == 0)
  }

  @Test func integersMatchStringInit() {
    var rng = OutputTestRandom(seed: 7)
    var values = [0, 1, -1, 9, 10, -10, 99, 100, 12_345, Int.max, Int.min, Int.max - 1, Int.min + 1]
    for _ in 0..<20_000 { values.append(Int(truncatingIfNeeded: rng.next()) >> Int(rng.next() % 64)) }
    var bad = 0
    for v in values {
      var buffer: [UInt8] = []
      NumberFormat.appendInteger(v, to: &buffer)
      if buffer != Array(String(v).utf8) { bad += 1 }
    }
    #expect(bad == 0)
  }
}

/// A small deterministic generator for the output sweeps (SplitMix64).
struct OutputTestRandom {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    splitMix(&state)
  }
}
