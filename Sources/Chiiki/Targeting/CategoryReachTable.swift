/// Per consultation category (主訴) and district, consultations against need: the rows of
/// reach_by_category.csv, kept as columns (expected counts and reliability weights per
/// category) and turned into `CategoryReach` values one at a time when read. At national scale
/// that is ~1.5 million rows; as structs they took ~170 MB.
public struct CategoryReachTable: Sendable {
  /// One category's columns, in category-name order.
  struct Column: Sendable {
    let category: CaseCategory
    /// Slot of the category in `CaseData.categories` (its window counts).
    let slot: Int
    let expected: [Double]
    let reliability: [Double]
  }

  let columns: [Column]
  /// Window consultations per category slot and district (`CaseData.windowConsultations`).
  let observed: [UInt32]
  let districtCount: Int
  let level: Double

  init(columns: [Column] = [], observed: [UInt32] = [], districtCount: Int = 0, level: Double = 0.95) {
    self.columns = columns
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
