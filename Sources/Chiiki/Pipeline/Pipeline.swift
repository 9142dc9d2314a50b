import Foundation

/// Options of `chiiki run`.
public struct RunOptions: Sendable {
  public var load: LoadOptions
  /// Output folder; nil = `<reportsRoot>/<period>`.
  public var outputDirectory: String?
  public var reportsRoot: String = "reports"
  /// Inject a failure after writing this many files (tests of atomic output).
  public var failAfterFiles: Int? = nil

  public init(load: LoadOptions, outputDirectory: String? = nil) {
    self.load = load
    self.outputDirectory = outputDirectory
  }
}

/// What a run produced.
public struct RunResult: Sendable {
  public var outputDirectory: String
  public var files: [String]
  public var analysis: Analysis
}

/// read -> validate/aggregate -> analyse -> render -> commit, in one direction.
public enum Pipeline {
  public static func run(_ options: RunOptions) throws(ChiikiError) -> RunResult {
    let started = Date()
    let reportOptions = reportOptions(options.load)
    do { try MeetingReport.check(reportOptions) } catch {
      var log = DiagnosticLog()
      log.add(Diagnostic(.error, file: error.fileName, line: error.line, error.message))
      throw .invalidInput(log)
    }
    let dataset = try DatasetLoader.load(options.load)
    var analysis = try Analyzer.analyze(dataset, configuration: options.load.configuration)
    ResourceAnalyzer.attach(to: &analysis, dataset: dataset)
    var files = render(analysis, dataset: dataset, report: reportOptions)
    let duration = Date().timeIntervalSince(started)
    let manifest = ManifestWriter.render(
      analysis: analysis, inputs: dataset.inputs, outputs: files,
      startedAt: ISO8601DateFormatter().string(from: started), durationSeconds: duration)
    files.append(ReportFile(name: "manifest.json", text: manifest))
    let target = options.outputDirectory ?? (options.reportsRoot as NSString).appendingPathComponent(analysis.runPeriod.description)
    try AtomicReportWriter.commit(files, to: target, failAfter: options.failAfterFiles)
    return RunResult(outputDirectory: target, files: files.map(\.name), analysis: analysis)
  }

  /// Every output file but the manifest, rendered in memory.
  /// Template and proposal-rule overrides: `[report] templates` (relative to the data folder)
  /// and `proposals.rules` in the data folder.
  static func reportOptions(_ load: LoadOptions) -> ReportOptions {
    let templates = load.configuration.reportTemplates
    let dir: String? = templates.isEmpty ? nil
      : (templates.hasPrefix("/") ? templates : (load.dataDirectory as NSString).appendingPathComponent(templates))
    return ReportOptions(templatesDirectory: dir, dataDirectory: load.dataDirectory)
  }

  public static func render(_ analysis: Analysis, dataset: Dataset, report: ReportOptions = ReportOptions()) -> [ReportFile] {
    // Independent renderers, run on all cores; the result is sorted by name, so the order in
    // which they finish does not matter.
    let jobs: [@Sendable () -> [ReportFile]] = [
      { [ReportFile(name: "outreach_targets.csv", bytes: OutreachTargetsWriter.render(analysis).data)] },
      { [ReportFile(name: "segments.csv", bytes: SegmentsWriter.render(analysis).data)] },
      { [ReportFile(name: "indicators.csv", bytes: IndicatorsWriter.render(analysis).data)] },
      { AreasWriter.render(analysis).map { [ReportFile(name: "areas.csv", bytes: $0.data)] } ?? [] },
      { CategoryReachWriter.render(analysis).map { [ReportFile(name: "reach_by_category.csv", bytes: $0.data)] } ?? [] },
      { MeetingReport.render(analysis, dataset: dataset, options: report) },
      { ResourceOutputs.render(analysis, dataset: dataset) },
    ]
    return ParallelMap.map(jobs.count) { jobs[$0]() }.flatMap { $0 }.sorted { $0.name < $1.name }
  }

}
