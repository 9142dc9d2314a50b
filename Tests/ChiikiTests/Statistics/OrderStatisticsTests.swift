import Testing

@testable import Chiiki

/// `OrderStatistics` replaces a full sort in the winsorisation of z-scores: every value it picks
/// must be the one `sorted()` holds at that position, and the winsorised values (hence φ̂) those
/// of the former sort-based winsorisation.
@Suite struct OrderStatisticsTests {
  /// The winsorisation as it was before selection: a full sort, then the type-7 quantiles.
  static func sortedWinsorise(_ values: [Double], fraction: Double) -> [Double] {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return [] }
    let low = Winsorisation.quantileType7(sorted: sorted, fraction)
    let high = Winsorisation.quantileType7(sorted: sorted, 1 - fraction)
    return values.map { min(high, max(low, $0)) }
  }

  /// Random values with ties, zeros of both signs and infinities, of many lengths.
  static func samples(_ state: inout UInt64) -> [[Double]] {
    var out: [[Double]] = []
    for length in [1, 2, 3, 4, 5, 7, 10, 11, 31, 100, 257, 1000, 4099] {
      for kind in 0..<4 {
        out.append((0..<length).map { _ in
          let u = splitMixUniform(&state)
          switch kind {
          case 0: return u * 10 - 5
          case 1: return Double(Int(u * 5)) - 2  // many ties
          case 2: return u < 0.1 ? -0.0 : u < 0.2 ? 0.0 : u < 0.25 ? .infinity : u < 0.3 ? -.infinity : u - 0.5
          default: return 7  // all equal
          }
        })
      }
    }
    // Sorted and reversed inputs (the worst cases of a naive quickselect).
    out.append((0..<5000).map(Double.init))
    out.append((0..<5000).map { Double(5000 - $0) })
    return out
  }

  @Test func picksTheValuesOfTheSortedArray() throws {
    var state: UInt64 = 42
    for values in Self.samples(&state) {
      let sorted = values.sorted()
      let n = values.count
      let positions = [0, n - 1, n / 2, n / 3, (n * 9) / 10, n / 10, n / 2]
      let picked = try #require(OrderStatistics.values(at: positions, of: values))
      #expect(picked == positions.map { sorted[$0] }, "n \(n)")
    }
  }

  @Test func aNaNGivesNoAnswer() {
    #expect(OrderStatistics.values(at: [0], of: [1, .nan, 2]) == nil)
  }

  @Test func winsorisationMatchesTheSortBasedOne() {
    var state: UInt64 = 7
    var values = Self.samples(&state)
    values.append([1, .nan, 3, 2, 5, 4, 0, 9, 8, 7, 6])  // NaN: the sort path, as before
    for v in values {
      for fraction in [0.1, 0.25, 0.0, 0.5] {
        let new = Winsorisation.winsorise(v, fraction: fraction)
        let old = Self.sortedWinsorise(v, fraction: fraction)
        // Equal as values (a tie of +0 and −0 may pick either zero, as a sort may), and the
        // squares φ̂ sums are equal bit for bit.
        #expect(new.count == old.count)
        #expect(zip(new, old).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "n \(v.count) fraction \(fraction)")
        #expect(zip(new, old).allSatisfy { ($0 * $0).bitPattern == ($1 * $1).bitPattern || ($0.isNaN && $1.isNaN) })
      }
    }
  }
}
