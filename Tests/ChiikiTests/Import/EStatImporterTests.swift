import Testing

@testable import Chiiki

@Suite struct EStatImporterTests {
  /// Expected figures computed from the source with Python (cp932), not from the importer:
  ///   leaves = rows with (HYOSYO in 2,4 and HTKSYORI != 2) or (HYOSYO 3 and HTKSYORI 1) → 8554
  ///   (8537 published non-hidden 町/丁目 + 17 町 remainders); persons written = Σ leaves of
  ///   男/女 0～4 … 70～74 + 75歳以上 → 8,590,726; Σ level-1 男総数 + 女総数 → 8,837,685;
  ///   X cells → 12,420; HTKSYORI 2 rows → 192, HTKSYORI 1 rows → 152.
  @Test func osakaLeavesReconcileWithAll72Areas() throws {
    let o = try ImportFixtures.osaka.get()
    #expect(o.summary.reconciliations.count == 72)
    #expect(o.summary.unreconciled.isEmpty)
    #expect(o.summary.areas == 72)
    #expect(o.districts.count == 8554)
    #expect(o.summary.personsWritten == 8_590_726)
    #expect(o.cells.compactMap(\.population).reduce(0, +) == 8_590_726)
    #expect(o.summary.sourcePersons == 8_837_685)
    #expect(o.summary.unknownAgePersons == 8_837_685 - 8_590_726)
    #expect(o.summary.suppressedCellsInSource == 12_420)
    #expect(o.summary.suppressedCellsWritten == 0)
    #expect(o.summary.mergedAreas.count == 192)
    #expect(o.summary.receivingDistricts == 152)
    #expect(o.period == Period(year: 2020, month: nil))
    #expect(o.summary.bands.map(\.description) == stride(from: 0, to: 75, by: 5).map { "\($0)-\($0 + 4)" } + ["75+"])
  }

  @Test func osakaCoversEveryPublishedChomeAndMachi() throws {
    let o = try ImportFixtures.osaka.get()
    let table = try SourceTable.load(path: ImportFixtures.path("tblT001082C27_osaka_2020_smallarea_age.csv"),
                                     displayName: "osaka", encoding: nil)
    let rows = table.rows.dropFirst(2)
    let published = Set(rows.filter { ($0[1] == "2" || $0[1] == "4") && $0[4] != "2" }.map { $0[0] })
    #expect(published.count == 8537)
    let written = Set(o.cells.map(\.districtCode))
    #expect(published.isSubset(of: written))
    // Every hidden area is carried by exactly one written district, which lists it.
    let hidden = Set(rows.filter { $0[4] == "2" }.map { $0[0] })
    let carried = o.districts.flatMap(\.includedCodes)
    #expect(Set(carried) == hidden)
    #expect(carried.count == hidden.count)
    #expect(hidden.isDisjoint(with: written))
    // Each district has 2 sexes x 16 bands.
    #expect(o.cells.count == o.districts.count * 32)
  }

  @Test func osakaMergedTownKeepsItsPeopleUnderATellingName() throws {
    let o = try ImportFixtures.osaka.get()
    // 271250190 平林北 (HYOSYO 3, GASSAN 019001;019002): 総数 55, 男 29 (row text in the source).
    let d = try #require(o.district("271250190"))
    #expect(d.name == "平林北（一・二丁目を含む）")
    #expect(d.area == "大阪市住之江区")
    #expect(d.includedCodes == ["27125019001", "27125019002"])
    #expect(o.cell("271250190", .male, "20-24") == .some(3))
    #expect(o.cell("271250190", .male, "75+") == .some(5))
    #expect(o.cell("271250190", .female, "70-74") == .some(5))
    // Its 町 total is counted once: the hidden 丁目 are not districts.
    #expect(o.district("27125019001") == nil)
  }

  @Test func unseenLayoutWithAMergeChainMatchesTheGeneratorsTruth() throws {
    // synthetic_estat_expected.csv is written by make_synthetic_estat.py from the true
    // populations it published; the importer never sees it.
    let s = try ImportFixtures.synthetic.get()
    let expected = try SourceTable.load(path: ImportFixtures.path("synthetic_estat_expected.csv"), displayName: "expected", encoding: nil)
    var truth: [String: String] = [:]
    for row in expected.rows.dropFirst() { truth["\(row[0]) \(row[1]) \(row[2])"] = row[3] }
    var got: [String: String] = [:]
    for c in s.cells { got["\(c.districtCode) \(c.sex.code) \(c.band)"] = c.population.map(String.init) ?? "X" }
    #expect(got.count == 11 * 32)
    #expect(got == truth)
    #expect(s.period == Period(year: 2015, month: nil))
    #expect(s.summary.encoding == .cp932)
  }

