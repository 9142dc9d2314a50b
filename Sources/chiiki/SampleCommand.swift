import ArgumentParser
import Chiiki

/// `chiiki sample`: writes a deterministic fictional city in the data contract's formats.
struct SampleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sample",
    abstract: "Generate a deterministic fictional city (districts, population, statistics, cases, resources).",
    discussion: """
      The same options always give byte-identical files. `chiiki sample --districts 40 --seed 2026 --out data`
      makes the embedded default city; `--districts 220000` makes national-scale benchmark input.
      The planted truth (true need, reach) is written only with --truth, and should be kept out of the data folder.
      """
  )

  @Option(help: "Number of districts (町丁目).")
  var districts: Int = 40

  @Option(help: "Number of areas (日常生活圏域).")
  var areas: Int = 4

  @Option(help: "Random seed.")
  var seed: UInt64 = 2026

  @Option(help: "Last month of cases, e.g. 2026-10 (statistics: the latest April not after it, and a year earlier).")
  var end: String = "2026-10"

  @Option(help: "Months of cases ending with --end.")
  var months: Int = 24

  @Option(help: "New consultations per 100,000 population per month.")
  var rate: Double = 26

  @Option(help: "Output folder.")
  var out: String = "sample-city"

  @Option(help: "Also write the planted truth (CSV) to this file; keep it out of the data folder.")
  var truth: String?

  @Flag(help: "Do not write resources.csv.")
  var noResources = false

  @Flag(help: "Write statistics and population for the current period only (no previous year, so no trends).")
  var noPreviousYear = false

  @Flag(help: "Print nothing on success.")
  var quiet = false

  func run() throws {
    let endPeriod: Period
    do {
      endPeriod = try Period.parse(end)
    } catch {
      throw ValidationError("cannot read --end \(end): use a month such as 2026-10")
    }
    let options = CityGenerator.Options(
      districts: districts, areas: areas, seed: seed, endPeriod: endPeriod, caseMonths: months,
      includeResources: !noResources, includePreviousYear: !noPreviousYear, consultationsPer100k: rate)
    let generator: CityGenerator
    do {
      generator = try CityGenerator(options: options)
    } catch {
      throw ValidationError(error.description)
    }
    let summary = try generator.write(to: out)
    if let truth { try generator.writeTruth(to: truth) }
    guard !quiet else { return }
    print("wrote \(out): \(summary.districts) districts, population \(summary.population)")
    for file in summary.files {
      print("  \(file.name): \(file.rows) rows, \(file.bytes) bytes")
    }
    let perMonth = (summary.consultationsPerMonth * 10).rounded() / 10
    let per100k = (summary.consultationsPer100kPerMonth * 10).rounded() / 10
    print("  consultations: \(summary.consultations) over \(summary.caseMonths) months (\(perMonth)/month, \(per100k) per 100,000/month)")
    if let truth { print("  truth: \(truth)") }
  }
}
