/// Per consultation category (主訴) and district, consultations against need: the rows of
/// reach_by_category.csv, turned into `CategoryReach` values one at a time when read. At
/// national scale that is ~1.5 million rows; as structs they took ~170 MB. A category's expected
/// count of a district is its total spread by need shares (shares x total) and its reliability
/// the Empirical-Bayes weight from the category's prior: both are worked out on reading, by
/// `ReachEngine.reach(observed:expected:prior:intervals:)`, so only the need shares of each
/// distinct set of indicators are kept (not two columns per category: ~20 MB at national scale).
public struct CategoryReachTable: Sendable {
  /// One category, in category-name order.
  struct Column: Sendable {
    let category: CaseCategory
    /// Slot of the category in `CaseData.categories` (its window counts).
    let slot: Int
    /// Index in `shares` of the need shares the category's consultations are spread by.
    let sharesIndex: Int
    /// The category's window consultations, all districts.
    let total: Double
    /// The prior of its consultation ratios (nil: no usable district).
    let prior: EmpiricalBayes.Prior?

    /// Expected consultations of the district with need share `share`.
    @inline(__always) func expected(share: Double) -> Double { share * total }
  }

  /// Need shares per district, one array per distinct set of indicators.
  let shares: [[Double]]
  let columns: [Column]
  /// Window consultations per category slot and district (`CaseData.windowConsultations`).
  let observed: [UInt32]
  let districtCount: Int
  let level: Double

  init(columns: [Column] = [], shares: [[Double]] = [], observed: [UInt32] = [], districtCount: Int = 0, level: Double = 0.95) {
    self.columns = columns
    self.shares = shares
    self.observed = observed
    self.districtCount = districtCount
    self.level = level
  }

  /// True when there are no categories (no consultations file content).
  public var isEmpty: Bool { columns.isEmpty || districtCount == 0 }
  /// Rows: categories x districts.
  public var count: Int { columns.count * districtCount }

  /// Every row, category by category (name order), districts in table order; each the same
  /// `Reach` that `ReachEngine.reach` gives. Exact intervals are reused for equal counts.
  public func forEachRow(_ body: (CategoryReach) -> Void) {
    forEachRow(in: 0..<count, body)
  }
}
