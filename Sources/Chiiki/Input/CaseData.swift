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
  /// `windowUnknownConsultations` kept when the per-district columns are released.
  private var releasedUnknownConsultations: Int? = nil

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

  /// Window consultations with unknown sex or unknown age (kept in district totals; the
  /// meeting report's data-quality section gives the count).
  public var windowUnknownConsultations: Int {
    if let releasedUnknownConsultations { return releasedUnknownConsultations }
    var total = windowUnknownAge.reduce(0) { $0 + Int($1) }
    let n = districtCount
    for b in 0..<bands.count {
      for d in 0..<n {
        let i = (b * 3 + 2) * n + d
        if i < windowBySegment.count { total += Int(windowBySegment[i]) }
      }
    }
    return total
  }

  /// Frees the per-district columns (months, window totals, segments: ~70 MB at 220,000
  /// districts) once the analysis and the resource figures have been made from them, so that
  /// they are not resident while the outputs are written. What the report still reads (the
  /// categories, the flags, city and area series, `windowUnknownConsultations`) stays.
  public mutating func releaseDistrictColumns() {
    self = keepingWindowCounts()
    windowConsultations = []
    windowReferrals = []
    windowExits = []
  }

  /// Frees the window counts per band and sex (`windowBySegment`, ~30 MB at 220,000 districts),
  /// whose only other reader is segments, keeping the unknown-age total they feed
  /// (`windowUnknownConsultations`): the analysis calls it once segments are made.
  public mutating func releaseSegmentColumns() {
    releasedUnknownConsultations = windowUnknownConsultations
    windowBySegment = []
  }

  /// A copy with only the window counts per category and district (and what describes them),
  /// for a table that rebuilds district rows from them while the outputs are written: the month
  /// and segment columns (~42 MB at 220,000 districts) are left out, so that releasing the
  /// dataset's copy (`releaseDistrictColumns`) frees them. `windowTotal` must not be called on it.
  public func keepingWindowCounts() -> CaseData {
    var copy = self
    copy.releasedUnknownConsultations = windowUnknownConsultations
    copy.monthly = []
    copy.windowBySegment = []
    copy.windowUnknownAge = []
    return copy
  }

  /// Makes room for `categories` categories and `bands` bands in the window arrays, so that
  /// `categoryIndex` and `bandIndex` grow them in place: growing a national array by doubling
  /// copies it and touches fresh pages each time (~60 ms of page faults for the segments alone).
  mutating func reserve(categories: Int, bands: Int) {
    let n = districtCount
    windowConsultations.reserveCapacity(categories * n)
    windowReferrals.reserveCapacity(categories * n)
    windowExits.reserveCapacity(categories * n)
    windowBySegment.reserveCapacity(bands * 3 * n)
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
