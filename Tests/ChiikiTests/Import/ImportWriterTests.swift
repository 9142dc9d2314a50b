import Foundation
import Testing

@testable import Chiiki

@Suite struct ImportWriterTests {
  static func sample() -> ImportedPopulation {
    let band = AgeBand(lower: 0, upper: 4)
    return ImportedPopulation(
      period: Period(year: 2020, month: nil),
      districts: [ImportedDistrict(code: "011000010", name: "=甲,町", area: "市", households: 7, line: 3)],
      cells: [PopulationCell(districtCode: "011000010", sex: .male, band: band, population: 3),
              PopulationCell(districtCode: "011000010", sex: .female, band: band, population: nil)],
      summary: ImportSummary(format: "test", file: "t", encoding: .utf8, period: Period(year: 2020, month: nil), periodSource: "test"),
      diagnostics: DiagnosticLog())
  }

  @Test func suppressedCellsAreWrittenAsXOrLeftOut() {
    let x = ImportWriter.populationCSV(Self.sample(), suppressed: .x).text
    #expect(x == "\u{FEFF}period,district_code,sex,age_group,population\r\n2020,011000010,male,0-4,3\r\n2020,011000010,female,0-4,X\r\n")
    let omitted = ImportWriter.populationCSV(Self.sample(), suppressed: .omit).text
    #expect(!omitted.contains("female"))
  }

  @Test func districtsAreFormulaSafeAndBothFilesAreWritten() throws {
    let dir = URL(fileURLWithPath: ImportFixtures.temporaryFile("")).deletingLastPathComponent()
    let pop = dir.appendingPathComponent("population.csv").path
    let dis = dir.appendingPathComponent("districts.csv").path
    try ImportWriter.write(Self.sample(), populationPath: pop, districtsPath: dis)
    // Compared as bytes: Foundation's String(contentsOfFile:) drops a BOM on some platforms.
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dis)))
    #expect(bytes == Array("\u{FEFF}district_code,district_name,area,households\r\n011000010,\"'=甲,町\",市,7\r\n".utf8))
    #expect(FileManager.default.fileExists(atPath: pop))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix("chiiki-tmp") }.isEmpty)
  }

  @Test func anUnwritableDestinationLeavesNothingBehind() throws {
    let dir = URL(fileURLWithPath: ImportFixtures.temporaryFile("")).deletingLastPathComponent()
    let pop = dir.appendingPathComponent("population.csv").path
    let text = ImportFixtures.errorText { () throws(ChiikiError) in
      try ImportWriter.write(Self.sample(), populationPath: pop, districtsPath: "/nonexistent-dir/districts.csv")
    }
    #expect(text.contains("/nonexistent-dir/districts.csv: error: cannot create"))
    #expect(!FileManager.default.fileExists(atPath: pop))
    #expect(!FileManager.default.fileExists(atPath: pop + ".chiiki-tmp"))
  }
}
