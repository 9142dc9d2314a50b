import Foundation

/// Options of `chiiki run`.
public struct RunOptions: Sendable {
  public var load: LoadOptions
  /// Output folder; nil = `<reportsRoot>/<period>`.
  public var outputDirectory: String?
  public var reportsRoot: String = "reports"
  /// Inject a failure after writing this many files (tests of atomic output).
  public var failAfterFiles: Int? = nil
  /// For a process that exits right after the run (the CLI): `run` hands the dataset back in
  /// `RunResult.retained` instead of freeing it, so that the process ends without first
  /// unmapping its arrays one by one (~40 ms at 220,000 districts). Off: the run frees all.
  public var handsBackMemory = false

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
  /// The dataset, when `RunOptions.handsBackMemory` asked for it (else nil): the caller that
  /// is about to exit keeps it (and the result) alive until it does.
  public var retained: Dataset? = nil
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
    // statistics.csv's digest goes on in the background on the cores the analysis leaves idle;
    // the meeting report (in the write) and the manifest are its only readers.
    // (No other copy of the dataset may stay alive: the analysis frees its grids.)
    var dataset: Dataset
    let digest: PendingDigest
    (dataset, digest) = try PhaseTimings.measure("load") { () throws(ChiikiError) in try DatasetLoader.loadDeferringDigest(options.load) }
    var digestFilled = false
    defer { if !digestFilled { digest.cancel() } }
    // The analysis frees the statistics grids and population once it no longer needs them.
    var analysis = try PhaseTimings.measure("analyze") { () throws(ChiikiError) in
      try Analyzer.analyze(&dataset, configuration: options.load.configuration, releasingGrids: true)
    }
    PhaseTimings.measure("resources") { ResourceAnalyzer.attach(to: &analysis, dataset: dataset) }
    // Nothing after this point reads the cases' per-district columns.
    dataset.cases.releaseDistrictColumns()
    let target = options.outputDirectory ?? (options.reportsRoot as NSString).appendingPathComponent(analysis.runPeriod.description)
    let stage = try ReportStage(target: target, failAfter: options.failAfterFiles)
    var written: [WrittenFile]
    do {
      written = try PhaseTimings.measure("write") { () throws(ChiikiError) in
        try write(analysis, dataset: dataset, digest: digest, report: reportOptions, to: stage)
      }
      digest.fill(&dataset)
      digestFilled = true
      let duration = Date().timeIntervalSince(started)
      let manifest = ManifestWriter.render(
        analysis: analysis, inputs: dataset.inputs, outputs: written,
        startedAt: ISO8601DateFormatter().string(from: started), durationSeconds: duration)
      written.append(try stage.write(ReportFile(name: "manifest.json", text: manifest)))
      try stage.commit()
    } catch {
      stage.abort()
      throw error
    }
    let files = written.map(\.name)
    var result = RunResult(outputDirectory: target, files: files, analysis: analysis)
    if options.handsBackMemory { result.retained = dataset }
    return result
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

