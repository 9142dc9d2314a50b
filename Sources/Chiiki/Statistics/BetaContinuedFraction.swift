/// The continued fraction of the incomplete beta function (A&S 26.5.8), alone or two in one loop.
extension BetaFunctions {
  /// The smallest magnitude the Lentz method lets a denominator take (NR 3rd ed. §5.2).
  static let tiny = Double.leastNormalMagnitude / Double.ulpOfOne

  /// The continued fraction for I_x(a, b) (A&S 26.5.8), modified Lentz evaluation.
  static func continuedFraction(_ start: LentzFraction) -> Double {
    var fraction = start
    for m in 1...100_000 {
      fraction.step(m)
      if fraction.converged { break }
    }
    return fraction.h
  }

  /// Two continued fractions in one loop, each stepped exactly as `continuedFraction` steps it
  /// and left alone once converged.
  static func continuedFractions(_ first: LentzFraction, _ second: LentzFraction) -> (Double, Double) {
    var one = first
    var two = second
    for m in 1...100_000 {
      if !one.converged { one.step(m) }
      if !two.converged { two.step(m) }
      if one.converged && two.converged { break }
    }
    return (one.h, two.h)
  }

  /// The modified Lentz evaluation of the A&S 26.5.8 fraction (NR 3rd ed. §5.2, §6.4), one
  /// step (two partial numerators) at a time.
  struct LentzFraction {
    let a: Double
    let b: Double
    let x: Double
    let qab: Double
    let qap: Double
    let qam: Double
    var c = 1.0
    var d: Double
    var h: Double
    var converged = false

    init(a: Double, b: Double, x: Double) {
      self.a = a
      self.b = b
      self.x = x
      qab = a + b
      qap = a + 1
      qam = a - 1
      var d = 1 - qab * x / qap
      if abs(d) < tiny { d = tiny }
      d = 1 / d
      self.d = d
      h = d
    }

    @inline(__always) mutating func step(_ m: Int) {
      let mm = Double(m)
      let m2 = 2 * mm
      var aa = mm * (b - mm) * x / ((qam + m2) * (a + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      aa = -(a + mm) * (qab + mm) * x / ((a + m2) * (qap + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { converged = true }
    }
  }
}
