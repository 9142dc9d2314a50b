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
  public static func internalRates(_ grid: CellGrid) -> [Double?] {
    var rates = [Double?](repeating: nil, count: grid.bandCount * 2)
    let n = grid.districtCount
    for cell in 0..<(grid.bandCount * 2) {
      var num = 0.0
      var den = 0.0
      guard let base = grid.base(cell: cell) else { continue }
      for d in 0..<n {
        let x = grid.numerators[base + d]
        let y = grid.denominators[base + d]
        if CellMark.isCount(x) && CellMark.isCount(y) {
          num += Double(x)
          den += Double(y)
        }
      }
      if den > 0 { rates[cell] = num / den }
    }
    return rates
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

  /// O, E and the denominator for each district. `bandOrder` (band indices in age order) fixes
  /// the order of the floating-point sums, so that results do not depend on which band the
  /// input happened to mention first; nil = storage order.
  public static func districtTotals(_ grid: CellGrid, rates: [Double?], bandOrder: [Int]? = nil) -> [Totals] {
    var totals = [Totals](repeating: Totals(), count: grid.districtCount)
    let n = grid.districtCount
    let cells = (bandOrder ?? Array(0..<grid.bandCount)).filter { $0 < grid.bandCount }.flatMap { [$0 * 2, $0 * 2 + 1] }
    for cell in cells {
      guard let base = grid.base(cell: cell) else { continue }
      let rate = rates[cell]
      for d in 0..<n {
        let x = grid.numerators[base + d]
        if x == CellMark.absent { continue }
        let y = grid.denominators[base + d]
        guard CellMark.isCount(x), CellMark.isCount(y), let rate else {
          totals[d].excludedCells += 1
          continue
        }
        totals[d].observed += Double(x)
        totals[d].denominator += Double(y)
        totals[d].expected += Double(y) * rate
      }
    }
    return totals
  }
}
