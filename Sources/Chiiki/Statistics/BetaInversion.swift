import Foundation

/// The inverse of the regularized incomplete beta function, one quantile or two side by side.
extension BetaFunctions {
  /// The x with I_x(a, b) = p: the p-quantile of Beta(a, b).
  ///
  /// Newton steps (derivative x^(a−1)(1−x)^(b−1)/B(a, b)) kept inside a bisection bracket on
  /// [0, 1], bisecting whenever a step leaves the bracket or fails to halve the error, so it always
  /// converges; stops when a step is below a few ulps.
  public static func inverseRegularizedIncompleteBeta(a: Double, b: Double, p: Double) -> Double {
    var inversion = Inversion(a: a, b: b, p: p)
    while inversion.result == nil {
      let term = inversion.term()
      inversion.advance(value: term.map { $0.value(continuedFraction: continuedFraction($0.fraction)) })
    }
    return inversion.result!
  }

  /// Two quantiles at once (e.g. both ends of a Clopper–Pearson interval): each is exactly
  /// `inverseRegularizedIncompleteBeta` of its own arguments, step for step, but the two
  /// continued fractions of a step run in one loop so the processor overlaps their dependency
  /// chains (divisions), which take most of the time.
  public static func inverseRegularizedIncompleteBeta(
    _ first: (a: Double, b: Double, p: Double), _ second: (a: Double, b: Double, p: Double)
  ) -> (Double, Double) {
    var one = Inversion(a: first.a, b: first.b, p: first.p)
    var two = Inversion(a: second.a, b: second.b, p: second.p)
    while one.result == nil || two.result == nil {
      let termOne = one.result == nil ? one.term() : nil
      let termTwo = two.result == nil ? two.term() : nil
      if let t1 = termOne, let t2 = termTwo {
        let (cf1, cf2) = continuedFractions(t1.fraction, t2.fraction)
        one.advance(value: t1.value(continuedFraction: cf1))
        two.advance(value: t2.value(continuedFraction: cf2))
        continue
      }
      if one.result == nil { one.advance(value: termOne.map { $0.value(continuedFraction: continuedFraction($0.fraction)) }) }
      if two.result == nil { two.advance(value: termTwo.map { $0.value(continuedFraction: continuedFraction($0.fraction)) }) }
    }
    return (one.result!, two.result!)
  }

  /// The state of one inversion between evaluations of I_x: `term()` says what to evaluate at
  /// the current x (nil when I_x is 0 or 1 there), `advance` takes the value and makes one step.
  struct Inversion {
    let a: Double
    let b: Double
    let p: Double
    var logB = 0.0
    var lower = 0.0
    var upper = 1.0
    var x = 0.0
    var previousError = Double.infinity
    var logX = 0.0
    var log1mX = 0.0
    var steps = 0
    /// The quantile once found.
    var result: Double?

    init(a: Double, b: Double, p: Double) {
      self.a = a
      self.b = b
      self.p = p
      guard a > 0, b > 0, p >= 0, p <= 1 else {
        result = .nan
        return
      }
      if p == 0 { result = 0 } else if p == 1 { result = 1 }
      guard result == nil else { return }
      logB = logBeta(a, b)
      x = a / (a + b)
    }

    /// The continued fraction I_x needs at the current x; nil when x is 0 or 1.
    mutating func term() -> IncompleteBetaTerm? {
      // log B(a, b), log x and log(1 − x) are computed once per step and shared by I_x and its
      // derivative (the same values the public function would compute).
      logX = log(x)
      log1mX = log1p(-x)
      if x == 0 || x == 1 { return nil }
      return IncompleteBetaTerm(a: a, b: b, x: x, logX: logX, log1mX: log1mX, logB: logB)
    }

    /// One step with I_x at the current x (nil: 0 at x = 0, 1 at x = 1).
    mutating func advance(value: Double?) {
      let error = (value ?? (x == 0 ? 0 : 1)) - p
      if error == 0 {
        result = x
        return
      }
      if error > 0 { upper = x } else { lower = x }
      let derivative = exp((a - 1) * logX + (b - 1) * log1mX - logB)
      var next = x - error / derivative
      if next.isFinite, abs(next - x) <= 4 * Double.ulpOfOne * x {
        result = next
        return
      }
      let slow = abs(error) > 0.5 * previousError
      // A tiny step that no longer reduces the error: I_x is only known to ~1e-14 relative.
      if slow, next.isFinite, abs(next - x) <= 1e-13 * x {
        result = next
        return
      }
      // Bisect when the step leaves the bracket or the error did not at least halve.
      if !(next > lower && next < upper) || slow {
        next = GammaFunctions.bisect(lower, upper)
      }
      previousError = abs(error)
      x = next
      steps += 1
      if steps == 400 { result = x }
    }
  }
}
