import Foundation

@testable import Chiiki

/// Paths of the import fixtures, temporary files, and the real-file imports shared by the
/// tests (each is read once: the Osaka table takes a few seconds in a debug build).
enum ImportFixtures {
  static func path(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("import/\(name)").path
  }

  /// Writes `text` (UTF-8) to a new temporary file and returns its path.
  static func temporaryFile(_ text: String, name: String = "input.csv") -> String {
    let dir = URL(fileURLWithPath: TestScratch.folder("import"))
    let url = dir.appendingPathComponent(name)
    try! Data(text.utf8).write(to: url)
    return url.path
  }

  static let meguro: Result<ImportedPopulation, ChiikiError> = Result { () throws(ChiikiError) in
    try JukiImporter.read(path: path("131105_population_20170401_meguro.csv"))
  }

  static let osaka: Result<ImportedPopulation, ChiikiError> = Result { () throws(ChiikiError) in
    try EStatImporter.read(path: path("tblT001082C27_osaka_2020_smallarea_age.csv"))
  }

  static let synthetic: Result<ImportedPopulation, ChiikiError> = Result { () throws(ChiikiError) in
    try EStatImporter.read(path: path("synthetic_estat_miyagi.csv"))
  }

  /// The error's text, or "" if the call succeeded.
  static func errorText<T>(_ body: () throws(ChiikiError) -> T) -> String {
    do {
      _ = try body()
      return ""
    } catch {
      return error.description
    }
  }
}

extension ImportedPopulation {
  /// Population of one cell, for assertions: .some(nil) = suppressed, nil = no such row.
  func cell(_ code: String, _ sex: Sex, _ band: String) -> Int?? {
    cells.first { $0.districtCode == code && $0.sex == sex && $0.band.description == band }.map(\.population)
  }

  func district(_ code: String) -> ImportedDistrict? { districts.first { $0.code == code } }
}
