import Foundation
import Testing

@testable import Chiiki

/// `NumberFormat.roundedBits` (the rounded integer read from the bits of x + 2^52) against
/// `UInt64(roundedToEven(x))`, and `scaled` against the old computation on random values, ties
/// and values around its limit.
@Suite struct NumberRoundedBitsTests {
  /// `scaled` as it was: round, check the range, convert.
  static func oldScaled(_ value: Double, _ places: Int) -> (integer: UInt64, unit: UInt64)? {
    let scale = NumberFormat.power(places)
    let scaled = NumberFormat.roundedToEven(abs(value) * scale)
    guard scaled < 9.0e18 else { return nil }
    return (UInt64(scaled), UInt64(scale))
  }

  @Test func roundedBitsMatchesRoundingBelowTheLimit() {
    let limit = NumberFormat.roundedBitsLimit
    var values: [Double] = [0, 0.5, 1.5, 2.5, 0.49999999999999994, 1e-300, 267.5, limit, limit.nextDown, limit - 0.5, limit - 1.5, 1e15 + 0.5]
    values += NumberRoundingTests.randomMagnitudes(seed: 2052, count: 200_000, exponents: -30..<54)
    let wrong = values.filter { $0 >= 0 && $0 < limit && NumberFormat.roundedBits($0) != UInt64(NumberFormat.roundedToEven($0)) }
    #expect(wrong.isEmpty, "\(wrong.prefix(5))")
  }

  @Test func scaledMatchesTheOldComputation() {
    var values: [Double] = [0, -0.0, 0.125, -0.0001, 2.675, 9e18, -9e18, 8.999999999999999e18, 4_503_599_627_370_495.0e-6, 4_503_599_627_370_496.0e-6, 1e30]
    // Random magnitudes of either sign, and values on the grid of millionth halves (ties at 6 places).
    for x in NumberRoundingTests.randomMagnitudes(seed: 6, count: 100_000, exponents: -40..<60) {
      values += [x, -x, (x * 2_000_000).rounded(.down) / 2_000_000]
    }
    var wrong: [(Double, Int)] = []
    for x in values {
      for places in [0, 1, 2, 6, 8] {
        let new = NumberFormat.scaled(x, places), old = Self.oldScaled(x, places)
        if new?.integer != old?.integer || new?.unit != old?.unit { wrong.append((x, places)) }
      }
    }
    #expect(wrong.isEmpty, "\(wrong.prefix(5))")
  }
}
