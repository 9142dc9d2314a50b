import ArgumentParser
import Chiiki

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `chiiki import`: turns the files centres download into population.csv (and districts.csv).
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Turn downloaded population tables into population.csv and districts.csv.",
    subcommands: [Juki.self, EStat.self]
  )

  /// Options both importers share.
  struct Common: ParsableArguments {
    @Option(name: .long, help: "Where to write population.csv.")
    var out: String = "population.csv"

    @Option(name: .long, help: "Also write districts.csv here (code, name, area, households).")
    var districts: String?

    @Option(name: .long, help: "Encoding of the input: utf-8 or cp932 (default: detected).")
    var encoding: String?

    @Option(name: .long, help: "Suppressed (X) cells: 'x' writes the row with X (read as missing), 'omit' leaves it out.")
    var suppressed: String = "x"

    @Flag(name: .long, help: "Also print notes (unused columns, unknown-age persons per district).")
    var verbose = false

    func parsedEncoding() throws(ChiikiError) -> InputEncoding? {
      guard let encoding else { return nil }
      guard let e = InputEncoding(name: encoding) else { throw .usage("--encoding \(encoding): use utf-8 or cp932") }
      return e
    }

    func parsedPolicy() throws(ChiikiError) -> SuppressedCellPolicy {
      guard let p = SuppressedCellPolicy(rawValue: suppressed.lowercased()) else {
        throw .usage("--suppressed \(suppressed): use x or omit")
      }
      return p
    }

    /// Writes the files and prints the diagnostics (stderr) and the summary (stdout).
    func finish(_ imported: ImportedPopulation, policy: SuppressedCellPolicy) throws(ChiikiError) {
      for d in imported.diagnostics.shown where verbose || d.severity != .note {
        printError(d.description)
      }
      let log = imported.diagnostics
      if !verbose && log.noteCount > 0 { printError("(\(log.noteCount) notes; --verbose shows them)") }
      if log.warningCount > log.limit { printError("… and \(log.warningCount - log.limit) more warnings") }
      try ImportWriter.write(imported, populationPath: out, districtsPath: districts, suppressed: policy)
      for line in imported.summary.lines() { print(line) }
      let how = policy == .x ? "written as X" : "left out"
      print("  wrote:             \(out) (\(imported.cells.count - (policy == .omit ? imported.summary.suppressedCellsWritten : 0)) rows; suppressed cells \(how))"
        + (districts.map { ", \($0) (\(imported.districts.count) rows)" } ?? ""))
    }
  }

  struct Juki: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import a 住民基本台帳「地域・年齢別人口」 open-data CSV (自治体標準オープンデータセット).")

    @Argument(help: "The downloaded CSV (UTF-8 or CP932).")
    var file: String

    @Option(name: .long, help: "Period to write, e.g. 2017-04 (default: from 調査年月日).")
    var period: String?

    @OptionGroup var common: Common

    func run() throws {
      try runReportingErrors { () throws(ChiikiError) in
        let options = JukiImportOptions(period: try parsePeriod(period), encoding: try common.parsedEncoding())
        let policy = try common.parsedPolicy()
        try common.finish(try JukiImporter.read(path: file, options: options), policy: policy)
      }
    }
  }

  struct EStat: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "estat",
      abstract: "Import an e-Stat 国勢調査 小地域集計 age-by-sex table (e.g. tblT001082C27.txt).")

    @Argument(help: "The table from the downloaded zip (CP932).")
    var file: String

    @Option(name: .long, help: "Keep only this 市区町村: a 5-digit code or a name such as 大阪市 (repeatable).")
    var city: [String] = []

    @Option(name: .long, help: "Period to write (default: the census year, e.g. 2020).")
    var period: String?

    @OptionGroup var common: Common

    func run() throws {
      try runReportingErrors { () throws(ChiikiError) in
        let options = EStatImportOptions(period: try parsePeriod(period), cities: city, encoding: try common.parsedEncoding())
        let policy = try common.parsedPolicy()
        try common.finish(try EStatImporter.read(path: file, options: options), policy: policy)
      }
    }
  }
}

/// Parses a --period value, or nil when none was given.
private func parsePeriod(_ text: String?) throws(ChiikiError) -> Period? {
  guard let text else { return nil }
  do {
    return try Period.parse(text)
  } catch {
    throw .usage("--period \(text): write it as 2017-04, 2017 or 令和2年")
  }
}

/// Runs `body`; a ChiikiError is printed to stderr and ends the command with status 1.
private func runReportingErrors(_ body: () throws(ChiikiError) -> Void) throws {
  do {
    try body()
  } catch {
    printError(error.description)
    throw ExitCode(1)
  }
}

private func printError(_ text: String) {
  let line = Array((text + "\n").utf8)
  _ = line.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
}
