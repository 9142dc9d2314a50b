import Foundation

@testable import Chiiki

/// Loads and analyses a fixture city the way `Pipeline.run` does, without writing files.
enum ResourceFixture {
  static func analyse(_ directory: String, language: ReportLanguage = .ja) throws -> (Analysis, Dataset) {
    var configuration = Configuration()
    configuration.language = language
    let dataset = try DatasetLoader.load(LoadOptions(dataDirectory: directory, configuration: configuration))
    var analysis = try Analyzer.analyze(dataset, configuration: configuration)
    ResourceAnalyzer.attach(to: &analysis, dataset: dataset)
    return (analysis, dataset)
  }

  static func resources(language: ReportLanguage = .ja) throws -> (Analysis, Dataset) {
    try analyse(Fixtures.path("resources"), language: language)
  }

  static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
  }
}
