import ArgumentParser
import Chiiki

struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Print the configuration in effect (or a commented example chiiki.toml).")

  @Flag(name: .long, help: "Print a commented example chiiki.toml with every key at its default.")
  var example = false

  @Option(name: .long, help: "Configuration file to read (default: none, i.e. the built-in defaults).")
  var config: String?

  func run() throws {
    if example {
      print(ConfigurationLoader.exampleTOML, terminator: "")
      return
    }
    do {
      let configuration = try config.map { try ConfigurationLoader.load(path: $0) } ?? Configuration()
      print(ConfigurationLoader.render(configuration), terminator: "")
    } catch {
      throw Failure.exit(error)
    }
  }
}
