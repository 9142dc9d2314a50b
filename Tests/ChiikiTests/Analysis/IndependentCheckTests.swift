import Foundation
import Testing

@testable import Chiiki

/// indicators.csv and outreach_targets.csv against a second, naive implementation of the data
/// contract's definitions, on random cities the tool has not seen.
@Suite struct IndependentCheckTests {
  /// Exact Poisson limits by bisection on the Poisson CDF (a different method from the
  /// chi-square quantiles the tool uses): L solves P(X >= O; L) = a/2, U solves P(X <= O; U) = a/2.
  static func poissonCDF(_ k: Int, _ mean: Double) -> Double {
    // Sum of pmf terms computed in log space so large means do not underflow.
    var sum = 0.0
    for i in 0...k { sum += exp(-mean + Double(i) * log(mean) - lgamma(Double(i) + 1)) }
    return min(1, sum)
  }

  static func exactLimits(_ o: Int, alpha: Double = 0.05) -> (Double, Double) {
    func solve(_ f: (Double) -> Double) -> Double {
      let spread = 10 * Double(o).squareRoot() + 10
      var lo = max(1e-9, Double(o) - spread)
      var hi = Double(o) + spread
      for _ in 0..<80 {
        let mid = (lo + hi) / 2
        if f(mid) > 0 { lo = mid } else { hi = mid }
      }
      return (lo + hi) / 2
    }
    let lower = o == 0 ? 0 : solve { m in alpha / 2 - (1 - poissonCDF(o - 1, m)) }
    let upper = solve { m in poissonCDF(o, m) - alpha / 2 }
    return (lower, upper)
  }

