/// The centre's consultations, aggregated while cases.csv is read: per district and month,
/// and over the window ending with the run period per district x category and per district x
/// sex x age band. Memory grows with districts x categories x bands, never with rows.
public struct CaseData: Sendable {
  public let districtCount: Int
  public let areaCount: Int
  public let runPeriod: Period
  /// Months counted for the run (the contract's window, default 12).
  public let windowMonths: Int
  /// Months kept per district for trends: the window plus the 12 months before it.
  public let monthsKept: Int
  public var categories: [CaseCategory] = []
  var categoryPosition: [String: Int] = [:]
  public var bands = BandSet()
  /// Where each band of `bands` first appears in the file, to locate band problems.
  var bandFirstSeen: [CellLocation] = []
  public var hasReferrals = false
  public var hasExits = false

  /// Consultations per month and district: `[m * districtCount + d]`, m = 0 is the oldest kept month.
  public var monthly: [UInt32]
  /// Window totals per category and district: `[c * districtCount + d]`.
  public var windowConsultations: [UInt32] = []
  public var windowReferrals: [UInt32] = []
  public var windowExits: [UInt32] = []
  /// Window consultations per band, sex (0 male, 1 female, 2 unknown) and district:
  /// `[(b * 3 + s) * districtCount + d]`.
  public var windowBySegment: [UInt32] = []
  /// Window consultations with unknown age, per sex (0, 1, 2) and district: `[s * districtCount + d]`.
  public var windowUnknownAge: [UInt32]
  /// City-wide consultations per kept month and category: `[m * categories + c]` (grown as categories appear).
  public var cityMonthlyByCategory: [[UInt32]]
  /// Referrals and exits per kept month and area (last slot: districts without an area).
  public var areaMonthlyReferrals: [[UInt32]]
  public var areaMonthlyExits: [[UInt32]]
  public var areaMonthlyConsultations: [[UInt32]]

  public var rows = 0
  public var rowsAfterRun = 0
  public var rowsBeforeKept = 0
  public var consultationsBeforeKept = 0
  public var unknownSexConsultations = 0
  public var unknownAgeConsultations = 0

  public init(districtCount: Int, areaCount: Int, runPeriod: Period, windowMonths: Int) {
    self.districtCount = districtCount
    self.areaCount = areaCount
    self.runPeriod = runPeriod
    self.windowMonths = windowMonths
    monthsKept = windowMonths + 12
    monthly = Array(repeating: 0, count: monthsKept * districtCount)
    windowUnknownAge = Array(repeating: 0, count: 3 * districtCount)
    cityMonthlyByCategory = Array(repeating: [], count: monthsKept)
    areaMonthlyReferrals = Array(repeating: Array(repeating: 0, count: areaCount + 1), count: monthsKept)
    areaMonthlyExits = areaMonthlyReferrals
    areaMonthlyConsultations = areaMonthlyReferrals
  }

  /// The oldest month kept.
  public var firstKeptMonth: Period { runPeriod.adding(months: -(monthsKept - 1)) }

  /// Kept-month index of a period, or nil if outside.
  public func monthSlot(_ p: Period) -> Int? {
    let m = p.monthIndex - firstKeptMonth.monthIndex
    return (0..<monthsKept).contains(m) ? m : nil
  }

  /// Consultations of district `d` over the `windowMonths` months ending `monthsBack` months
  /// before the run period (0 = the run's own window). Needs monthsBack <= 12.
  public func windowTotal(district d: Int, monthsBack: Int = 0) -> Int {
    let last = monthsKept - 1 - monthsBack
    var total = 0
    for m in max(0, last - windowMonths + 1)...last { total += Int(monthly[m * districtCount + d]) }
    return total
  }

  mutating func categoryIndex(_ name: String) -> Int {
    if let c = categoryPosition[name] { return c }
    let c = categories.count
    categories.append(CaseCategory(name))
    categoryPosition[name] = c
    let zeros = repeatElement(UInt32(0), count: districtCount)
    windowConsultations.append(contentsOf: zeros)
    windowReferrals.append(contentsOf: zeros)
    windowExits.append(contentsOf: zeros)
    for m in 0..<monthsKept { cityMonthlyByCategory[m].append(0) }
    return c
  }

  mutating func bandIndex(_ band: AgeBand) -> Int {
    let before = bands.count
    let b = bands.index(for: band)
    if bands.count > before {
      windowBySegment.append(contentsOf: repeatElement(UInt32(0), count: 3 * districtCount))
    }
    return b
  }

  public func categoryIndex(of category: CaseCategory) -> Int? { categoryPosition[category.rawValue] }
}
