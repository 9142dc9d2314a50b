import Foundation
import Testing

@testable import Chiiki

/// The hot path of the statistics read (`StatisticsAccumulator.consumeKnown` with
/// `CellKeyMemo`, SWAR `CellParsing.plainCount`, the pair layout of `CellColumns`) against the
/// checked path alone on random files full of the cases the hot path must hand over: suppressed
/// and odd counts, zero and empty denominators (population indicators with and without an age
/// range), numerators above denominators, duplicate cells, later periods, unknown districts,
/// bad sexes and bands, spans longer than the memo keeps, and the key columns in other orders
/// or apart. Cells, counts and every diagnostic (with its line and column) must be the same.
@Suite struct StatisticsHotPathTests {
  static let runPeriod = Period(year: 2026, month: 4)

  static func configuration() -> Configuration {
    var c = Configuration()
    for (id, source, lo, hi) in [
      ("given", DenominatorSource.given, nil, nil), ("pop", .population, 15, 64), ("popall", .population, nil, nil),
      ("an_indicator_with_a_name_long_enough_to_pass_the_memo_span", .population, nil, nil),
    ] as [(String, DenominatorSource, Int?, Int?)] {
      c.indicators[IndicatorID(id)] = IndicatorConfig(
        id: IndicatorID(id), labelJa: id, labelEn: id, denominator: source, minAge: lo, maxAge: hi)
    }
    return c
  }

  /// A random statistics.csv in the given column order.
  static func randomFile(_ seed: UInt64, columns: [String]) -> String {
    var rng = seed
    func pick<T>(_ xs: [T]) -> T { xs[Int(splitMix(&rng) % UInt64(xs.count))] }
    func chance(_ p: Double) -> Bool { splitMixUniform(&rng) < p }
    let codes = HotPathFixtures.codes
    let indicators = ["given", "pop", "popall", "an_indicator_with_a_name_long_enough_to_pass_the_memo_span"]
    let bands = ["0-14", "15-19", "20-64", "65+", "15〜19歳"]
    var lines: [[String: String]] = []
    for period in ["2025-04", "2026-04", "2026-05"] {
      for code in codes {
        for indicator in indicators {
          for sex in ["male", "female"] {
            for band in bands {
              var row = ["period": period, "district_code": code, "sex": sex, "age_group": band, "indicator": indicator]
              let denominator = Int(splitMix(&rng) % 300)
              var numerator = denominator == 0 ? 0 : Int(splitMix(&rng) % UInt64(denominator + 1))
              if chance(0.02) { numerator = 70_000 + Int(splitMix(&rng) % 100_000) }  // overflow codes
              row["numerator"] = String(numerator)
              row["denominator"] = indicator == "given" || chance(0.2) ? String(max(denominator, numerator)) : ""
              if chance(0.03) { row["numerator"] = pick(["X", "", "…", "-", "1,234", " 12", "-3", "12a", "123456789", "1234567890"]) }
              if chance(0.03) { row["denominator"] = pick(["X", "0", "", "5", "999999999", "  "]) }
              if chance(0.01) { row["sex"] = pick(["男", "F", "unknown", "x"]) }
              if chance(0.01) { row["age_group"] = pick(["bad", "85+", "15-24"]) }
              if chance(0.01) { row["district_code"] = pick(["Z999", "D0001", ""]) }
              if chance(0.005) { row["period"] = pick(["2026/04", "bad", "2026-13"]) }
              if chance(0.005) { row["indicator"] = pick(["bad id!", "given"]) }
              lines.append(row)
              if chance(0.01) { lines.append(row) }  // a duplicate cell
            }
          }
        }
      }
    }
    return shuffledCSVText(columns: columns, rows: lines, rng: &rng)
  }

  /// What a single-thread read gives: the aggregated data, the rows counted, and the log.
  static func read(_ path: String, checkedOnly: Bool) throws -> (StatisticsData, [String]) {
    let districts = HotPathFixtures.districts()
    var acc = StatisticsAccumulator(
      districts: districts, codes: DistrictByteIndex(districts), configuration: configuration(), runPeriod: runPeriod)
    acc.checkedPathOnly = checkedOnly
    var log = DiagnosticLog(limit: 1_000_000)
    _ = try readTable(path: path, schema: StatisticsLoader.schema, encoding: nil, log: &log, into: &acc)
    let data = acc.finish()
    return (data, log.shown.map(\.description) + ["errors \(log.errorCount) warnings \(log.warningCount)"])
  }

