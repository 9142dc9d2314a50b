import Foundation
import Testing

@testable import Chiiki

/// `NumberFormat.roundedToEven` (adding and subtracting 2^52) against the library's
/// `rounded(.toNearestOrEven)`, on ties, values near 2^52 and random magnitudes.
@Suite struct NumberRoundingTests {
  @Test func matchesTheLibraryRounding() {
    let two52 = 4_503_599_627_370_496.0
    var values: [Double] = [
      0, 0.5, 1.5, 2.5, 3.5, 0.49999999999999994, 1e-300, .leastNonzeroMagnitude, 267.5, 12.5,
      two52 - 0.5, two52 - 1.5, two52, two52 + 1, two52 * 2 + 2, 9e18, 8.999999999999999e18, 1e30,
    ]
    // Random magnitudes from 2^-30 to 2^62, and exact halves.
    values += Self.randomMagnitudes(seed: 53, count: 200_000, exponents: -30..<62)
    for x in values where x.isFinite && x >= 0 {
      #expect(NumberFormat.roundedToEven(x) == x.rounded(.toNearestOrEven), "\(x)")
    }
  }

  /// `count` random magnitudes 2^e × [0, 1) with e in `exponents`, each followed by the
  /// multiple of 0.5 at or below twice it, halved (exact halves: the ties).
  static func randomMagnitudes(seed: UInt64, count: Int, exponents: Range<Int>) -> [Double] {
    var rng = OutputTestRandom(seed: seed)
    var values: [Double] = []
    for _ in 0..<count {
      let bits = rng.next()
      let exponent = Int(bits % UInt64(exponents.count)) + exponents.lowerBound
      let x = Double(bits >> 12) / Double(1 << 52) * pow(2, Double(exponent))
      values.append(x)
      values.append((x * 2).rounded(.down) / 2)
    }
    return values
  }
}
