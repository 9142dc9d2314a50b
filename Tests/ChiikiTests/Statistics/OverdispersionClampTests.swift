import Testing

@testable import Chiiki

/// `Overdispersion.estimate` takes the mean square of the winsorised z (φ) without making the
/// winsorised copy: φ must be bit for bit the one of the former computation
/// (`Winsorisation.winsorise`, then the mean square), on random z with ties and outliers.
@Suite struct OverdispersionClampTests {
  /// φ as before: the mean square of the winsorised copy (the other figures follow from φ by
  /// the same code as before).
  static func referencePhi(_ z: [Double]) -> Double {
    Winsorisation.winsorise(z, fraction: 0.1).reduce(0) { $0 + $1 * $1 } / Double(z.count)
  }

  @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
  func clampedSumEqualsTheWinsorisedCopy(seed: UInt64) {
    var state = seed
    var clamped = 0
    for _ in 0..<40 {
      let count = 1 + Int(splitMix(&state) % 300)
      let z = (0..<count).map { _ -> Double in
        let u = splitMixUniform(&state)
        // Ties (a few repeated values) and outliers, so that the bounds clamp something.
        if u < 0.2 { return Double(Int(splitMix(&state) % 3)) }
        if u < 0.25 { return 40 * (splitMixUniform(&state) - 0.5) }
        return 3 * (splitMixUniform(&state) - 0.5)
      }
      let weights = (0..<count).map { _ in 0.5 + 100 * splitMixUniform(&state) }
      let a = Overdispersion.estimate(z: z, weights: weights)
      #expect(a.phi.bitPattern == Self.referencePhi(z).bitPattern)
      #expect(a.units == count)
      if Winsorisation.winsorise(z, fraction: 0.1) != z { clamped += 1 }
    }
    // The clamp changed values in most samples, so the comparison could fail.
    #expect(clamped > 20)
  }
}
