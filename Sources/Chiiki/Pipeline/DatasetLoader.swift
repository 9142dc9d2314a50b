import Dispatch
import Foundation

/// Reads an input folder into a `Dataset`, collecting every problem before giving up.
public enum DatasetLoader {
  public static func load(_ options: LoadOptions) throws(ChiikiError) -> Dataset {
    var (dataset, digest) = try loadDeferringDigest(options)
    PhaseTimings.measure("  hash statistics.csv (rest)") { digest.fill(&dataset) }
    return dataset
  }

  /// `load`, except that the SHA-256 of statistics.csv may still be being worked out (on a
  /// low-priority thread, on the cores the analysis leaves idle): the dataset's entry for it is
  /// empty until `PendingDigest.fill` (the meeting report and manifest are the only readers).
  static func loadDeferringDigest(_ options: LoadOptions) throws(ChiikiError) -> (Dataset, PendingDigest) {
    let dir = options.dataDirectory
    let config = options.configuration
    var log = DiagnosticLog()
    var inputs: [InputFileInfo] = []
    func path(_ name: String) -> String { (dir as NSString).appendingPathComponent(name) }
    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
      throw .io(path: dir, reason: "the data folder does not exist")
    }
    var missing: [String] = []
    for name in ["districts.csv", "statistics.csv", "cases.csv"] where !exists(name) { missing.append(name) }
    if !missing.isEmpty {
      for name in missing { log.add(Diagnostic(.error, file: name, "required file is missing from \(dir)")) }
      throw .invalidInput(log)
    }
    func recordHashed(_ name: String, _ summary: CSVReadSummary, rows: Int, sha: String) {
      inputs.append(InputFileInfo(name: name, sha256: sha, bytes: summary.bytes, rows: rows, encoding: summary.encoding))
    }
    let progress = options.progress
    // Started before districts.csv is read, so that it also uses the core that read leaves idle.
    let statisticsDigest = BackgroundDigest(path: path("statistics.csv"))
    var handedOver = false
    defer { if !handedOver { statisticsDigest.cancel() } }

    // Hashed as it is read (one pass over the file, not a second read for the digest).
    var districtsHasher = SHA256()
    let (districts, dSummary) = try PhaseTimings.measure("  districts.csv") { () throws(ChiikiError) in
      try DistrictsLoader.load(path: path("districts.csv"), encoding: options.encoding, log: &log, hasher: &districtsHasher)
    }
    recordHashed("districts.csv", dSummary, rows: districts.count, sha: districtsHasher.finalizeHex())
    if log.hasErrors { throw .invalidInput(log) }
    let codes = DistrictByteIndex(districts)

