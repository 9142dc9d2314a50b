/// Rows of the table by position and by row range (`forEachRow` walks the whole table through
/// `forEachRow(in:)`).
extension CategoryReachTable {
  /// The rows at `positions` (in `forEachRow` order: category by category, districts in table
  /// order), each the same `CategoryReach` that `forEachRow` gives at that position.
  func forEachRow(in positions: Range<Int>, _ body: (CategoryReach) -> Void) {
    guard districtCount > 0, !positions.isEmpty else { return }
    var intervals = ExactPoissonIntervals(level: level)
    var k = positions.lowerBound
    while k < positions.upperBound {
      let c = k / districtCount
      guard c < columns.count else { return }
      let column = columns[c]
      let shares = self.shares[column.sharesIndex]
      let end = min(positions.upperBound, (c + 1) * districtCount)
      for d in (k - c * districtCount)..<(end - c * districtCount) {
        let o = Double(observed[column.slot * districtCount + d])
        let e = column.expected(share: shares[d])
        var interval: Interval? = nil
        if e > 0 {
          let ci = intervals.memoised(count: o)
          interval = Interval(lower: ci.lower / e, upper: ci.upper / e)
        }
        body(CategoryReach(
          category: column.category, district: d,
          reach: Reach(observed: o, expected: e, ratioInterval: interval, reliability: column.reliability(observed: o, expected: e))))
      }
      k = end
    }
  }
}
