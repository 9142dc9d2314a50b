/// Facts about one input file, for the manifest.
public struct InputFileInfo: Sendable, Hashable {
  public var name: String
  public var sha256: String
  public var bytes: Int
  public var rows: Int
  public var encoding: InputEncoding
}

/// Everything the analysis needs, read and checked: districts, the statistics grids, the
/// consultation aggregates, and the optional population and resources.
public struct Dataset: Sendable {
  public var districts: DistrictTable
  public var statistics: StatisticsData
  public var population: PopulationData?
  public var cases: CaseData
  public var resources: [Resource]?
  public var runPeriod: Period
  public var inputs: [InputFileInfo]
  /// Warnings and notes (errors stop the run before a Dataset exists).
  public var diagnostics: DiagnosticLog
  /// Reference rates from an external file, if configured: indicator -> sex -> band -> rate.
  public var externalRates: [IndicatorID: [Sex: [AgeBand: Double]]]?
}

/// What to read and how.
public struct LoadOptions: Sendable {
  public var dataDirectory: String
  /// The run period; nil = the latest month in cases.csv.
  public var runPeriod: Period?
  public var encoding: InputEncoding?
  public var configuration: Configuration
  /// Progress display for long reads (stderr on a TTY).
  public var progress: (@Sendable (String, Int, Int) -> Void)?
  /// Whether large files may be read on two threads (outputs are the same either way).
  public var parallelism: ReadParallelism = .automatic

  public init(dataDirectory: String, runPeriod: Period? = nil, encoding: InputEncoding? = nil, configuration: Configuration = Configuration()) {
    self.dataDirectory = dataDirectory
    self.runPeriod = runPeriod
    self.encoding = encoding
    self.configuration = configuration
  }
}
