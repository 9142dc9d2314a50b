/// Exact (Garwood) Poisson intervals for one confidence level, memoised by count.
///
/// `ConfidenceIntervals.exactPoisson(count:level:)` (two chi-square quantiles, Garwood 1936,
/// Biometrika 28:437) depends only on the count and the level, and observed counts repeat: at
/// national scale a few thousand distinct counts stand for hundreds of thousands of districts.
/// Each distinct count is solved once. A stored interval is the value `exactPoisson` returned for
/// that very count, so a lookup gives the same bits as a fresh computation.
public struct ExactPoissonIntervals: Sendable {
  /// The two-sided confidence level of every interval.
  public let level: Double
  private var table: [Double: Interval] = [:]
  /// The same intervals for the whole counts 0..<`directLimit`, by index (no hashing: these
  /// are nearly all lookups); nil where not yet known.
  private var direct: [Interval?] = []
  static let directLimit = 1 << 16

  /// The slot of `count` in `direct`: whole counts in range (−0 shares 0's slot, as in `table`).
  @inline(__always) private static func slot(_ count: Double) -> Int? {
    guard count >= 0, count < Double(directLimit), count == count.rounded(.down) else { return nil }
    return Int(count)
  }

  /// An empty memo: intervals are computed on demand (and stored by `memoised(count:)`).
  public init(level: Double) {
    self.level = level
  }

  /// A memo filled with the interval of every distinct count in `counts`, which can then be
  /// shared read-only between threads.
  public init(level: Double, counts: some Sequence<Double>) {
    self.level = level
    for count in counts {
      if let i = Self.slot(count) {
        if i >= direct.count { direct += [Interval?](repeating: nil, count: i + 1 - direct.count) }
        if direct[i] == nil { direct[i] = ConfidenceIntervals.exactPoisson(count: count, level: level) }
      } else if table[count] == nil && Self.storable(count) {
        table[count] = ConfidenceIntervals.exactPoisson(count: count, level: level)
      }
    }
  }

  /// The number of counts held.
  public var count: Int { table.count + direct.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

  /// The interval for `count`: from the memo when it holds that count, computed otherwise.
  public func interval(count: Double) -> Interval {
    if let i = Self.slot(count) {
      if i < direct.count, let known = direct[i] { return known }
      return ConfidenceIntervals.exactPoisson(count: count, level: level)
    }
    return table[count] ?? ConfidenceIntervals.exactPoisson(count: count, level: level)
  }

  /// As `interval(count:)`, storing a newly computed interval for the next lookup.
  public mutating func memoised(count: Double) -> Interval {
    if let i = Self.slot(count) {
      if i < direct.count, let known = direct[i] { return known }
      let interval = ConfidenceIntervals.exactPoisson(count: count, level: level)
      if i >= direct.count { direct += [Interval?](repeating: nil, count: max(i + 1, min(Self.directLimit, direct.count * 2)) - direct.count) }
      direct[i] = interval
      return interval
    }
    if let known = table[count] { return known }
    let interval = ConfidenceIntervals.exactPoisson(count: count, level: level)
    if Self.storable(count) { table[count] = interval }
    return interval
  }

  /// NaN never equals itself, so it is never stored; every other count is a valid key (0 and −0
  /// share a key, and `exactPoisson` gives them the same interval).
  private static func storable(_ count: Double) -> Bool { !count.isNaN }
}
