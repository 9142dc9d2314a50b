import Foundation
import Testing

@testable import Chiiki

@Suite struct ReportSuppressionTests {
  let s = Suppression(threshold: 5)

  /// All values of the masked cells consistent with the printed total and cells, by brute force:
  /// a primary cell is 1...4, a secondary one at least 5.
  static func feasibleValues(total: Int, shownSum: Int, masks: [Suppression.State]) -> [Set<Int>] {
    var sets = [Set<Int>](repeating: [], count: masks.count)
    let remaining = total - shownSum
    func go(_ k: Int, _ left: Int, _ chosen: [Int]) {
      if k == masks.count {
        if left == 0 { for (i, v) in chosen.enumerated() { sets[i].insert(v) } }
        return
      }
      let range = masks[k] == .primary ? 1...4 : 5...max(5, left)
      for v in range where v <= left { go(k + 1, left - v, chosen + [v]) }
    }
    go(0, remaining, [])
    return sets
  }

  @Test func primaryAndDerived() {
    let l = Labels(.ja)
    #expect(s.count(0, labels: l) == "0")
    #expect(s.count(3, labels: l) == "<5")
    #expect(s.count(5, labels: l) == "5")
    #expect(s.count(12345, labels: l) == "12,345")
    #expect(s.derived("40%", states: [.shown, .primary], labels: l) == "—")
    #expect(s.derived("40%", states: [.shown], labels: l) == "40%")
  }

  @Test func oneSmallCellInAGroupGetsAPartner() {
    // 3 alone would be total - others; a second cell must be masked.
    let g = s.group([3, 20, 7, 9])
    #expect(g.states[0] == .primary)
    #expect(g.states.filter { $0 == .secondary }.count >= 1)
    #expect(g.totalShown)
  }

  @Test func allOnesHideTheTotal() {
    // Total 3 of three cells of at least 1 gives every cell away.
    let g = s.group([1, 1, 1])
    #expect(!g.totalShown)
  }

  @Test func noMaskedCellCanBeWorkedOutFromTheTotal() {
    // Exhaustive over small groups: whenever the total is shown, each masked cell keeps at least
    // two values consistent with everything printed.
    var checked = 0
    for a in 0...9 { for b in 0...9 { for c in 0...9 { for d in [0, 2, 6] {
      let counts = [a, b, c, d]
      let g = s.group(counts)
      guard g.totalShown, g.hasMasked else { continue }
      let masked = counts.indices.filter { g.states[$0] != .shown }
      let shownSum = counts.indices.filter { g.states[$0] == .shown }.reduce(0) { $0 + counts[$1] }
      let sets = Self.feasibleValues(total: g.total, shownSum: shownSum, masks: masked.map { g.states[$0] })
      for (k, i) in masked.enumerated() {
        #expect(sets[k].count >= 2, "group \(counts): cell \(i) recoverable")
        #expect(sets[k].contains(counts[i]))
      }
      checked += 1
    } } } }
    #expect(checked > 100)
  }

  /// A city whose districts, months and categories all have 1 to 4 consultations.
  static func smallCity() -> TempDir {
    let dir = TempDir()
    let counts = [1, 2, 3, 4, 2, 3]
    var districts = "district_code,district_name,area,households\n"
    var stats = "period,district_code,sex,age_group,indicator,numerator,denominator\n"
    var cases = "period,district_code,sex,age_group,category,consultations,referrals,exits\n"
    let categories = ["経済的困窮", "就労", "住まい", "健康", "債務", "家族関係"]
    for (i, n) in counts.enumerated() {
      let code = "00\(i + 1)"
      districts += "\(code),地区\(i + 1),\(i < 3 ? "北部" : "南部"),\(100 + 10 * i)\n"
      for sex in ["male", "female"] {
        stats += "2026-09,\(code),\(sex),0-64,welfare,\(20 + 7 * i),\(1000 + 50 * i)\n"
        stats += "2026-09,\(code),\(sex),65+,welfare,\(12 + 3 * i),\(300 + 20 * i)\n"
      }
      cases += "2026-\(10 - i < 10 ? "0" : "")\(10 - i),\(code),\(i % 2 == 0 ? "male" : "female"),\(i % 2 == 0 ? "20-64" : "65+"),\(categories[i]),\(n),0,0\n"
    }
    dir.write("districts.csv", districts)
    dir.write("statistics.csv", stats)
    dir.write("cases.csv", cases)
    return dir
  }

