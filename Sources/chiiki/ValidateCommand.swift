import ArgumentParser
import Chiiki

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check the data folder against the data contract and print a summary; writes nothing.")

  @OptionGroup var input: InputOptions

  func run() throws {
    let options: LoadOptions
    do { options = try input.loadOptions() } catch let e as ValidationError { throw e } catch { throw Failure.exit(error) }
    MemoryTuning.configure()
    do {
      let dataset = try DatasetLoader.load(options)
      print(ValidationSummary.render(dataset))
      for line in dataset.diagnostics.rendered() { Stderr.write(line) }
    } catch {
      throw Failure.exit(error)
    }
  }
}