    // population.csv (thread 0) and cases.csv (thread 1) do not depend on each other: read them
    // at once, each into its own log, then replay the logs in the order of a sequential read
    // (population, run period, cases), so that messages stay the same. Each file is hashed as
    // it is read; statistics.csv is hashed on a low-priority thread that uses the cores the
    // readers leave idle (see BackgroundDigest).
    let hasPopulation = exists("population.csv")
    let limit = log.limit
    let encoding = options.encoding
    let windowMonths = config.windowMonths
    let givenPeriod = options.runPeriod
    let populationPath = path("population.csv")
    let casesPath = path("cases.csv")
    let hasResources = exists("resources.csv")
    let resourcesPath = path("resources.csv")
    let slots = LoadSlots()
    defer { slots.free() }
    // resources.csv needs only districts.csv: whichever thread finishes its own file first
    // reads it (an atomic claim), so that neither core idles; its log is replayed where a
    // sequential read had it, whichever thread read it.
    let resourcesClaim = OneTimeClaim()
    @Sendable func readResources(thread: Int) {
      guard hasResources, resourcesClaim.claim(by: thread) else { return }
      var resourcesLog = DiagnosticLog(limit: limit)
      var hasher = SHA256()
      let r = Result { () throws(ChiikiError) -> ([Resource], CSVReadSummary) in
        try PhaseTimings.measure("  resources.csv") { () throws(ChiikiError) in
          try ResourcesLoader.load(
            path: resourcesPath, districts: districts, encoding: encoding, log: &resourcesLog, codes: codes, hasher: &hasher)
        }
      }
      let sha = (try? r.get()) == nil ? "" : hasher.finalizeHex()
      slots.pointer.pointee.resources = (r, resourcesLog, sha)
    }
    PhaseTimings.measure("  population+cases") {
    DispatchQueue.concurrentPerform(iterations: 2) { i in
      let started = threadCPUSeconds()
      let faultsStarted = PhaseTimings.enabled ? PhaseTimings.minorFaults(thread: true) : 0
      defer {
        if PhaseTimings.enabled {
          let faults = PhaseTimings.minorFaults(thread: true) - faultsStarted
          let line = "[timing]     thread \(i) (\(i == 0 ? "population" : "cases")\(resourcesClaim.claimedBy == i ? ", resources" : "")) cpu \(Int((threadCPUSeconds() - started) * 1000)) ms  minflt \(faults)\n"
          FileHandle.standardError.write(Data(line.utf8))
        }
      }
      if i == 0 {
        if hasPopulation {
          var popLog = DiagnosticLog(limit: limit)
          var hasher = SHA256()
          let r = Result { () throws(ChiikiError) -> (PopulationData, CSVReadSummary) in
            try PopulationLoader.load(path: populationPath, districts: districts, encoding: encoding, log: &popLog, codes: codes, hasher: &hasher)
          }
          let sha = (try? r.get()) == nil ? "" : hasher.finalizeHex()
          slots.pointer.pointee.population = (r, popLog, sha)
        }
      } else {
        readCases(
          path: casesPath, districts: districts, givenPeriod: givenPeriod, windowMonths: windowMonths,
          encoding: encoding, limit: limit, codes: codes, into: slots)
      }
      readResources(thread: i)
    }
    }
    var population: PopulationData? = nil
    if hasPopulation, let (r, popLog, sha) = slots.pointer.pointee.population {
      var popLog = popLog
      let (p, s) = try r.get()
      log.merge(popLog)
      popLog = DiagnosticLog()
      population = p
      recordHashed("population.csv", s, rows: p.rows, sha: sha)
    }
    slots.pointer.pointee.population = nil

    let runPeriod: Period
    guard let (periodResult, periodLog) = slots.pointer.pointee.period else { throw .invalidInput(log) }
    if let latest = try periodResult.get() {
      runPeriod = latest
    } else {
      // An empty file or a bad header is the real reason; say that rather than ask for --period.
      if periodLog.hasErrors {
        log.merge(periodLog)
      } else {
        log.add(Diagnostic(.error, file: "cases.csv", "no month could be read from cases.csv; give the run period with --period YYYY-MM"))
      }
      throw .invalidInput(log)
    }

    guard let (casesResult, casesLog, casesSHA) = slots.pointer.pointee.cases else { throw .invalidInput(log) }
    slots.pointer.pointee.cases = nil
    let (cases, cSummary) = try casesResult.get()
    log.merge(casesLog)
    recordHashed("cases.csv", cSummary, rows: cases.rows, sha: casesSHA)

    let (statistics, sSummary) = try PhaseTimings.measure("  statistics.csv") { () throws(ChiikiError) in try StatisticsLoader.load(
      path: path("statistics.csv"), districts: districts, population: population, runPeriod: runPeriod,
      configuration: config, encoding: options.encoding, log: &log,
      progress: progress.map { p in { p("statistics.csv", $0, $1) } }, parallelism: options.parallelism, codes: codes) }
    // The digest is filled in by `PendingDigest.fill`.
    recordHashed("statistics.csv", sSummary, rows: statistics.rows, sha: "")

    var resources: [Resource]? = nil
    if hasResources, let (result, resourcesLog, sha) = slots.pointer.pointee.resources {
      let (r, s) = try result.get()
      log.merge(resourcesLog)
      resources = r
      recordHashed("resources.csv", s, rows: r.count, sha: sha)
    }

    var externalRates: [IndicatorID: [Sex: [AgeBand: Double]]]? = nil
    if case .externalRates(let ratesPath) = config.reference {
      externalRates = try ReferenceRatesLoader.load(path: ratesPath, log: &log)
    }

    DatasetChecks.run(statistics: statistics, cases: cases, runPeriod: runPeriod, log: &log)
    if log.hasErrors { throw .invalidInput(log) }
    inputs.sort { $0.name < $1.name }
    handedOver = true
    return (Dataset(
      districts: districts, statistics: statistics, population: population, cases: cases, resources: resources,
      runPeriod: runPeriod, inputs: inputs, diagnostics: log, externalRates: externalRates),
      PendingDigest(digest: statisticsDigest))
  }
}

