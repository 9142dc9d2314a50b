/// The referral-outcome rows of a run (centre, areas, then districts by code; each unit's
/// all-categories row first, then its categories with consultations, by name), as a collection
/// that builds each `ReferralOutcome` when it is read.
///
/// At national scale there are about 1.7 million rows; holding them as structs with strings took
/// ~400 MB. Centre and area rows are few and kept whole; a district row is kept as its district,
/// category and two funnel flags (8 bytes), and its counts, rates and Wilson intervals are worked
/// out again from the window counts of `CaseData` on each read (the same arithmetic, so the same
/// values).
public struct ReferralOutcomeTable: RandomAccessCollection, Sendable {
  /// One district row: district index, category slot (-1 = all categories) and its flags
  /// (`FunnelLabel.code`: slot + 1, 0 = none).
  struct DistrictRow: Sendable {
    var district: UInt32
    var category: Int16
    var referralFlag: UInt8
    var exitFlag: UInt8
  }

  /// Centre rows then area rows.
  let fixed: [ReferralOutcome]
  /// How many of `fixed` are centre rows.
  public let centreCount: Int
  let rows: [DistrictRow]
  let source: OutcomeSource?

  /// An empty table (no referrals column).
  public init() {
    fixed = []
    centreCount = 0
    rows = []
    source = nil
  }

  init(centre: [ReferralOutcome], areas: [ReferralOutcome], districtRows: [DistrictRow], source: OutcomeSource) {
    fixed = centre + areas
    centreCount = centre.count
    rows = districtRows
    self.source = source
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { fixed.count + rows.count }

  public subscript(position: Int) -> ReferralOutcome {
    if position < fixed.count { return fixed[position] }
    let r = rows[position - fixed.count]
    return source!.districtOutcome(r)
  }

  /// What `positions(where:)` may look at of a row: known without building a district row.
  public struct RowTag: Sendable {
    public var level: ReferralOutcome.Level
    /// True for an all-categories row (`category == nil`).
    public var allCategories: Bool
    public var exitFlag: FunnelLabel?
  }

  /// The positions of the rows whose tag passes `include`, in order: the same as filtering the
  /// rows on their level, category == nil and exit flag, but a district row is judged from its
  /// stored flags (the ones its built row carries) instead of being built, so that a scan of
  /// ~1.7 million rows for the few flagged ones costs no strings or Wilson intervals.
  public func positions(where include: (RowTag) -> Bool) -> [Int] {
    var out: [Int] = []
    for (i, o) in fixed.enumerated() where include(RowTag(level: o.level, allCategories: o.category == nil, exitFlag: o.exitFlag)) {
      out.append(i)
    }
    guard let source else { return out }
    // Without a centre row for the category, a built row has no flags (see districtOutcome).
    // Which slots have one, worked out once.
    let hasCentre = source.centreRates.map { $0 != nil }
    for (k, r) in rows.enumerated() {
      let flag = hasCentre[Int(r.category) + 1] ? FunnelLabel.label(code: r.exitFlag) : nil
      if include(RowTag(level: .district, allCategories: r.category < 0, exitFlag: flag)) { out.append(fixed.count + k) }
    }
    return out
  }

  /// The rows whose level is centre, in order: `positions { $0.level == .centre }` read out,
  /// without a scan of the district rows (never centre rows).
  public var centreLevelRows: [ReferralOutcome] { fixed.filter { $0.level == .centre } }

  /// The centre rows (all categories first).
  public var centreRows: ArraySlice<ReferralOutcome> { fixed.prefix(centreCount) }
  /// The area rows.
  public var areaRows: ArraySlice<ReferralOutcome> { fixed.dropFirst(centreCount) }
  /// The district rows, built one at a time.
  public var districtRows: LazyMapSequence<Range<Int>, ReferralOutcome> {
    (fixed.count..<endIndex).lazy.map { self[$0] }
  }
}

/// What a district outcome row is rebuilt from: the window counts and the centre-wide rates.
struct OutcomeSource: Sendable {
  /// The window counts (`CaseData.keepingWindowCounts`).
  let cases: CaseData
  let districts: DistrictTable
  let level: Double
  /// `ConfidenceIntervals.zValue(level: level)`, solved once for the ~3 million Wilson
  /// intervals of a national file instead of once per interval.
  let z: Double
  /// Per category slot + 1 (0 = all categories), the centre row's referral and exit rates;
  /// nil where the category has no centre row (its district rows then carry no flags): all a
  /// district row takes from the centre row, without copying it for every district row.
  let centreRates: [(referral: Double?, exit: Double?)?]

  /// `centre`: the centre rows by category slot + 1, nil where the category has none.
  init(cases: CaseData, districts: DistrictTable, level: Double, centre: [ReferralOutcome?]) {
    self.cases = cases.keepingWindowCounts()
    self.districts = districts
    self.level = level
    z = ConfidenceIntervals.zValue(level: level)
    centreRates = centre.map { $0.map { (referral: $0.referralRate, exit: $0.exitRate) } }
  }

  func districtOutcome(_ r: ReferralOutcomeTable.DistrictRow) -> ReferralOutcome {
    let district = districts.districts[Int(r.district)]
    var o = districtFigures(r)
    o.key = district.code.rawValue
    o.name = district.name
    o.area = district.area
    o.category = r.category < 0 ? nil : cases.categories[Int(r.category)]
    return o
  }

  /// `districtOutcome` without its texts (key and name empty, area and category nil): the
  /// counts, rates, intervals, centre rates and flags, for a writer that renders the district's
  /// and category's cells once (see `ReferralOutcomesWriter`). Inlined into the writer's row
  /// loop, where the row is then not materialised with its empty texts (a copy and releases).
  @inline(__always)
  func districtFigures(_ r: ReferralOutcomeTable.DistrictRow) -> ReferralOutcome {
    let d = Int(r.district)
    let c = r.category < 0 ? nil : Int(r.category)
    var o = ReferralOutcomeEngine.row(
      .district, key: "", name: "", area: nil,
      category: nil, ReferralOutcomeEngine.counts(cases, district: d, category: c), hasExits: cases.hasExits, level: level, z: z)
    if let centre = centreRates[c.map { $0 + 1 } ?? 0] {
      o.centreReferralRate = centre.referral
      o.centreExitRate = centre.exit
      o.referralFlag = FunnelLabel.label(code: r.referralFlag)
      o.exitFlag = FunnelLabel.label(code: r.exitFlag)
    }
    return o
  }
}
