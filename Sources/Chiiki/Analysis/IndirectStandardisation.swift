/// Indirect standardisation of a grid: expected counts from reference rates per sex x age cell
/// (PHE `calculate_ISRatio`: E = sum n_a x_ref,a / n_ref,a; Breslow & Day 1987 vol. II ch. 2).
/// Suppressed or unavailable cells are left out of both O and E, never counted as zero.
public enum IndirectStandardisation {
  /// Totals of one district (or segment) over its included cells.
  public struct Totals: Sendable, Equatable {
    public var observed: Double = 0
    public var expected: Double = 0
    public var denominator: Double = 0
    public var excludedCells = 0
  }

  /// Reference rate per (band, sex) cell: sum of numerators / sum of denominators over the
  /// districts where both are counts. nil where no district has a usable cell.
  /// Cells are independent: one job each, on all cores (each cell's sums in district order).
  public static func internalRates(_ grid: CellGrid) -> [Double?] {
    let n = grid.districtCount
    return ParallelMap.map(grid.bandCount * 2) { cell -> Double? in
      var num = 0.0
      var den = 0.0
      guard let base = grid.base(cell: cell) else { return nil }
      grid.withCells { cells in
        for d in 0..<n {
          let x = cells.numerator(base + d)
          let y = cells.denominator(base + d)
          if CellMark.isCount(x) && CellMark.isCount(y) {
            num += Double(x)
            den += Double(y)
          }
        }
      }
      return den > 0 ? num / den : nil
    }
  }

  /// Reference rates from an external table, aligned to the grid's bands. A grid band takes the
  /// rate of the external band that equals it; nil where none does.
  public static func externalRates(_ grid: CellGrid, bands: BandSet, table: [Sex: [AgeBand: Double]]) -> [Double?] {
    var rates = [Double?](repeating: nil, count: grid.bandCount * 2)
    for b in 0..<grid.bandCount {
      for sex in Sex.allCases { rates[b * 2 + sex.rawValue] = table[sex]?[bands.bands[b]] }
    }
    return rates
  }

  /// Districts per block of `districtTotals` (their totals: 16 KB).
  static let block = 512

  /// O, E and the denominator for each district. `bandOrder` (band indices in age order) fixes
  /// the order of the floating-point sums, so that results do not depend on which band the
  /// input happened to mention first; nil = storage order.
  ///
  /// Districts are independent: ranges of districts on all cores, each district's sums over the
  /// cells in the same order as one pass.
  public static func districtTotals(_ grid: CellGrid, rates: [Double?], bandOrder: [Int]? = nil) -> [Totals] {
    let n = grid.districtCount
    let cells = (bandOrder ?? Array(0..<grid.bandCount)).filter { $0 < grid.bandCount }.flatMap { [$0 * 2, $0 * 2 + 1] }
    let bases = cells.map { grid.base(cell: $0) }
    let chunkSize = max(16_384, (n + 3) / 4)
    // Each range sums straight into its part of the result.
    return ParallelMap.fill(count: n, chunkSize: chunkSize) { (range, totals: UnsafeMutableBufferPointer<Totals>) in
      totals.initialize(repeating: Totals())
      let first = range.lowerBound
      // The cells of a block of districts at a time, so that the block's totals stay in the
      // first-level cache across the cells (each district still takes its cells in order).
      grid.withCells { values in
        var start = range.lowerBound
        while start < range.upperBound {
          let end = min(start + Self.block, range.upperBound)
          for (cell, base) in zip(cells, bases) {
            guard let base else { continue }
            let rate = rates[cell]
            for d in start..<end {
              let x = values.numerator(base + d)
              if x == CellMark.absent { continue }
              let y = values.denominator(base + d)
              guard CellMark.isCount(x), CellMark.isCount(y), let rate else {
                totals[d - first].excludedCells += 1
                continue
              }
              totals[d - first].observed += Double(x)
              totals[d - first].denominator += Double(y)
              totals[d - first].expected += Double(y) * rate
            }
          }
          start = end
        }
      }
    }
  }
}
