import Foundation

/// Generates a deterministic fictional city — districts, population, statistics, the centre's
/// cases and its social resources — in the formats of the data contract, from a small city of
/// 40 districts (the embedded `data/`) to national scale (220,000 districts).
///
/// Rows are streamed to files through large buffers and never held in memory; the same options
/// give byte-identical files. What the generator planted (true need per district, the centre's
/// reach, the resource gap) is available as `truth` and is never written into the data folder.
public struct CityGenerator: Sendable {
  /// What to generate.
  public struct Options: Sendable, Hashable {
    /// Number of districts (町丁目); 1 to 2,000,000.
    public var districts: Int
    /// Number of areas (日常生活圏域); 1 to 50, at most `districts`.
    public var areas: Int
    /// Random seed: the same seed and options always give the same files.
    public var seed: UInt64
    /// The last month of cases.csv; statistics are the latest April not after it, and a year earlier.
    public var endPeriod: Period
    /// Months of cases ending with `endPeriod`; 1 to 120.
    public var caseMonths: Int
    /// Whether to write resources.csv.
    public var includeResources: Bool
    /// Whether population.csv and statistics.csv also hold the year before the current period
    /// (for trends); without it they hold the current period only (half the rows).
    public var includePreviousYear: Bool
    /// New consultations per 100,000 population per month over the whole city (national KPI ≈ 26).
    public var consultationsPer100k: Double

    public init(
      districts: Int = 40, areas: Int = 4, seed: UInt64 = 2026, endPeriod: Period = Period(year: 2026, month: 10),
      caseMonths: Int = 24, includeResources: Bool = true, includePreviousYear: Bool = true,
      consultationsPer100k: Double = 26
    ) {
      self.districts = districts
      self.areas = areas
      self.seed = seed
      self.endPeriod = endPeriod
      self.caseMonths = caseMonths
      self.includeResources = includeResources
      self.includePreviousYear = includePreviousYear
      self.consultationsPer100k = consultationsPer100k
    }

    /// Checks the options, naming the first one out of range.
    public func validate() throws(SampleError) {
      guard (1...2_000_000).contains(districts) else {
        throw .invalidOption("districts must be between 1 and 2,000,000 (got \(districts))")
      }
      guard (1...50).contains(areas), areas <= districts else {
        throw .invalidOption("areas must be between 1 and 50 and at most the number of districts (got \(areas))")
      }
      guard endPeriod.month != nil else {
        throw .invalidOption("the end period must be a month such as 2026-10 (got \(endPeriod))")
      }
      guard (1...120).contains(caseMonths) else {
        throw .invalidOption("case months must be between 1 and 120 (got \(caseMonths))")
      }
      guard consultationsPer100k >= 0, consultationsPer100k <= 10_000 else {
        throw .invalidOption("consultations per 100,000 must be between 0 and 10,000 (got \(consultationsPer100k))")
      }
    }
  }

  /// The options this city was generated from.
  public let options: Options
  let layout: CityLayout

  /// Plans the city (districts, population totals, needs, reach); writes nothing yet.
  public init(options: Options) throws(SampleError) {
    try options.validate()
    self.options = options
    layout = CityLayout(options: options)
  }

  /// The statistics periods written: the latest April not after the end period, and a year before.
  public var statisticsPeriods: (previous: Period, current: Period) {
    CityLayout.statisticsPeriods(end: options.endPeriod)
  }

  /// The months of cases.csv, oldest first.
  public var caseMonths: [Period] {
    (0..<options.caseMonths).map { options.endPeriod.adding(months: $0 - options.caseMonths + 1) }
  }

