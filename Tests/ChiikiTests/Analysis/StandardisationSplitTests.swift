import Testing

@testable import Chiiki

/// `IndirectStandardisation.internalRates` (cells on all cores) and `districtTotals` (ranges of
/// districts on all cores, blocks of districts within a range) against the single-pass loops they
/// replace, kept here verbatim as the reference, on a random grid large enough to be split
/// (marks, gaps and a missing band included, and counts above 16 bits, which the grid keeps in
/// its overflow table): the same bits. The references read the plain `UInt32` arrays the grid
/// was built from.
@Suite struct StandardisationSplitTests {
  static func referenceRates(_ grid: CellGrid, _ numerators: [UInt32], _ denominators: [UInt32]) -> [Double?] {
    var rates = [Double?](repeating: nil, count: grid.bandCount * 2)
    let n = grid.districtCount
    for cell in 0..<(grid.bandCount * 2) {
      var num = 0.0
      var den = 0.0
      guard let base = grid.base(cell: cell) else { continue }
      for d in 0..<n {
        let x = numerators[base + d]
        let y = denominators[base + d]
        if CellMark.isCount(x) && CellMark.isCount(y) {
          num += Double(x)
          den += Double(y)
        }
      }
      if den > 0 { rates[cell] = num / den }
    }
    return rates
  }

  static func referenceTotals(
    _ grid: CellGrid, _ numerators: [UInt32], _ denominators: [UInt32], rates: [Double?], bandOrder: [Int]
  ) -> [IndirectStandardisation.Totals] {
    var totals = [IndirectStandardisation.Totals](repeating: .init(), count: grid.districtCount)
    let n = grid.districtCount
    let cells = bandOrder.filter { $0 < grid.bandCount }.flatMap { [$0 * 2, $0 * 2 + 1] }
    for cell in cells {
      guard let base = grid.base(cell: cell) else { continue }
      let rate = rates[cell]
      for d in 0..<n {
        let x = numerators[base + d]
        if x == CellMark.absent { continue }
        let y = denominators[base + d]
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

  @Test func splitPassesMatchTheSinglePass() {
    var rng = IndicatorResultTests.Random(state: 314)
    let n = 70_001
    let bandCount = 4
    // Band 2 has no storage slot; bands 0, 1, 3 have slots 0, 1, 2.
    let slots: [Int32] = [0, 1, -1, 2]
    let cells = 3 * 2 * n
    var numerators = [UInt32](repeating: 0, count: cells)
    var denominators = [UInt32](repeating: 0, count: cells)
    for i in 0..<cells {
      // One denominator in 20 above the 16-bit codes (a whole city as one district), so that
      // numerators straddle the limit too.
      let y = UInt32(rng.next() % 20 == 0 ? 60_000 + rng.next() % 9_000_000 : rng.next() % 3000)
      denominators[i] = rng.next() % 50 == 0 ? CellMark.missing : y
      switch rng.next() % 40 {
      case 0: numerators[i] = CellMark.absent
      case 1: numerators[i] = CellMark.missing
      default: numerators[i] = UInt32(rng.next() % UInt64(y / 3 + 1))
      }
    }
    let grid = CellGrid(districtCount: n, bandCount: bandCount, slots: slots, numerators: numerators, denominators: denominators)
    let rates = IndirectStandardisation.internalRates(grid)
    #expect(!grid.numeratorOverflow.isEmpty && !grid.denominatorOverflow.isEmpty)
    let reference = Self.referenceRates(grid, numerators, denominators)
    #expect(rates.map { $0?.bitPattern } == reference.map { $0?.bitPattern })
    // One rate missing (as when no district has a usable cell) exercises the exclusion path.
    var someRates = reference
    someRates[1] = nil
    for order in [[0, 1, 2, 3], [3, 1, 0, 2]] {
      let totals = IndirectStandardisation.districtTotals(grid, rates: someRates, bandOrder: order)
      let want = Self.referenceTotals(grid, numerators, denominators, rates: someRates, bandOrder: order)
      #expect(totals.count == want.count)
      #expect(zip(totals, want).allSatisfy {
        $0.observed.bitPattern == $1.observed.bitPattern && $0.expected.bitPattern == $1.expected.bitPattern
          && $0.denominator.bitPattern == $1.denominator.bitPattern && $0.excludedCells == $1.excludedCells
      })
    }
  }
}