  @Test func unseenLayoutNamesReconcilesAndReportsWhatItCannotCheck() throws {
    let s = try ImportFixtures.synthetic.get()
    #expect(s.district("041010020")?.name == "国分町（三丁目を含む）")
    #expect(s.district("04101005001")?.name == "大町一丁目（小町・中町を含む）")
    #expect(s.district("04101005001")?.includedCodes == ["041010030", "041010040"])
    #expect(s.district("04202003001")?.name == "中央一丁目（湊町二丁目を含む）")
    #expect(s.district("041010060") != nil)  // an empty 町 (all '-') is still a district
    let byCode = Dictionary(uniqueKeysWithValues: s.summary.reconciliations.map { ($0.code, $0.outcome) })
    #expect(byCode["04101"] == .matches)
    guard case .unverifiable(let why)? = byCode["04202"] else {
      Issue.record("04202 has a suppressed cell and should not be reported as matching")
      return
    }
    #expect(why.contains("男30~34歳"))
    #expect(s.summary.suppressedCellsWritten == 1)
    #expect(s.summary.mergedAreas.count == 4)
    #expect(s.summary.mergedAreas.first { $0.code == "041010030" }?.receivingCode == "04101005001")
  }

  @Test func cityOptionKeepsOneMunicipalityOrAllWardsOfANamedCity() throws {
    let one = try EStatImporter.read(path: ImportFixtures.path("synthetic_estat_miyagi.csv"),
                                     options: EStatImportOptions(cities: ["042021"]))  // 6-digit with check digit
    #expect(Set(one.districts.map { String($0.code.prefix(5)) }) == ["04202"])
    #expect(one.summary.reconciliations.map(\.code) == ["04202"])
    let named = try EStatImporter.read(path: ImportFixtures.path("synthetic_estat_miyagi.csv"),
                                       options: EStatImportOptions(cities: ["仙台市"]))
    #expect(named.districts.count == 7)
    let text = ImportFixtures.errorText { () throws(ChiikiError) in
      try EStatImporter.read(path: ImportFixtures.path("synthetic_estat_miyagi.csv"), options: EStatImportOptions(cities: ["99999"]))
    }
    #expect(text.contains("--city 99999 matches no area"))
  }

  static let header = "KEY_CODE,HYOSYO,CITYNAME,NAME,HTKSYORI,HTKSAKI,GASSAN,T001082021,T001082022,T001082023,T001082041,T001082042,T001082043\n"
    + ",,,,,,,男の総数、年齢「不詳」含む,男０～４歳,男５歳以上,女の総数、年齢「不詳」含む,女０～４歳,女５歳以上\n"

  @Test func brokenMergeMarkersAreErrorsWithTheirLine() {
    let missingTarget = ImportFixtures.temporaryFile(Self.header
      + "01100,1,市,,0,,,5,2,3,4,2,2\n011000010,2,市,甲,1,,0020,5,2,3,4,2,2\n011000020,2,市,乙,2,0030,,X,X,X,X,X,X\n")
    #expect(ImportFixtures.errorText { () throws(ChiikiError) in try EStatImporter.read(path: missingTarget) }
      .contains("input.csv:5: error: hidden area 011000020 names HTKSAKI 0030 (011000030), which is not in the table"))
    let circle = ImportFixtures.temporaryFile(Self.header
      + "01100,1,市,,0,,,5,2,3,4,2,2\n011000010,2,市,甲,2,0020,,X,X,X,X,X,X\n011000020,2,市,乙,2,0010,,X,X,X,X,X,X\n")
    #expect(ImportFixtures.errorText { () throws(ChiikiError) in try EStatImporter.read(path: circle) }.contains("in a circle"))
    let badCell = ImportFixtures.temporaryFile(Self.header + "01100,1,市,,0,,,5,2,3,4,2,2\n011000010,3,市,甲,0,,,5,2,?,4,2,2\n")
    let text = ImportFixtures.errorText { () throws(ChiikiError) in try EStatImporter.read(path: badCell) }
    #expect(text.contains("input.csv:4:10: error: '?' is not a count"))
    #expect(text.contains("input.csv:1: error: cannot tell the census year") == false)
  }

  @Test func aDifferenceFromTheAreaTotalIsReportedNotHidden() throws {
    // The area says 男 6 but its one 町 holds 5: reported as a difference of -1.
    let path = ImportFixtures.temporaryFile(Self.header + "01100,1,市,,0,,,6,2,4,4,2,2\n011000010,2,市,甲,0,,,5,2,3,4,2,2\n")
    let r = try EStatImporter.read(path: path)
    #expect(r.summary.reconciliations.first?.outcome == .differs(column: "男の総数、年齢「不詳」含む", difference: -1))
    #expect(r.diagnostics.warnings.contains { $0.line == 3 })
    #expect(r.summary.lines().contains { $0.contains("differs by -1") })
  }

  @Test func notAnEStatTableIsRefusedClearly() {
    let path = ImportFixtures.temporaryFile("地域コード,地域名\n1,甲\n")
    #expect(ImportFixtures.errorText { () throws(ChiikiError) in try EStatImporter.read(path: path) }
      .contains("input.csv:1: error: this is not an e-Stat 小地域集計 table"))
  }
}
