import ArgumentParser
import Chiiki

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Analyse the data folder and write the month's report folder (all files or none).")

  @OptionGroup var input: InputOptions

  @Option(name: .long, help: "Output folder. Default: reports/<period>.")
  var out: String?

  @Option(name: .long, help: "Leaflet budget for this month (overrides the configuration).")
  var leaflets: Int?

  @Option(name: .long, help: "Report language: ja (default) or en.")
  var lang: String?

  func run() throws {
    var options: LoadOptions
    do { options = try input.loadOptions() } catch let e as ValidationError { throw e } catch { throw Failure.exit(error) }
    if let leaflets {
      guard leaflets >= 0 else { throw ValidationError("--leaflets must be 0 or more") }
      options.configuration.leafletBudget = leaflets
    }
    if let lang {
      guard let l = ReportLanguage(rawValue: lang) else { throw ValidationError("--lang must be ja or en, not '\(lang)'") }
      options.configuration.language = l
    }
    MemoryTuning.configure()
    do {
      var runOptions = RunOptions(load: options, outputDirectory: out)
      // The process ends right after the report: the dataset and analysis are not freed first.
      runOptions.handsBackMemory = true
      let result = try Pipeline.run(runOptions)
      for line in result.analysis.diagnostics.rendered() where !line.contains(": note: ") { Stderr.write(line) }
      print("wrote \(result.outputDirectory)/: \(result.files.joined(separator: ", "))")
      let plan = result.analysis.leafletPlan
      print("period \(result.analysis.runPeriod), \(result.analysis.districts.count) districts, \(result.analysis.windowConsultations) consultations in the window, \(plan.allocated) of \(plan.budget) leaflets allocated")
      withExtendedLifetime(result) { ExitNow.success() }
    } catch {
      throw Failure.exit(error)
    }
  }
}
