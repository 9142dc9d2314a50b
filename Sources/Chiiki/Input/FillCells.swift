/// The cells of one statistics grid, taken out of their `CellGrid` while its denominators are
/// filled from population.csv (`StatisticsLoader.fillDenominators`): the cells of a band and
/// sex are scanned and written through pointers, where `CellGrid.setDenominator` checked the
/// array's uniqueness and bounds at every cell. The same values and overflow entries as
/// `CellCode.store` writes.
struct FillCells {
  var numerators: [UInt16]
  var denominators: [UInt16]
  var numeratorOverflow: [Int: UInt32]
  var denominatorOverflow: [Int: UInt32]

  /// Fills the `fromPopulation` cells among `count` cells from `base` with `figure(d)` (d the
  /// district, from 0): a missing figure is an error (the first 5 per grid named, by
  /// `describe`), a population of 0 suppresses the cell, a numerator above the population is
  /// an error.
  @inline(__always)
  mutating func fill(
    base: Int, count: Int, _ counts: inout StatisticsLoader.FillCounts, populationMissing: Bool,
    _ log: inout DiagnosticLog, describe: (Int) -> String, figure: (Int) -> UInt32?
  ) {
    precondition(base >= 0 && base + count <= denominators.count && denominators.count == numerators.count)
    var numeratorOverflow = self.numeratorOverflow
    var denominatorOverflow = self.denominatorOverflow
    self.numeratorOverflow = [:]
    self.denominatorOverflow = [:]
    defer {
      self.numeratorOverflow = numeratorOverflow
      self.denominatorOverflow = denominatorOverflow
    }
    denominators.withUnsafeMutableBufferPointer { den in
      numerators.withUnsafeMutableBufferPointer { num in
        let den = den.baseAddress! + base
        let num = num.baseAddress! + base
        for d in 0..<count where den[d] == CellCode.fromPopulation {
          let o = base + d
          guard let value = figure(d) else {
            counts.problems += 1
            if counts.problems <= 5 {
              log.add(Diagnostic(.error, file: "statistics.csv",
                                 "\(describe(d)): denominator is empty and population.csv has no figure for that cell"
                                   + (populationMissing ? " (population.csv is missing)" : "")))
            }
            // (A `fromPopulation` cell has no overflow entry to remove.)
            den[d] = CellCode.code(CellMark.missing)
            continue
          }
          if value == 0 {
            den[d] = CellCode.code(CellMark.missing)
            if num[d] == CellCode.overflow { numeratorOverflow[o] = nil }
            num[d] = CellCode.code(CellMark.missing)
            counts.suppressed += 1
            continue
          }
          let c = CellCode.code(value)
          den[d] = c
          if c == CellCode.overflow { denominatorOverflow[o] = value }
          counts.filled += 1
          let n = CellCode.value(num[d], table: numeratorOverflow, key: o)
          if CellMark.isCount(n) && n > value {
            log.add(Diagnostic(.error, file: "statistics.csv", "\(describe(d)): numerator \(n) is above the population \(value) from population.csv"))
          }
        }
      }
    }
  }
}
