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
        body(CategoryReach(
          category: column.category, district: d,
          reach: ReachEngine.reach(observed: o, expected: e, prior: column.prior, intervals: &intervals)))
      }
      k = end
    }
  }
}