  static func cells(_ data: StatisticsData) -> [String] {
    var out = ["rows \(data.rows) after \(data.rowsAfterRun) bands \(data.bands.bands)"]
    out.append("suppressed \(data.suppressedCells.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })")
    out.append("first seen \(data.bandFirstSeen.map { "\($0.line):\($0.column ?? 0)" })")
    for indicator in data.indicators {
      for (period, grid) in data.grids[indicator]!.sorted(by: { $0.key < $1.key }) {
        out.append("\(indicator) \(period) bands \(grid.bandCount)")
        for b in 0..<grid.bandCount where grid.hasBand(b) {
          for sex in Sex.allCases {
            let cells = (0..<grid.districtCount).map { d -> String in
              let o = grid.offset(district: d, sex: sex, band: b)
              return "\(grid.numerator(at: o))/\(grid.denominator(at: o))"
            }
            out.append("\(b) \(sex): \(cells.joined(separator: " "))")
          }
        }
      }
    }
    return out
  }

  @Test(arguments: [
    ["period", "district_code", "sex", "age_group", "indicator", "numerator", "denominator"],
    ["indicator", "age_group", "sex", "period", "denominator", "district_code", "numerator"],
    ["sex", "period", "age_group", "district_code", "indicator", "numerator", "denominator"],
    ["period", "district_code", "sex", "age_group", "indicator", "numerator"],
  ])
  func hotPathMatchesCheckedPath(columns: [String]) throws {
    let dir = TempDir()
    defer { dir.remove() }
    for seed in 1...3 as ClosedRange<UInt64> {
      let path = dir.write("statistics.csv", Self.randomFile(seed &* 7919 &+ UInt64(columns.count), columns: columns))
      let (hot, hotLog) = try Self.read(path, checkedOnly: false)
      let (checked, checkedLog) = try Self.read(path, checkedOnly: true)
      expectSameLines(hotLog, checkedLog)
      #expect(hot.rows > 1000)
      expectSameLines(Self.cells(hot), Self.cells(checked))
    }
  }

  /// The memo keeps the adjacent key columns only: apart, every row takes the checked path.
  @Test func keyColumnsApartUseTheCheckedPath() throws {
    let dir = TempDir()
    defer { dir.remove() }
    let columns = ["sex", "period", "age_group", "district_code", "indicator", "numerator", "denominator"]
    let path = dir.write("statistics.csv", Self.randomFile(5, columns: columns))
    let (hot, hotLog) = try Self.read(path, checkedOnly: false)
    let (checked, checkedLog) = try Self.read(path, checkedOnly: true)
    expectSameLines(hotLog, checkedLog)
    expectSameLines(Self.cells(hot), Self.cells(checked))
  }

  /// `plainCount` (one word, no branch per digit) against a digit loop on random short cells,
  /// read from a buffer with garbage after the cell.
  @Test func plainCountMatchesDigitLoop() {
    var rng: UInt64 = 20_261_127
    func reference(_ b: [UInt8]) -> Int {
      guard !b.isEmpty, b.count <= 9 else { return -1 }
      var v = 0
      for x in b {
        guard x >= 0x30 && x <= 0x39 else { return -1 }
        v = v * 10 + Int(x - 0x30)
      }
      return v
    }
    for _ in 0..<200_000 {
      let n = Int(splitMix(&rng) % 11)
      var bytes: [UInt8] = []
      for _ in 0..<n {
        let r = splitMix(&rng) % 20
        bytes.append(r < 16 ? UInt8(0x30 + r % 10) : UInt8(truncatingIfNeeded: splitMix(&rng)))
      }
      let buffer = bytes + (0..<16).map { _ in UInt8(truncatingIfNeeded: splitMix(&rng)) }
      let got = buffer.withUnsafeBufferPointer { CellParsing.plainCount(UnsafeBufferPointer(rebasing: $0[0..<n])) }
      #expect(got == reference(bytes), "\(bytes)")
      if got != reference(bytes) { return }
    }
    // Edges: the largest plain values and '/' ':' next to the digits.
    for text in ["0", "9", "99999999", "999999999", "00000007", "/", ":", "1/", "1:"] {
      let bytes = Array(text.utf8)
      let buffer = bytes + [UInt8](repeating: 0x35, count: 16)
      let got = buffer.withUnsafeBufferPointer { CellParsing.plainCount(UnsafeBufferPointer(rebasing: $0[0..<bytes.count])) }
      #expect(got == reference(bytes), "\(text)")
    }
  }
}
