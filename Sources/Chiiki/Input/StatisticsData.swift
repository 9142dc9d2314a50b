/// A line and column of an input file, kept for checks made after the file has been read.
struct CellLocation: Sendable, Hashable {
  var line: Int
  var column: Int?
}

/// statistics.csv aggregated into dense grids: per indicator, per period, district x sex x band.
public struct StatisticsData: Sendable {
  public var bands = BandSet()
  public var grids: [IndicatorID: [Period: CellGrid]] = [:]
  public var rows = 0
  /// Rows whose period is after the run period (read, checked, not used).
  public var rowsAfterRun = 0
  /// Suppressed or unavailable numerator/denominator cells, per indicator.
  public var suppressedCells: [IndicatorID: Int] = [:]
  /// Denominators filled from population.csv, per indicator.
  public var filledFromPopulation: [IndicatorID: Int] = [:]
  /// Where each band of `bands` first appears in the file, to locate band problems.
  var bandFirstSeen: [CellLocation] = []

  public init() {}

  /// Indicators in a stable order.
  public var indicators: [IndicatorID] { grids.keys.sorted() }

  /// Frees the cells of every grid for which `release(indicator, period)` is true. The grids stay
  /// (empty, with their band count), so indicators and periods read as before.
  public mutating func releaseCells(where release: (IndicatorID, Period) -> Bool) {
    for (indicator, byPeriod) in grids {
      for (period, grid) in byPeriod where release(indicator, period) {
        grids[indicator]![period] = CellGrid(districtCount: 0, bandCount: grid.bandCount)
      }
    }
  }

  /// The latest period of an indicator that is not after the run period, and the one before it.
  public func periods(of indicator: IndicatorID, notAfter run: Period) -> (current: Period?, previous: Period?) {
    let usable = (grids[indicator]?.keys ?? [:].keys).filter { $0.isNotAfter(run) }.sorted()
    return (usable.last, usable.count >= 2 ? usable[usable.count - 2] : nil)
  }
}
