import Foundation
import Testing

@testable import Chiiki

/// Reading statistics.csv in two halves on two threads must give exactly the outputs of a
/// single-threaded read: every file but the manifest (which holds the run time) byte for byte.
@Suite("Scale determinism")
struct ScaleDeterminismTests {
  /// Renders every output of a run of `directory` with the given parallelism.
  func outputs(_ directory: String, _ parallelism: ReadParallelism) throws -> [String: [UInt8]] {
    var options = LoadOptions(dataDirectory: directory)
    options.parallelism = parallelism
    let dataset = try DatasetLoader.load(options)
    let analysis = try Analyzer.analyze(dataset, configuration: options.configuration)
    var files: [String: [UInt8]] = [:]
    for file in Pipeline.render(analysis, dataset: dataset) { files[file.name] = file.bytes }
    let manifestInputs = dataset.inputs.map { "\($0.name) \($0.sha256) \($0.bytes) \($0.rows)" }
    files["inputs"] = Array(manifestInputs.joined(separator: "\n").utf8)
    files["diagnostics"] = Array(dataset.diagnostics.rendered().joined(separator: "\n").utf8)
    return files
  }

  @Test("a generated city gives the same bytes with the two-half read forced off and on")
  func splitReadMatchesSingleThread() throws {
    let city = try GeneratedCity(CityGenerator.Options(districts: 300, areas: 4, seed: 11, caseMonths: 24))
    defer { city.remove() }
    let single = try outputs(city.directory, .off)
    let split = try outputs(city.directory, .always)
    #expect(single.keys.sorted() == split.keys.sorted())
    #expect(single.count >= 6)
    for (name, bytes) in single {
      #expect(split[name] == bytes, "\(name) differs between the single-threaded and the two-half read")
    }
  }

  @Test("a split point inside a quoted field is detected and the file is read as one")
  func splitInsideQuotedFieldFallsBack() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chiiki-scale-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // One long quoted cell with many line breaks spans the middle of the file.
    let note = (0..<400).map { "line \($0)" }.joined(separator: "\n")
    var text = "period,district_code,sex,age_group,indicator,numerator,denominator,note\n"
    text += "2026,A,male,15-19,unemployment,1,10,\"\(note)\"\n"
    text += "2026,A,female,15-19,unemployment,x1,10,\n"  // an error after the quoted field
    try text.write(toFile: dir + "/statistics.csv", atomically: true, encoding: .utf8)
    let districts = DistrictTable([District(code: DistrictCode("A"), name: "A")])
    func load(_ p: ReadParallelism) throws -> (StatisticsData, [String]) {
      var log = DiagnosticLog()
      let (data, _) = try StatisticsLoader.load(
        path: dir + "/statistics.csv", districts: districts, population: nil, runPeriod: Period(year: 2026, month: 10),
        configuration: Configuration(), encoding: nil, log: &log, parallelism: p)
      return (data, log.rendered())
    }
    let (single, singleLog) = try load(.off)
    let (split, splitLog) = try load(.always)
    #expect(single.rows == 1)
    #expect(split.rows == single.rows)
    #expect(splitLog == singleLog)
    #expect(singleLog.contains { $0.hasPrefix("statistics.csv:402:6: error:") })
  }

  @Test("diagnostics of the second half keep their exact line numbers and order")
  func secondHalfDiagnosticsKeepLines() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chiiki-scale-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var text = "period,district_code,sex,age_group,indicator,numerator,denominator\n"
    for i in 0..<2_000 {
      let bad = i % 250 == 7
      let age = (i / 2) % 100
      text += "2026,A,\(i % 2 == 0 ? "male" : "female"),\(age)-\(age),ind\(i / 200),\(bad ? "oops" : "1"),10\n"
    }
    text += "2026,B,male,0-0,ind,1,10\n"  // unknown district at the very end
    try text.write(toFile: dir + "/statistics.csv", atomically: true, encoding: .utf8)
    let districts = DistrictTable([District(code: DistrictCode("A"), name: "A")])
    func load(_ p: ReadParallelism) throws -> [String] {
      var log = DiagnosticLog(limit: 100)
      _ = try StatisticsLoader.load(
        path: dir + "/statistics.csv", districts: districts, population: nil, runPeriod: Period(year: 2026, month: 10),
        configuration: Configuration(), encoding: nil, log: &log, parallelism: p)
      return log.rendered()
    }
    let single = try load(.off)
    let split = try load(.always)
    #expect(split == single)
    #expect(single.count == 9)
    #expect(single.contains { $0.hasPrefix("statistics.csv:1759:6: error:") })  // row i = 1757, in the second half
    #expect(single.last?.hasPrefix("statistics.csv:2002:2: error:") == true)
  }
}
