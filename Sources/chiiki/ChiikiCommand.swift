import ArgumentParser
import Chiiki

@main
struct ChiikiCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chiiki",
    abstract: "Small-area need, reach and outreach planning for consultation-support centres (相談支援センター).",
    subcommands: [RunCommand.self, ValidateCommand.self, ImportCommand.self, ConfigCommand.self, SampleCommand.self],
    defaultSubcommand: RunCommand.self
  )
}
