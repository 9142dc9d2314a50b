import Foundation
import Testing

@testable import Chiiki

/// The hot path of the population read (`PopulationAccumulator.consumeKnown` with
/// `PopulationKeyMemo`) against the checked path alone on random files full of the cases the hot
/// path must hand over: suppressed and odd counts, overflowing counts, duplicate cells, periods
/// that come back, other spellings of a period, unknown districts, bad sexes and bands, spans
/// longer than the memo keeps, and the key columns in the other order or apart. Cells, counts
/// and every diagnostic (with its line and column) must be the same.
@Suite struct PopulationHotPathTests {
  /// A random population.csv in the given column order.
  static func randomFile(_ seed: UInt64, columns: [String]) -> String {
    var rng = seed
    func pick<T>(_ xs: [T]) -> T { xs[Int(splitMix(&rng) % UInt64(xs.count))] }
    func chance(_ p: Double) -> Bool { splitMixUniform(&rng) < p }
    let codes = HotPathFixtures.codes
    let bands = ["0-14", "15-19", "20-64", "65+", "15〜19歳", "100歳以上"]
    var lines: [[String: String]] = []
    for period in ["2025-04", "2026-04", "2025-04", "2026-05"] {
      for code in codes {
        for sex in ["male", "female", "女"] {
          for band in bands {
            var row = ["period": period, "district_code": code, "sex": sex, "age_group": band]
            var value = String(splitMix(&rng) % 400)
            if chance(0.02) { value = String(70_000 + splitMix(&rng) % 100_000) }  // overflow codes
            if chance(0.03) { value = pick(["X", "", "…", "-", "1,234", " 12", "-3", "12a", "123456789", "1234567890"]) }
            row["population"] = value
            if chance(0.01) { row["sex"] = pick(["男", "F", "unknown", "x"]) }
            if chance(0.01) { row["age_group"] = pick(["bad", "85+", "15-24"]) }
            if chance(0.01) { row["district_code"] = pick(["Z999", "D0001", ""]) }
            if chance(0.005) { row["period"] = pick(["2026/04", "bad", "2026-13", "2026-4"]) }
            lines.append(row)
            if chance(0.01) { lines.append(row) }  // a duplicate cell
          }
        }
      }
    }
    return shuffledCSVText(columns: columns, rows: lines, rng: &rng)
  }

  /// What a read gives: the population, and the log.
  static func read(_ path: String, checkedOnly: Bool) throws -> (PopulationData, [String]) {
    let districts = HotPathFixtures.districts()
    var acc = PopulationAccumulator(districts: districts, codes: DistrictByteIndex(districts))
    acc.checkedPathOnly = checkedOnly
    var log = DiagnosticLog(limit: 1_000_000)
    _ = try readTable(path: path, schema: PopulationLoader.schema, encoding: nil, log: &log, into: &acc)
    let data = acc.finish()
    return (data, log.shown.map(\.description) + ["errors \(log.errorCount) warnings \(log.warningCount)"])
  }

  static func cells(_ data: PopulationData) -> [String] {
    var out = ["rows \(data.rows) missing \(data.missingCells) bands \(data.bands.bands)"]
    for (period, grid) in data.grids.sorted(by: { $0.key < $1.key }) {
      out.append("\(period) bands \(grid.bandCount) cells \(grid.codes.count) overflow \(grid.overflow.count)")
      for b in 0..<grid.bandCount {
        for sex in Sex.allCases {
          let cells = (0..<grid.districtCount).map { String(grid.value(at: grid.offset(district: $0, sex: sex, band: b))) }
          out.append("\(b) \(sex): \(cells.joined(separator: " "))")
        }
      }
    }
    return out
  }

  @Test(arguments: [
    ["period", "district_code", "sex", "age_group", "population"],
    ["population", "age_group", "sex", "district_code", "period"],
    ["sex", "age_group", "period", "district_code", "population"],
    ["sex", "period", "age_group", "district_code", "population"],
  ])
  func hotPathMatchesCheckedPath(columns: [String]) throws {
    let dir = TempDir()
    defer { dir.remove() }
    for seed in 1...3 as ClosedRange<UInt64> {
      let path = dir.write("population.csv", Self.randomFile(seed &* 7919 &+ UInt64(columns.count), columns: columns))
      let (hot, hotLog) = try Self.read(path, checkedOnly: false)
      let (checked, checkedLog) = try Self.read(path, checkedOnly: true)
      expectSameLines(hotLog, checkedLog)
      #expect(hot.rows > 2000)
      #expect(hotLog.contains { $0.contains("duplicate cell") })
      expectSameLines(Self.cells(hot), Self.cells(checked))
    }
  }
}
