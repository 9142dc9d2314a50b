import Foundation
import Testing

@testable import Chiiki

/// cases.csv read once without a run period must give what the two passes gave (the latest
/// month, then the cases for it): the same `CaseData`, the same diagnostics, whatever the order
/// of the months in the file.
@Suite struct OnePassCasesTests {
  /// A deterministic shuffle (a fixed LCG), so failures reproduce.
  func shuffled(_ lines: [String], seed: UInt64) -> [String] {
    var out = lines
    var state = seed
    for i in stride(from: out.count - 1, to: 0, by: -1) {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      out.swapAt(i, Int(state >> 33) % (i + 1))
    }
    return out
  }

  /// `months` months of rows from 2023-01 for `districts` districts, some with unknown sex or
  /// age, a few bad rows and one duplicate, in the given order.
  func casesText(districts: Int, months: Int, order: String) -> [String] {
    let bands = ["0-14", "15-39", "40-64", "65+", "unknown"]
    let categories = ["就労", "住まい", "債務"]
    var rows: [String] = []
    for m in 0..<months {
      let period = Period(year: 2023, month: 1).adding(months: m)
      for d in 0..<districts where (d * 7 + m * 3) % 5 != 0 {
        let sex = ["male", "female", "unknown"][(d + m) % 3]
        let band = bands[(d * 3 + m) % bands.count]
        let category = categories[(d + 2 * m) % categories.count]
        let consultations = 1 + (d * 13 + m * 7) % 9
        let referrals = consultations / 2
        rows.append("\(period),D\(d),\(sex),\(band),\(category),\(consultations),\(referrals),\(referrals / 2)")
      }
    }
    rows.append("2024-02,D1,male,15-39,就労,x,1,0")  // bad count
    rows.append("2024-13,D1,male,15-39,就労,1,1,0")  // impossible month
    rows.append(rows[3])  // a duplicate cell
    switch order {
    case "descending": rows.reverse()
    case "shuffled": rows = shuffled(rows, seed: 42)
    default: break
    }
    return ["period,district_code,sex,age_group,category,consultations,referrals,exits"] + rows
  }

  func districts(_ n: Int) -> DistrictTable {
    DistrictTable((0..<n).map { District(code: DistrictCode("D\($0)"), name: "町\($0)", area: "圏域\($0 % 3)") })
  }

  /// Everything `CaseData` holds, as text, for one comparison.
  static func summary(_ c: CaseData) -> [String] {
    [
      "\(c.runPeriod) \(c.windowMonths) \(c.monthsKept) \(c.hasReferrals) \(c.hasExits)",
      "\(c.rows) \(c.rowsAfterRun) \(c.rowsBeforeKept) \(c.consultationsBeforeKept) \(c.unknownSexConsultations) \(c.unknownAgeConsultations)",
      c.categories.map(\.rawValue).joined(separator: ","), c.bands.bands.map(\.description).joined(separator: ","),
      c.bandFirstSeen.map { "\($0.line):\($0.column ?? 0)" }.joined(separator: ","),
      "\(c.monthly)", "\(c.windowConsultations)", "\(c.windowReferrals)", "\(c.windowExits)",
      "\(c.windowBySegment)", "\(c.windowUnknownAge)", "\(c.cityMonthlyByCategory)",
      "\(c.areaMonthlyReferrals)", "\(c.areaMonthlyExits)", "\(c.areaMonthlyConsultations)",
    ]
  }

