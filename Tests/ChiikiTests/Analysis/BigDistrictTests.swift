import Foundation
import Testing

@testable import Chiiki

/// A district that is a whole city (cells far above the 16-bit codes of `CellGrid`, kept in its
/// overflow table), beside small areas: indicators.csv must give the O, E and ratio computed
/// here from the rows alone, with one indicator's denominators given and the other's filled
/// from population.csv (also above 16 bits for the city).
@Suite struct BigDistrictTests {
  @Test(arguments: [21 as UInt64, 22])
  func aWholeCityAsOneDistrictGivesTheIndependentIndicators(seed: UInt64) throws {
    var state = seed
    let n = 8
    let bands = ["15-39", "40-64", "65-74", "75+"]
    let sexes = ["male", "female"]
    func code(_ d: Int) -> String { "D" + String(100 + d) }
    // District 0 is the city: every cell above 65,535 people, and numerators above it too.
    func people(_ d: Int) -> Int { d == 0 ? 70_000 + Int(splitMix(&state) % 500_000) : 50 + Int(splitMix(&state) % 900) }

    let dir = TempDir()
    defer { dir.remove() }
    var text = "district_code,district_name,area,households\n"
    for d in 0..<n { text += "\(code(d)),町\(d),圏域\(d % 2),\(100 + d)\n" }
    dir.write("districts.csv", text)

    struct Cell { var district: Int; var key: String; var numerator: Int?; var denominator: Int }
    var cells: [String: [Cell]] = ["unemployment": [], "welfare": []]
    var population = "period,district_code,sex,age_group,population\n"
    var statistics = "period,district_code,sex,age_group,indicator,numerator,denominator\n"
    for d in 0..<n {
      for sex in sexes {
        for band in bands {
          let p = people(d)
          population += "2025,\(code(d)),\(sex),\(band),\(p)\n"
          let key = "\(sex)|\(band)"
          // unemployment: its own denominator; welfare: left empty, filled from population.csv.
          let den = d == 0 ? 66_000 + Int(splitMix(&state) % 300_000) : 20 + Int(splitMix(&state) % 500)
          let u = Int(Double(den) * (0.05 + 0.4 * splitMixUniform(&state)))
          let suppressed = d == 0 && sex == "female" && band == "75+"
          cells["unemployment"]!.append(Cell(district: d, key: key, numerator: suppressed ? nil : u, denominator: den))
          statistics += "2026-04,\(code(d)),\(sex),\(band),unemployment,\(suppressed ? "X" : String(u)),\(den)\n"
          let w = Int(Double(p) * (0.01 + 0.3 * splitMixUniform(&state)))
          cells["welfare"]!.append(Cell(district: d, key: key, numerator: w, denominator: p))
          statistics += "2026-04,\(code(d)),\(sex),\(band),welfare,\(w),\n"
        }
      }
    }
    #expect(cells["unemployment"]!.contains { ($0.numerator ?? 0) > 65_535 })
    #expect(cells["welfare"]!.contains { ($0.numerator ?? 0) > 65_535 })
    dir.write("population.csv", population)
    dir.write("statistics.csv", statistics)
    text = "period,district_code,sex,age_group,category,consultations\n"
    for d in 0..<n { text += "2026-10,\(code(d)),male,15-39,就労,\(1 + d)\n2026-09,\(code(d)),female,40-64,経済的困窮,\(2 + d)\n" }
    dir.write("cases.csv", text)

    _ = try Pipeline.run(RunOptions(load: LoadOptions(dataDirectory: dir.path), outputDirectory: dir.file("out")))
    let rows = readOutputCSV(dir.file("out/indicators.csv"))
    for (indicator, list) in cells {
      // Reference rate per sex x band: sums over the districts where the cell is usable.
      var num: [String: Double] = [:]
      var den: [String: Double] = [:]
      for c in list where c.numerator != nil {
        num[c.key, default: 0] += Double(c.numerator!)
        den[c.key, default: 0] += Double(c.denominator)
      }
      for d in 0..<n {
        let mine = list.filter { $0.district == d && $0.numerator != nil }
        let o = mine.reduce(0.0) { $0 + Double($1.numerator!) }
        let e = mine.reduce(0.0) { $0 + Double($1.denominator) * num[$1.key]! / den[$1.key]! }
        let row = try #require(rows.first { $0["district_code"] == code(d) && $0["indicator"] == indicator })
        func value(_ k: String) -> Double { Double(row[k] ?? "") ?? .nan }
        #expect(value("observed") == o, "\(indicator) \(code(d)) observed")
        #expect(abs(value("expected") - e) <= 1e-6 * e, "\(indicator) \(code(d)) expected \(value("expected")) vs \(e)")
        #expect(abs(value("ratio") - o / e) <= 1e-6 * (o / e), "\(indicator) \(code(d)) ratio")
        if d == 0 { #expect(o > 65_535) }
      }
    }
  }
}