/// The SHA-256 of statistics.csv while it is still being worked out in the background.
struct PendingDigest: Sendable {
  let digest: BackgroundDigest

  /// Finishes the hashing (in the calling thread, at its priority) and puts the digest into
  /// the dataset's entry for statistics.csv ("" if the file could not be read, as before).
  func fill(_ dataset: inout Dataset) {
    let sha = digest.wait() ?? ""
    for i in dataset.inputs.indices where dataset.inputs[i].name == "statistics.csv" { dataset.inputs[i].sha256 = sha }
  }

  /// Stops the hashing (the run failed before it was needed).
  func cancel() { digest.cancel() }
}

/// CPU time of the calling thread, for the timing lines.
func threadCPUSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

extension DatasetLoader {
  /// Thread 1 of the first phase: the run period (the latest month of cases.csv, unless given)
  /// and the cases for it, in one read of cases.csv, hashed as it is read.
  fileprivate static func readCases(
    path: String, districts: DistrictTable, givenPeriod: Period?, windowMonths: Int, encoding: InputEncoding?,
    limit: Int, codes: DistrictByteIndex, into slots: LoadSlots
  ) {
    var casesLog = DiagnosticLog(limit: limit)
    var hasher = SHA256()
    if let givenPeriod {
      slots.pointer.pointee.period = (.success(givenPeriod), DiagnosticLog(limit: limit))
      let r = Result { () throws(ChiikiError) -> (CaseData, CSVReadSummary) in
        try CasesLoader.load(
          path: path, districts: districts, runPeriod: givenPeriod, windowMonths: windowMonths,
          encoding: encoding, log: &casesLog, codes: codes, hasher: &hasher)
      }
      let sha = (try? r.get()) == nil ? "" : hasher.finalizeHex()
      slots.pointer.pointee.cases = (r, casesLog, sha)
      return
    }
    let result: CasesLoader.OnePassResult
    do {
      result = try CasesLoader.loadFindingPeriod(
        path: path, districts: districts, windowMonths: windowMonths, encoding: encoding, log: &casesLog,
        codes: codes, hasher: &hasher)
    } catch {
      slots.pointer.pointee.period = (.failure(error), DiagnosticLog(limit: limit))
      return
    }
    slots.pointer.pointee.period = (.success(result.latest), result.tableLog)
    guard let cases = result.cases else { return }
    slots.pointer.pointee.cases = (.success((cases, result.summary)), casesLog, hasher.finalizeHex())
  }
}

/// Lets exactly one of several threads take a job: the first to call `claim` gets it.
private final class OneTimeClaim: @unchecked Sendable {
  // Safe: `owner` is only touched while holding `lock`.
  private let lock = NSLock()
  private var owner: Int? = nil

  /// True for the first caller only, which becomes the owner.
  func claim(by thread: Int) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    if owner != nil { return false }
    owner = thread
    return true
  }

  /// The thread that took the job, if any (for the timing lines).
  var claimedBy: Int? {
    lock.lock()
    defer { lock.unlock() }
    return owner
  }
}

/// What the two threads of `DatasetLoader.load` read: population.csv on one, the run period
/// and cases.csv on the other, and resources.csv on whichever finishes first.
private struct LoadSlots: @unchecked Sendable {
  // Safe: thread 0 writes only `population`, thread 1 only `period` and `cases`, and
  // `resources` is written by the one thread that claimed it; the reads happen after
  // concurrentPerform has joined both threads.
  struct Slots {
    var population: (Result<(PopulationData, CSVReadSummary), ChiikiError>, DiagnosticLog, String)? = nil
    var period: (Result<Period?, ChiikiError>, DiagnosticLog)? = nil
    var cases: (Result<(CaseData, CSVReadSummary), ChiikiError>, DiagnosticLog, String)? = nil
    var resources: (Result<([Resource], CSVReadSummary), ChiikiError>, DiagnosticLog, String)? = nil
  }
  let pointer: UnsafeMutablePointer<Slots>

  init() {
    pointer = .allocate(capacity: 1)
    pointer.initialize(to: Slots())
  }

  func free() {
    pointer.deinitialize(count: 1)
    pointer.deallocate()
  }
}