  /// Writes districts.csv, population.csv, statistics.csv, cases.csv and (unless turned off)
  /// resources.csv into `directory`, creating it if needed. Each file appears under its name
  /// only once complete. UTF-8 without BOM, LF line ends, header row first.
  @discardableResult
  public func write(to directory: String) throws(SampleError) -> SampleSummary {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: directory, reason: "\(error.localizedDescription)")
    }
    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
    var files: [SampleFileSummary] = []

    let districts = try BufferedFileWriter(path: path("districts.csv"))
    try layout.writeDistricts(to: districts)
    try districts.finish()
    files.append(SampleFileSummary(name: "districts.csv", rows: districts.rows, bytes: districts.bytes))

    let population = try BufferedFileWriter(path: path("population.csv"))
    let statistics = try BufferedFileWriter(path: path("statistics.csv"))
    try layout.writePopulationAndStatistics(
      population: population, statistics: statistics, periods: statisticsPeriods,
      includePrevious: options.includePreviousYear)
    try population.finish()
    try statistics.finish()
    files.append(SampleFileSummary(name: "population.csv", rows: population.rows, bytes: population.bytes))
    files.append(SampleFileSummary(name: "statistics.csv", rows: statistics.rows, bytes: statistics.bytes))

    let cases = try BufferedFileWriter(path: path("cases.csv"))
    let consultations = try layout.writeCases(to: cases, months: caseMonths)
    try cases.finish()
    files.append(SampleFileSummary(name: "cases.csv", rows: cases.rows, bytes: cases.bytes))

    if options.includeResources {
      let resources = try BufferedFileWriter(path: path("resources.csv"))
      try layout.writeResources(to: resources)
      try resources.finish()
      files.append(SampleFileSummary(name: "resources.csv", rows: resources.rows, bytes: resources.bytes))
    }

    return SampleSummary(
      districts: layout.districts.count, population: layout.districts.reduce(0) { $0 + $1.population },
      consultations: consultations, caseMonths: options.caseMonths, files: files)
  }

  /// What was planted, one entry per district (built on each call; large at national scale).
  public var truth: SampleTruth {
    let districts = layout.districts.indices.map { d -> DistrictTruth in
      let p = layout.districts[d]
      return DistrictTruth(
        code: DistrictCode(layout.code(d)), name: layout.name(d), area: layout.areas[p.area], kind: p.kind,
        population: p.population, households: p.households,
        unemploymentNeed: p.need.x, welfareNeed: p.need.y, ltcNeed: p.need.z,
        previousUnemploymentNeed: p.previousNeed.x, previousWelfareNeed: p.previousNeed.y,
        previousLTCNeed: p.previousNeed.z,
        expectedUnemployed: p.expected.x, expectedWelfare: p.expected.y, expectedLTC: p.expected.z,
        reach: p.reach, reachClass: p.reachClass, highNeed: p.highNeed,
        expectedMonthlyConsultations: p.monthlyConsultations)
    }
    return SampleTruth(districts: districts, gapArea: layout.areas[layout.gapArea], areas: layout.areas)
  }

  /// Writes the planted truth as CSV (one row per district) to `path` — for tests and for
  /// judging the tool; keep it out of the data folder.
  public func writeTruth(to path: String) throws(SampleError) {
    let writer = try BufferedFileWriter(path: path)
    try layout.writeTruth(to: writer)
    try writer.finish()
  }
}

/// One file written by `CityGenerator.write(to:)`.
public struct SampleFileSummary: Sendable, Hashable {
  public let name: String
  /// Data rows (without the header).
  public let rows: Int
  public let bytes: Int
}

/// What `CityGenerator.write(to:)` produced.
public struct SampleSummary: Sendable, Hashable {
  public let districts: Int
  /// Total population at the current statistics period.
  public let population: Int
  /// New consultations written to cases.csv, over all months.
  public let consultations: Int
  public let caseMonths: Int
  public let files: [SampleFileSummary]

  /// Average new consultations per month.
  public var consultationsPerMonth: Double { caseMonths > 0 ? Double(consultations) / Double(caseMonths) : 0 }

  /// Average new consultations per 100,000 population per month.
  public var consultationsPer100kPerMonth: Double {
    population > 0 ? consultationsPerMonth / Double(population) * 100_000 : 0
  }
}
