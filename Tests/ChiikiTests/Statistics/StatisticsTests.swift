import Testing

/// The umbrella suite for the statistical engine: every suite under Statistics/ nests here, so
/// `swift test --filter Statistics` runs them all.
@Suite enum StatisticsTests {}

/// True when `actual` is within `relative` of `expected` (relative to |expected|); an expected
/// value of exactly 0 (or an infinity) must be matched exactly.
func isClose(_ actual: Double, _ expected: Double, relative: Double = 1e-9) -> Bool {
  if expected == 0 || expected.isInfinite { return actual == expected }
  return abs(actual - expected) <= relative * abs(expected)
}

/// True when `actual` rounds to `printed` at the printed number of decimals (|Δ| ≤ half a unit
/// in the last printed place), for published values that are only given to a few decimals.
func matchesPrinted(_ actual: Double, _ printed: Double, decimals: Int) -> Bool {
  var halfUnit = 0.5
  for _ in 0..<decimals { halfUnit /= 10 }
  return abs(actual - printed) <= halfUnit * (1 + 1e-9)
}
