import Foundation

@testable import Chiiki

/// A generated city in a fresh temporary folder, read back as rows for checking.
struct GeneratedCity {
  let directory: String
  let generator: CityGenerator
  let summary: SampleSummary

  init(_ options: CityGenerator.Options) throws {
    directory = TestScratch.folder("sample")
    generator = try CityGenerator(options: options)
    summary = try generator.write(to: directory)
  }

  func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

  func bytes(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path(name))) }

  /// Header and rows of a generated file (the generator writes no quoted cells except where a
  /// value needs it, which the sample's values never do).
  func table(_ name: String) throws -> (header: [String], rows: [[String: String]]) {
    let text = try String(contentsOfFile: path(name), encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    let header = lines.first.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
    let rows = lines.dropFirst().map { line -> [String: String] in
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      var row: [String: String] = [:]
      for (i, column) in header.enumerated() where i < cells.count { row[column] = cells[i] }
      return row
    }
    return (header, rows)
  }

  func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
