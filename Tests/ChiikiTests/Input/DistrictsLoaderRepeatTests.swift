import Testing

@testable import Chiiki

/// A code declared again keeps pointing at its first line, however many times it repeats
/// (`DistrictsAccumulator` inserts first and puts the first line back on a repeat).
@Suite struct DistrictsLoaderRepeatTests {
  @Test func everyRepeatNamesTheFirstLine() throws {
    let dir = TempDir()
    defer { dir.remove() }
    let path = dir.write(
      "districts.csv",
      "district_code,district_name\n001,一\n002,二\n001,三\n003,四\n001,五\n002,六\n")
    var log = DiagnosticLog()
    let (table, _) = try DistrictsLoader.load(path: path, encoding: nil, log: &log)
    let messages = log.shown.map(\.message)
    #expect(messages == [
      "district_code '001' is declared twice (first at line 2)",
      "district_code '001' is declared twice (first at line 2)",
      "district_code '002' is declared twice (first at line 3)",
    ])
    #expect(table.districts.map(\.name) == ["一", "二", "四"])
    #expect(table.index(of: "003") == 2)
  }
}
