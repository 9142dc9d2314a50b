import Testing

@testable import Chiiki

@Suite struct JukiImporterTests {
  /// Expected figures computed from the source with Python, not from the importer:
  ///   python3 -c "import csv; r=list(csv.DictReader(open('131105_population_20170401_meguro.csv',encoding='utf-8')));
  ///     print(len(r), sum(int(x['男性'])+int(x['女性'])-int(x['不詳者の男性'])-int(x['不詳者の女性']) for x in r),
  ///     sum(int(x['男性'])+int(x['女性']) for x in r), sum(int(x['85歳の女性以上']) for x in r))"
  ///   → 88 275277 275278 6566; the one 不詳 person is 三田二丁目 (male); 111: 0-4歳の男性 65, 85歳の男性以上 41, 世帯数 2421.
  @Test func meguroTotalsEqualMalePlusFemaleMinusUnknown() throws {
    let m = try ImportFixtures.meguro.get()
    #expect(m.districts.count == 88)
    #expect(Set(m.cells.map(\.districtCode)).count == 88)
    #expect(m.cells.compactMap(\.population).reduce(0, +) == 275_277)
    #expect(m.summary.personsWritten == 275_277)
    #expect(m.summary.sourcePersons == 275_278)
    #expect(m.summary.unknownAgePersons == 1)
    #expect(m.summary.districtsWithUnknownAge == 1)
    #expect(m.cells.allSatisfy { $0.population != nil })
    #expect(m.cells.count == 88 * 2 * 18)
    #expect(m.period == Period(year: 2017, month: 4))
    #expect(m.summary.periodSource.contains("2017-04-01"))
  }

  @Test func meguroTypoColumnBecomesThe85PlusBand() throws {
    let m = try ImportFixtures.meguro.get()
    #expect(m.cell("111", .male, "85+") == .some(41))
    #expect(m.cell("111", .male, "0-4") == .some(65))
    #expect(m.cells.filter { $0.sex == .female && $0.band.description == "85+" }.compactMap(\.population).reduce(0, +) == 6566)
    #expect(m.district("111")?.name == "駒場一丁目")
    #expect(m.district("111")?.households == 2421)
    #expect(m.summary.bands.map(\.description).last == "85+")
    // The unknown-age person is reported with the row's line (三田二丁目 is on line 26).
    #expect(m.diagnostics.notes.contains { $0.line == 26 && $0.message.contains("unknown age") })
  }

  @Test func variantLayoutCP932With100PlusBlanksAndATotalRow() throws {
    // Values are set in make_juki_variant.py (see its docstring).
    let v = try JukiImporter.read(path: ImportFixtures.path("juki_variant_cp932.csv"))
    #expect(v.summary.encoding == .cp932)
    #expect(v.period == Period(year: 2025, month: 1))
    #expect(v.districts.map(\.code) == ["101", "102"])
    #expect(v.summary.skipped.values.reduce(0, +) == 1)
    #expect(v.summary.bands.count == 21)
    #expect(v.cell("101", .male, "0-4") == .some(1))
    #expect(v.cell("101", .male, "100+") == .some(21))
    #expect(v.summary.unknownAgePersons == 2)
    #expect(v.district("101")?.households == 1234)
    // Blank male cells of 102 add up to 男性 = 6 as zeros; the blank female 0-4 cannot (25 ≠ 20).
    #expect(v.cell("102", .male, "5-9") == .some(0))
    #expect(v.cell("102", .female, "0-4") == .some(nil))
    #expect(v.diagnostics.warnings.contains { $0.line == 4 })
    #expect(v.summary.personsWritten == 231 + 42 + 6 + 20)
  }

  @Test func badCellsAreErrorsWithLineAndColumn() {
    let header = "地域コード,地域名,調査年月日,男性,女性,0-4歳の男性,0-4歳の女性,5歳以上の男性,5歳以上の女性\n"
    let path = ImportFixtures.temporaryFile(header + "1,甲,2020-01-01,3,2,1,1,2,1\n2,乙,2020-01-01,3,2,1a,1,2,1\n1,丙,2020-01-01,0,0,0,0,0,0\n")
    let text = ImportFixtures.errorText { () throws(ChiikiError) in try JukiImporter.read(path: path) }
    #expect(text.contains("input.csv:3:6: error: '1a' is not a count"))
    #expect(text.contains("input.csv:4:1: error: district code '1' appears again (first on line 2)"))
  }

  @Test func missingAgeColumnsAndDatesAreExplained() {
    let noAges = ImportFixtures.temporaryFile("地域コード,地域名,男性,女性\n1,甲,3,2\n")
    #expect(ImportFixtures.errorText { () throws(ChiikiError) in try JukiImporter.read(path: noAges) }
      .contains("input.csv:1: error: no 男性 age columns found"))
    let noDate = ImportFixtures.temporaryFile("地域コード,地域名,0-4歳の男性,0-4歳の女性,5歳以上の男性,5歳以上の女性\n1,甲,1,1,2,1\n")
    #expect(ImportFixtures.errorText { () throws(ChiikiError) in try JukiImporter.read(path: noDate) }.contains("--period"))
    let given = try? JukiImporter.read(path: noDate, options: JukiImportOptions(period: Period(year: 2024, month: 10)))
    #expect(given?.period == Period(year: 2024, month: 10))
    #expect(given?.cell("1", .male, "5+") == .some(2))
    let twoDates = ImportFixtures.temporaryFile("地域コード,調査年月日,0-4歳の男性,0-4歳の女性,5歳以上の男性,5歳以上の女性\n1,2020-01-01,1,1,2,1\n2,2020-02-01,1,1,2,1\n")
    #expect(ImportFixtures.errorText { () throws(ChiikiError) in try JukiImporter.read(path: twoDates) }.contains("input.csv:3:2: error"))
  }

  @Test func rowsThatDoNotAddUpAreWarnedWithTheirColumn() throws {
    let path = ImportFixtures.temporaryFile("地域コード,総人口,男性,女性,0-4歳の男性,0-4歳の女性,5歳以上の男性,5歳以上の女性\n7,6,4,2,1,1,2,1\n")
    let r = try JukiImporter.read(path: path, options: JukiImportOptions(period: Period(year: 2020, month: nil)))
    #expect(r.diagnostics.warnings.map(\.location) == ["input.csv:2:3"])  // 男性 4 ≠ 1 + 2
    #expect(r.cells.compactMap(\.population).reduce(0, +) == 5)
  }
}
