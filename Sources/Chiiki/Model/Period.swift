/// A month (`2026-10`) or a whole year (`2020`, as census figures are).
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  /// 1...12, or nil for a yearly figure.
  public let month: Int?

  public init(year: Int, month: Int?) {
    self.year = year
    self.month = month
  }

  /// The month `months` after this one (negative goes back). Only for monthly periods.
  public func adding(months: Int) -> Period {
    let index = monthIndex + months
    return Period(year: index.floorDiv(12), month: index.floorMod(12) + 1)
  }

  /// Months since year 0, for arithmetic; a yearly period counts as its January.
  public var monthIndex: Int { year * 12 + ((month ?? 1) - 1) }

  /// The contract's spelling: `2026-10` or `2026`.
  public var description: String {
    guard let month else { return String(year) }
    return month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)"
  }

  /// True when a figure for this period may be used in a run for `run`: the latest period that
  /// is not after the run period is the one used (a year counts as not after any month of it).
  /// Inlined: the statistics, population and cases loaders call it for every row.
  @inline(__always) public func isNotAfter(_ run: Period) -> Bool {
    if month == nil || run.month == nil { return year <= run.year }
    return monthIndex <= run.monthIndex
  }

  public static func < (lhs: Period, rhs: Period) -> Bool {
    if lhs.year != rhs.year { return lhs.year < rhs.year }
    return (lhs.month ?? 0) < (rhs.month ?? 0)
  }
}

extension Int {
  func floorDiv(_ d: Int) -> Int { self >= 0 ? self / d : -((-self + d - 1) / d) }
  func floorMod(_ d: Int) -> Int { self - floorDiv(d) * d }
}