/// Reads an external reference-rate file: `indicator, sex, age_group, rate` (rate as a proportion).
public enum ReferenceRatesLoader {
  public static let schema = TableSchema(file: "reference_rates.csv", required: ["indicator", "sex", "age_group", "rate"])

  public static func load(path: String, log: inout DiagnosticLog) throws(ChiikiError) -> [IndicatorID: [Sex: [AgeBand: Double]]] {
    var rates: [IndicatorID: [Sex: [AgeBand: Double]]] = [:]
    var named = schema
    named.file = (path as NSString).lastPathComponent
    _ = try readTable(path: path, schema: named, encoding: nil, log: &log) { row, log in
      guard let indicator = row.requiredText("indicator", &log), let s = row.sex(allowUnknown: false, &log), let sex = s,
        let b = row.ageBand(allowUnknown: false, &log), let band = b, let text = row.requiredText("rate", &log)
      else { return }
      guard let rate = Double(text), rate >= 0, rate <= 1 else {
        row.error("rate", "rate '\(text)' must be a proportion between 0 and 1", &log)
        return
      }
      rates[IndicatorID(indicator), default: [:]][sex, default: [:]][band] = rate
    }
    return rates
  }
}

/// Checks across files, after each file has been read on its own.
enum DatasetChecks {
  static func run(statistics: StatisticsData, cases: CaseData, runPeriod: Period, log: inout DiagnosticLog) {
    // (Not after statistics.csv's own errors, e.g. an empty file: that is the message to act on.)
    if statistics.grids.isEmpty && !log.errors.contains(where: { $0.file == "statistics.csv" }) {
      log.add(Diagnostic(.error, file: "statistics.csv", "no statistics apply to the run period \(runPeriod): every row is after it, or the file has no rows"))
    }
    for indicator in statistics.indicators where statistics.periods(of: indicator, notAfter: runPeriod).current == nil {
      log.add(Diagnostic(.warning, file: "statistics.csv", "\(indicator) has no period up to \(runPeriod); it is left out"))
    }
    if let overlap = AgeBanding.overlap(in: cases.bands.bands) {
      let at = [overlap.0, overlap.1].compactMap { cases.bands.index(of: $0) }.compactMap {
        $0 < cases.bandFirstSeen.count ? cases.bandFirstSeen[$0] : nil
      }.max { $0.line < $1.line }
      log.add(Diagnostic(.error, file: "cases.csv", line: at?.line, column: at?.column, "age bands \(overlap.0) and \(overlap.1) overlap; each age must fall in one band"))
    }
    if statistics.rowsAfterRun > 0 {
      log.add(Diagnostic(.note, file: "statistics.csv", "\(statistics.rowsAfterRun) rows are after the run period \(runPeriod) and were not used"))
    }
    if cases.rowsAfterRun > 0 {
      log.add(Diagnostic(.note, file: "cases.csv", "\(cases.rowsAfterRun) rows are after the run period \(runPeriod) and were not used"))
    }
    for (indicator, n) in statistics.suppressedCells.sorted(by: { $0.key < $1.key }) where n > 0 {
      log.add(Diagnostic(.warning, file: "statistics.csv", "\(indicator): \(n) suppressed or unavailable cells (X, …, empty) were left out of both observed and expected counts"))
    }
    if cases.unknownSexConsultations > 0 || cases.unknownAgeConsultations > 0 {
      log.add(Diagnostic(.note, file: "cases.csv", "consultations with unknown sex: \(cases.unknownSexConsultations), unknown age: \(cases.unknownAgeConsultations) in the window; they count in district totals but not in segments"))
    }
    let windowTotal = cases.windowConsultations.reduce(0) { $0 + Int($1) }
    if windowTotal == 0 {
      log.add(Diagnostic(.warning, file: "cases.csv", "no consultations in the \(cases.windowMonths) months ending \(runPeriod); reach cannot be judged"))
    } else {
      let last = (cases.monthsKept - 1) * cases.districtCount
      let runMonth = cases.monthly[last..<(last + cases.districtCount)].reduce(0) { $0 + Int($1) }
      if runMonth == 0 {
        log.add(Diagnostic(.warning, file: "cases.csv", "no consultations in \(runPeriod), the run period; the \(windowTotal) consultations of the \(cases.windowMonths) months ending then are used"))
      }
    }
  }
}