  @Test func noSmallCountCanBeReadFromTheReport() throws {
    let dir = Self.smallCity()
    defer { dir.remove() }
    // The city really has these small counts (so the check below is not vacuous).
    let (a, _) = try ReportRun.analysis(dir.path)
    #expect(a.priorities.map { Int($0.reach.observed) }.sorted() == [1, 2, 2, 3, 3, 4])
    #expect(a.monthlyConsultations.map(\.count).filter { $0 > 0 }.allSatisfy { (1...4).contains($0) })

    let (md, html) = try ReportRun.render(dir.path)
    let countHeaders: Set<String> = ["相談件数", "観測数", "人口", "つなぎ", "出口"]
    let derivedHeaders: Set<String> = ["不足", "相談比", "95%CI"]
    let tables = MarkdownTables.parse(md)
    var countCells = 0
    for table in tables {
      let monthly = table.header.first == "年/月"
      for row in table.rows {
        for (j, cell) in row.enumerated() where j < table.header.count {
          let isCount = monthly ? j > 0 : countHeaders.contains(table.header[j])
          if isCount {
            countCells += 1
            #expect(!(Int(cell).map { (1...4).contains($0) } ?? false), "count cell `\(cell)` under \(table.header[j]) in \(row)")
          }
          // Outreach rows of a masked district show no ratio, interval or shortfall.
          if derivedHeaders.contains(table.header[j]), let obs = table.header.firstIndex(of: "相談件数"), row[obs] == "<5" || row[obs] == "X" {
            #expect(cell == "—", "derived cell `\(cell)` of a masked district in \(row)")
          }
        }
      }
    }
    #expect(countCells >= 12)

    // The printed total cannot give a masked district back: check every masked cell by brute force.
    let outreach = try #require(tables.first { $0.header.contains("チラシ") && $0.header.contains("相談件数") })
    let obs = try #require(outreach.header.firstIndex(of: "相談件数"))
    let figures = try #require(tables.first { $0.header.first == "項目" })
    let totalText = try #require(figures.rows.first { $0[0] == "相談件数（12か月）" }?[1])
    if let total = Int(totalText.replacingOccurrences(of: ",", with: "")) {
      let cells = outreach.rows.map { $0[obs] }
      let shownSum = cells.compactMap { Int($0) }.reduce(0, +)
      let masks = cells.filter { Int($0) == nil }.map { $0 == "X" ? Suppression.State.secondary : .primary }
      for set in Self.feasibleValues(total: total, shownSum: shownSum, masks: masks) { #expect(set.count >= 2) }
    }

    // Free text: no "N件" with N in 1...4 (proposal counts aside), in either file.
    let pattern = try NSRegularExpression(pattern: "(?<![0-9,.案])[1-4]件")
    for text in [md, html] {
      let hits = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { (text as NSString).substring(with: $0.range) }
      #expect(hits.isEmpty, "small counts in text: \(hits)")
    }
    // The HTML tables hold the same masked cells, never the raw counts.
    #expect(html.contains("<td class=\"n\">&lt;5</td>"))
  }

  @Test func smallNumbersInDiagnosticsAreMasked() {
    let d = Diagnostic(.note, file: "cases.csv", line: 3, "consultations with unknown sex: 4, unknown age: 14; band 15-19")
    let text = QualitySection.masked(d, s)
    #expect(text == "cases.csv:3: note: consultations with unknown sex: <5, unknown age: 14; band 15-19")
  }
}
