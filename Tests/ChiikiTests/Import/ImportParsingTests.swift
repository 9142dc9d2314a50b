import Testing

@testable import Chiiki

@Suite struct ImportParsingTests {
  @Test func countCellsReadTheSymbolsOfJapaneseTables() {
    #expect(PublishedCount.parse("1234") == .count(1234))
    #expect(PublishedCount.parse("1,234") == .count(1234))
    #expect(PublishedCount.parse("１２") == .count(12))
    #expect(PublishedCount.parse("-") == .count(0))
    #expect(PublishedCount.parse("－") == .count(0))
    #expect(PublishedCount.parse("X") == .suppressed)
    #expect(PublishedCount.parse("Ｘ") == .suppressed)
    #expect(PublishedCount.parse("…") == .suppressed)
    #expect(PublishedCount.parse("***") == .suppressed)
    #expect(PublishedCount.parse(" ") == .blank)
    #expect(PublishedCount.parse("12a") == nil)
    #expect(PublishedCount.parse("1,23") == nil)
    #expect(PublishedCount.parse("-3") == nil)
  }

  @Test func tilingKeepsTheFinestBandsAndSetsSubtotalsApart() throws {
    let b = { (s: String) in AgeBand.parse(s)! }
    // The T001082 set: 15 five-year bands, 15歳未満 (0-14), 15～64, 65歳以上, 75歳以上.
    let published = stride(from: 0, to: 75, by: 5).map { AgeBand(lower: $0, upper: $0 + 4) }
      + [AgeBand(lower: 0, upper: 14), b("15-64"), b("65+"), b("75+")]
    let t = try ImportBandTiling.select(published)
    #expect(t.bands.count == 16)
    #expect(t.bands.last == b("75+"))
    #expect(t.coversAllAges)
    #expect(Set(t.subtotals) == [AgeBand(lower: 0, upper: 14), b("15-64"), b("65+")])
    // 85-89 … 100+ wins over 85歳以上 when both are published.
    let juki = [b("80-84"), b("85-89"), b("85+"), b("90+")] + stride(from: 0, to: 80, by: 5).map { AgeBand(lower: $0, upper: $0 + 4) }
    #expect(try ImportBandTiling.select(juki).bands.suffix(3) == [b("80-84"), b("85-89"), b("90+")])
    #expect(throws: ImportBandTiling.Failure.gap(at: 5)) { try ImportBandTiling.select([b("0-4"), b("10-14"), b("15+")]) }
    #expect(try !ImportBandTiling.select([b("0-4"), b("5-9")]).coversAllAges)
  }

  @Test func jukiHeadersIncludingTheMeguroTypo() {
    let read = { (h: String) in JukiColumns.ageColumn(TextNormalizer.normalizeToken(h), index: 0, header: h) }
    #expect(read("0-4歳の男性")?.band == AgeBand(lower: 0, upper: 4))
    #expect(read("0-4歳の男性")?.sex == .male)
    #expect(read("85歳以上の女性")?.band == AgeBand(lower: 85, upper: nil))
    #expect(read("85歳の男性以上")?.band == AgeBand(lower: 85, upper: nil))
    #expect(read("85歳の女性以上")?.sex == .female)
    #expect(read("100歳以上の男性")?.band == AgeBand(lower: 100, upper: nil))
    #expect(read("不詳者の男性").map { $0.band == nil && $0.sex == .male } == true)
    #expect(read("年齢不詳の女性").map { $0.band == nil && $0.sex == .female } == true)
    #expect(read("備考") == nil)
    #expect(read("男性") == nil)
  }

  @Test func eStatLabelsOf2020And2015() {
    #expect(EStatColumns.parseLabel("総数、年齢「不詳」含む")! == (nil, .total))
    #expect(EStatColumns.parseLabel("男の総数、年齢「不詳」含む")! == (.male, .total))
    #expect(EStatColumns.parseLabel("女の総数（年齢「不詳」を含む）")! == (.female, .total))
    #expect(EStatColumns.parseLabel("男０～４歳")! == (.male, .band(AgeBand(lower: 0, upper: 4))))
    #expect(EStatColumns.parseLabel("　女７０〜７４歳")! == (.female, .band(AgeBand(lower: 70, upper: 74))))
    #expect(EStatColumns.parseLabel("女７５歳以上")! == (.female, .band(AgeBand(lower: 75, upper: nil))))
    #expect(EStatColumns.parseLabel("男１５歳未満")! == (.male, .band(AgeBand(lower: 0, upper: 14))))
    #expect(EStatColumns.parseLabel("男年齢「不詳」")! == (.male, .unknown))
    #expect(EStatColumns.parseLabel("") == nil)
    #expect(EStatColumns.parseLabel("平均年齢") == nil)
  }

  @Test func mergedAreaNamesShortenTheTownsOwnChome() {
    func row(_ key: String, _ name: String) -> EStatRow {
      EStatRow(line: 1, key: key, level: 4, cityName: "", name: name, hiding: 2, target: "", merged: [], figures: [], suppressedCells: 0)
    }
    let hidden = [row("27125019001", "平林北一丁目"), row("27125019002", "平林北二丁目")]
    #expect(EStatNaming.included(hidden, in: "平林北") == "一・二丁目")
    #expect(EStatNaming.included(hidden, in: nil) == "平林北一丁目・平林北二丁目")
    #expect(EStatNaming.included([row("1", "北港白津二丁目"), row("2", "北港緑地二丁目")], in: "桜島") == "北港白津二丁目・北港緑地二丁目")
  }
}