  /// Renders every output file but the manifest straight into `stage`, a file (or a chunk of a
  /// CSV) at a time, so that memory holds the files being rendered, not the whole report. The
  /// same bytes as `render`; returned sorted by name.
  /// `digest` (when given) completes the dataset's statistics.csv digest, which only the meeting
  /// report reads: its job finishes the hashing first, while the other core writes other files.
  static func write(_ analysis: Analysis, dataset: Dataset, digest: PendingDigest? = nil, report: ReportOptions, to stage: ReportStage) throws(ChiikiError) -> [WrittenFile] {
    typealias Job = @Sendable () throws -> [WrittenFile]
    func csv(_ name: String, _ render: @escaping @Sendable (OutputSink) -> CSVWriter?) -> Job {
      return { () throws -> [WrittenFile] in try PhaseTimings.measure("  write " + name) { () throws -> [WrittenFile] in
        let sink = try stage.open(name)
        guard var writer = render(sink) else { return [] }
        writer.finish()
        return [try sink.close()]
      } }
    }
    var jobs: [Job] = []
    // Longest first, mostly (CPU seconds at 220,000 districts in the comments), so that the two
    // cores finish together: each core takes the next job when it is free (in this order). A job
    // that needs what another job makes (`BuiltOnce`) comes after it, when it is built.
    // The two biggest transients never overlap: outreach_targets.csv's per-district cells
    // (~17 MB) go first, beside the meeting report's hashing; the resource directory (built by
    // the Markdown job) is let go after the HTML job, which comes one job after it. At one period
    // the write's peak was ~296 MiB with the directory beside outreach_targets.csv, ~287 MiB so
    // (below the analysis's), the write as long.
    // (Rendering the large CSV files in blocks of rows on both cores was measured: ~15% more
    // CPU for them and a slower write, as each block is hashed and written by the other core
    // from outside its cache; the whole jobs already keep both cores busy to the end.)
    // outreach_targets.csv, ~0.23 s.
    jobs.append(csv("outreach_targets.csv") { OutreachTargetsWriter.render(analysis, sink: $0) })
    // Meeting report, ~0.6 s (the rest of the statistics.csv hashing, then the model: proposals,
    // sections; the funnel plots are streamed into the HTML).
    jobs.append { () throws -> [WrittenFile] in try PhaseTimings.measure("  write meeting report") { () throws -> [WrittenFile] in
      var dataset = dataset
      if let digest { PhaseTimings.measure("  hash statistics.csv (rest)") { digest.fill(&dataset) } }
      return try MeetingReport.write(analysis, dataset: dataset, options: report, to: stage)
    } }
    // referral_outcomes.csv, ~0.32 s.
    if dataset.cases.hasReferrals {
      jobs.append(csv("referral_outcomes.csv") { ReferralOutcomesWriter.render(analysis, sink: $0) })
    }
    // reach_by_category.csv, ~0.24 s.
    if !analysis.categoryReach.isEmpty {
      jobs.append(csv("reach_by_category.csv") { CategoryReachWriter.render(analysis, sink: $0) })
    }
    // Resource directory: ~0.1 s to lay out (the first of its two jobs to ask), then ~0.15–0.2 s
    // per rendering, each a job of its own, straight into its file.
    var directoryHTML: Job? = nil
    if let resources = dataset.resources {
      let directory = BuiltOnce(users: 2) {
        ResourceDirectory(resources: resources, districts: analysis.districts, labels: Labels(analysis.configuration.language))
      }
      jobs.append { () throws -> [WrittenFile] in try PhaseTimings.measure("  write resource_directory.md") { () throws -> [WrittenFile] in
        let sink = try stage.open("resource_directory.md")
        ResourceDirectoryMarkdown.write(directory.get(), analysis: analysis, to: sink)
        directory.done()
        return [try sink.close()]
      } }
      directoryHTML = { () throws -> [WrittenFile] in try PhaseTimings.measure("  write resource_directory.html") { () throws -> [WrittenFile] in
        let sink = try stage.open("resource_directory.html")
        ResourceDirectoryHTML.write(directory.get(), analysis: analysis, to: sink)
        directory.done()
        return [try sink.close()]
      } }
    }
    // indicators.csv, ~0.18 s: between the directory's two jobs, so that the HTML job does not
    // wait for the layout.
    jobs.append(csv("indicators.csv") { IndicatorsWriter.render(analysis, sink: $0) })
    if let directoryHTML { jobs.append(directoryHTML) }
    // ~0.06 s.
    jobs.append(csv("segments.csv") { SegmentsWriter.render(analysis, sink: $0) })
    if !analysis.areas.isEmpty {
      jobs.append(csv("areas.csv") { AreasWriter.render(analysis, sink: $0) })
    }
    let all = jobs
    let results = ParallelMap.map(all.count) { i -> Result<[WrittenFile], ChiikiError> in
      do { return .success(try all[i]()) } catch let e as ChiikiError { return .failure(e) } catch {
        return .failure(.io(path: "", reason: error.localizedDescription))
      }
    }
    var written: [WrittenFile] = []
    for r in results { written += try r.get() }
    return written.sorted { $0.name < $1.name }
  }
}