  /// Reads `rows` (header first) with the one-pass loader and with the two-pass one (latest
  /// month first, then the cases), expects the same cases and diagnostics, and returns the
  /// two-pass result and log for further checks.
  func readBothWays(_ rows: [String], districtCount: Int, _ comment: Comment? = nil) throws -> (CaseData, DiagnosticLog) {
    let dir = TempDir()
    defer { dir.remove() }
    let path = dir.write("cases.csv", rows.joined(separator: "\n") + "\n")
    let table = districts(districtCount)
    var twoPassLog = DiagnosticLog()
    let latest = try #require(try CasesLoader.latestPeriod(path: path, encoding: nil))
    let (twoPass, _) = try CasesLoader.load(path: path, districts: table, runPeriod: latest, windowMonths: 12, encoding: nil, log: &twoPassLog)
    var onePassLog = DiagnosticLog()
    let one = try CasesLoader.loadFindingPeriod(path: path, districts: table, windowMonths: 12, encoding: nil, log: &onePassLog)
    #expect(one.latest == latest)
    let onePass = try #require(one.cases)
    #expect(Self.summary(onePass) == Self.summary(twoPass), comment)
    #expect(onePassLog.rendered() == twoPassLog.rendered())
    return (twoPass, twoPassLog)
  }

  func compare(districtCount: Int, months: Int, order: String) throws {
    let rows = casesText(districts: districtCount, months: months, order: order)
    let (_, twoPassLog) = try readBothWays(rows, districtCount: districtCount, "\(order), \(months) months")
    #expect(twoPassLog.errorCount == 3)
  }

  @Test(arguments: ["ascending", "descending", "shuffled"])
  func sameAsTwoPasses(order: String) throws {
    // 30 months: the first 6 fall before the 24 kept months.
    try compare(districtCount: 40, months: 30, order: order)
  }

  @Test(arguments: ["ascending", "shuffled"])
  func sameAsTwoPassesWhenTheBufferIsCompacted(order: String) throws {
    // Over 65,536 buffered rows, so that rows before the kept months are dropped while reading.
    try compare(districtCount: 2_500, months: 40, order: order)
  }

  /// Random rows that stress the packed buffer: large counts, more categories and age bands
  /// than its word has room for, months far apart, in random order (random duplicates too).
  func randomCasesText(seed: UInt64, rows: Int) -> [String] {
    var state = seed
    func next(_ n: Int) -> Int { Int(splitMix(&state) % UInt64(n)) }
    var out = ["period,district_code,sex,age_group,category,consultations,referrals,exits"]
    for _ in 0..<rows {
      let far = next(50) == 0
      let period = Period(year: 2026, month: 1).adding(months: far ? -next(400) : -next(30))
      let big = next(20) == 0
      let consultations = big ? next(5_000_000) : next(6)
      let referrals = big ? next(consultations + 1) : min(consultations, next(3))
      let exits = next(referrals + 1)
      let band = next(10) == 0 ? "\(next(90))-\(next(90))" : ["0-14", "15-39", "40-64", "65+", "unknown"][next(5)]
      let category = next(10) == 0 ? "分類\(next(400))" : ["就労", "住まい", "債務"][next(3)]
      out.append("\(period),D\(next(60)),\(["male", "female", "unknown"][next(3)]),\(band),\(category),\(consultations),\(referrals),\(exits)")
    }
    return out
  }

  @Test(arguments: [UInt64(7), 8, 9])
  func sameAsTwoPassesOnRandomRowsThatDoNotAllPack(seed: UInt64) throws {
    let (twoPass, _) = try readBothWays(randomCasesText(seed: seed, rows: 30_000), districtCount: 60)
    #expect(twoPass.bands.count > 20 && twoPass.categories.count > 100)
    #expect(twoPass.rowsBeforeKept > 0)
  }

  @Test func noMonthKeepsTheTableDiagnostics() throws {
    let dir = TempDir()
    defer { dir.remove() }
    let path = dir.write("cases.csv", "period,district_code,sex\n2026-01,D1\n")
    var log = DiagnosticLog()
    let one = try CasesLoader.loadFindingPeriod(path: path, districts: districts(2), windowMonths: 12, encoding: nil, log: &log)
    var periodLog = DiagnosticLog()
    let latest = try CasesLoader.latestPeriod(path: path, encoding: nil, log: &periodLog)
    #expect(one.latest == nil && latest == nil)
    #expect(one.tableLog.rendered() == periodLog.rendered())
    #expect(one.tableLog.hasErrors)
  }
}