  /// Wilson score interval written out from Wilson (1927) with z = 1.959963984540054.
  static func wilson(_ x: Double, _ n: Double) -> (Double, Double) {
    let z = 1.959963984540054
    let p = x / n
    let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    let half = z / (1 + z * z / n) * sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - half, centre + half)
  }

  @Test(arguments: [11, 12, 13])
  func indicatorsMatchASecondImplementation(seed: UInt64) throws {
    var city = RandomCity(seed: seed, districts: 25)
    city.build()
    let dir = TempDir()
    defer { dir.remove() }
    city.write(to: dir)
    _ = try Pipeline.run(RunOptions(load: LoadOptions(dataDirectory: dir.path), outputDirectory: dir.file("out")))
    let rows = readOutputCSV(dir.file("out/indicators.csv"))
    #expect(rows.count == 25 * 3)

    for indicator in city.indicators {
      let cells = city.cells.filter { $0.indicator == indicator }
      var refNum: [String: Double] = [:]
      var refDen: [String: Double] = [:]
      for c in cells where c.numerator != nil {
        refNum["\(c.sex)|\(c.band)", default: 0] += Double(c.numerator!)
        refDen["\(c.sex)|\(c.band)", default: 0] += Double(c.denominator)
      }
      for d in 0..<city.districts {
        let mine = cells.filter { $0.district == d && $0.numerator != nil }
        let o = mine.reduce(0.0) { $0 + Double($1.numerator!) }
        let n = mine.reduce(0.0) { $0 + Double($1.denominator) }
        let e = mine.reduce(0.0) { $0 + Double($1.denominator) * refNum["\($1.sex)|\($1.band)"]! / refDen["\($1.sex)|\($1.band)"]! }
        guard let row = rows.first(where: { $0["district_code"] == city.code(d) && $0["indicator"] == indicator }) else {
          Issue.record("missing row \(d) \(indicator)")
          continue
        }
        func value(_ k: String) -> Double { Double(row[k] ?? "") ?? .nan }
        func close(_ a: Double, _ b: Double, _ what: String) {
          #expect(abs(a - b) <= 1e-6 * max(1, abs(b)), "\(what): tool \(a) vs independent \(b) (district \(d), \(indicator))")
        }
        close(value("observed"), o, "observed")
        close(value("expected"), e, "expected")
        close(value("ratio"), o / e, "ratio")
        let (l, u) = Self.exactLimits(Int(o))
        close(value("ratio_low"), l / e, "ratio_low")
        close(value("ratio_high"), u / e, "ratio_high")
        close(value("crude_rate"), o / n, "crude_rate")
        let (wl, wu) = Self.wilson(o, n)
        close(value("crude_low"), wl, "crude_low")
        close(value("crude_high"), wu, "crude_high")
        let smoothed = value("smoothed_ratio")
        let ratio = o / e
        #expect(smoothed >= min(ratio, 1) - 1e-6 && smoothed <= max(ratio, 1) + 1e-6, "smoothed \(smoothed) not between \(ratio) and 1")
        let funnel = row["funnel"] ?? ""
        if funnel.hasPrefix("high") { #expect(ratio > 1) }
        if funnel.hasPrefix("low") { #expect(ratio < 1) }
      }
    }
  }

  @Test(arguments: [21, 22])
  func reachMatchesTheContractFormula(seed: UInt64) throws {
    var city = RandomCity(seed: seed, districts: 30)
    city.build()
    let dir = TempDir()
    defer { dir.remove() }
    city.write(to: dir)
    _ = try Pipeline.run(RunOptions(load: LoadOptions(dataDirectory: dir.path), outputDirectory: dir.file("out")))
    let rows = readOutputCSV(dir.file("out/outreach_targets.csv"))
    // Window: the 12 months ending 2026-12 = all of 2026 here; C = every consultation.
    let c = Double(city.cases.reduce(0) { $0 + $1.count })
    var oAll: [String: Double] = [:]
    var oD: [String: [Double]] = [:]
    for indicator in city.indicators {
      var per = [Double](repeating: 0, count: city.districts)
      for cell in city.cells where cell.indicator == indicator && cell.numerator != nil { per[cell.district] += Double(cell.numerator!) }
      oD[indicator] = per
      oAll[indicator] = per.reduce(0, +)
    }
    var missingSum = 0.0
    for d in 0..<city.districts {
      let share = city.indicators.reduce(0.0) { $0 + oD[$1]![d] / oAll[$1]! } / Double(city.indicators.count)
      let expected = c * share
      let observed = Double(city.cases.filter { $0.district == d }.reduce(0) { $0 + $1.count })
      let row = try #require(rows.first { $0["district_code"] == city.code(d) })
      #expect(abs(Double(row["expected_consultations"]!)! - expected) < 1e-6)
      #expect(Double(row["observed_consultations"]!)! == observed)
      #expect(abs(Double(row["missing_consultations"]!)! - (expected - observed)) < 1e-6)
      missingSum += Double(row["missing_consultations"]!)!
    }
    #expect(abs(missingSum) < 1e-4)
  }

  /// reach_by_category.csv (built from columns when written) against the contract formula per
  /// category: expected = C_k x mean over the category's indicators of O(d,i)/O(all,i), the
  /// exact interval from the bisection above divided by expected.
  @Test(arguments: [23, 24])
  func categoryReachMatchesTheContractFormula(seed: UInt64) throws {
    var city = RandomCity(seed: seed, districts: 20)
    city.build()
    let dir = TempDir()
    defer { dir.remove() }
    city.write(to: dir)
    _ = try Pipeline.run(RunOptions(load: LoadOptions(dataDirectory: dir.path), outputDirectory: dir.file("out")))
    let rows = readOutputCSV(dir.file("out/reach_by_category.csv"))
    let categories = Set(city.cases.map(\.category))
    #expect(rows.count == categories.count * city.districts)
    var oD: [String: [Double]] = [:]
    for indicator in city.indicators {
      var per = [Double](repeating: 0, count: city.districts)
      for cell in city.cells where cell.indicator == indicator && cell.numerator != nil { per[cell.district] += Double(cell.numerator!) }
      oD[indicator] = per
    }
    for category in categories {
      let ck = Double(city.cases.filter { $0.category == category }.reduce(0) { $0 + $1.count })
      for d in 0..<city.districts {
        let row = try #require(rows.first { $0["category"] == category && $0["district_code"] == city.code(d) })
        let mapped = row["indicators"] == "all" ? city.indicators : row["indicators"]!.split(separator: "+").map(String.init)
        let share = mapped.reduce(0.0) { $0 + oD[$1]![d] / oD[$1]!.reduce(0, +) } / Double(mapped.count)
        let expected = ck * share
        let observed = city.cases.filter { $0.category == category && $0.district == d }.reduce(0) { $0 + $1.count }
        func value(_ k: String) -> Double { Double(row[k] ?? "") ?? .nan }
        #expect(value("observed_consultations") == Double(observed))
        #expect(abs(value("expected_consultations") - expected) < 1e-6 * max(1, expected))
        #expect(abs(value("missing_consultations") - (expected - Double(observed))) < 1e-6 * max(1, expected))
        let (l, u) = Self.exactLimits(observed)
        #expect(abs(value("consultation_ratio_low") - l / expected) < 1e-6 * max(1, l / expected), "\(category) \(d)")
        #expect(abs(value("consultation_ratio_high") - u / expected) < 1e-6 * max(1, u / expected), "\(category) \(d)")
      }
    }
  }

  @Test func raisingNeedNeverLowersNeedIndexOrPriority() throws {
    var city = RandomCity(seed: 31, districts: 30)
    city.build()
    let dir = TempDir()
    defer { dir.remove() }
    city.write(to: dir)
    _ = try Pipeline.run(RunOptions(load: LoadOptions(dataDirectory: dir.path), outputDirectory: dir.file("a")))
    let before = readOutputCSV(dir.file("a/outreach_targets.csv"))
    for target in [3, 7, 12] {
      var raised = city
      for i in raised.cells.indices where raised.cells[i].district == target && raised.cells[i].indicator != "ltc" {
        if let n = raised.cells[i].numerator { raised.cells[i].numerator = min(raised.cells[i].denominator, n * 3 / 2 + 1) }
      }
      let dir2 = TempDir()
      defer { dir2.remove() }
      raised.write(to: dir2)
      _ = try Pipeline.run(RunOptions(load: LoadOptions(dataDirectory: dir2.path), outputDirectory: dir2.file("b")))
      let after = readOutputCSV(dir2.file("b/outreach_targets.csv"))
      let b = try #require(before.first { $0["district_code"] == city.code(target) })
      let a = try #require(after.first { $0["district_code"] == city.code(target) })
      #expect(Double(a["need_index"]!)! >= Double(b["need_index"]!)!)
      #expect(Double(a["priority_score"]!)! >= Double(b["priority_score"]!)!)
      #expect(Double(a["expected_consultations"]!)! >= Double(b["expected_consultations"]!)!)
    }
  }
}
