import Testing

@testable import Chiiki

@Suite struct CellParsingTests {
  @Test(arguments: [
    ("12", CountCell.value(12)), ("1,234", .value(1234)), ("-", .value(0)), ("－", .value(0)), ("X", .missing),
    ("x", .missing), ("…", .missing), ("...", .missing), ("***", .missing), ("", .missing), ("  7 ", .value(7)),
    ("１２", .value(12)), ("12.0", .value(12)),
  ])
  func symbols(text: String, expected: CountCell) {
    #expect(CellParsing.count(text: text) == expected)
  }

  @Test(arguments: ["12a", "-5", "1.5", "abc", "99999999999999999999"])
  func invalid(text: String) {
    guard case .invalid = CellParsing.count(text: text) else {
      Issue.record("'\(text)' should be invalid")
      return
    }
  }
}

/// `CellParsing.count`'s shortcut for 1 to 9 plain digits must give what the general reading
/// (`CellParsing.general`, the reference) gives, on random short cells of digits, commas,
/// spaces, signs, symbols and non-ASCII bytes, up to and past nine digits.
@Suite struct CellParsingShortcutTests {
  @Test func shortcutMatchesGeneral() {
    let pieces: [[UInt8]] = [
      Array("0".utf8), Array("7".utf8), Array("42".utf8), Array("999".utf8), Array(",".utf8), Array(" ".utf8),
      Array("-".utf8), Array("X".utf8), Array(".".utf8), Array("１".utf8), [0x2F], [0x3A], [0xFF],
    ]
    var state: UInt64 = 7
    var mismatches: [String] = []
    for _ in 0..<20_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      var cell: [UInt8] = []
      var r = state
      for _ in 0..<Int(r % 6) {
        r /= 6
        cell += pieces[Int(r % UInt64(pieces.count))]
        r /= UInt64(pieces.count)
      }
      let (fast, reference) = Self.compare(cell)
      if fast != reference { mismatches.append("\(cell)") }
    }
    for digits in 1...12 {
      let cell = Array(String(repeating: "9", count: digits).utf8)
      let (fast, reference) = Self.compare(cell)
      if fast != reference { mismatches.append("\(cell)") }
    }
    #expect(mismatches.isEmpty)
  }

  /// `count` and `general` on `cell` followed by digits (as a record's next field may be): the
  /// bytes after the cell, which `count` reads as part of a word, must not change the result.
  static func compare(_ cell: [UInt8]) -> (CountCell, CountCell) {
    let padded = cell + Array("98765432".utf8)
    return padded.withUnsafeBufferPointer { all in
      let bytes = UnsafeBufferPointer(rebasing: all[0..<cell.count])
      return (CellParsing.count(bytes), CellParsing.general(bytes))
    }
  }

  /// `count(text:)` copies its text with room for the word read (the fuzzer found the copy
  /// read past its end); the values must be those of the general reading.
  @Test func decodedTextReadsTheSameValues() {
    for text in ["0", "7", "42", "1,234", "１２", "X", "-", "12345678", "123456789", "", " 5 "] {
      let reference = Array(text.utf8).withUnsafeBufferPointer { CellParsing.general($0) }
      #expect(CellParsing.count(text: text) == reference, "\(text)")
    }
  }
}

@Suite struct ModelParsingTests {
  @Test(arguments: [
    ("2026-10", Period(year: 2026, month: 10)), ("2026/10", Period(year: 2026, month: 10)),
    ("202610", Period(year: 2026, month: 10)), ("2026", Period(year: 2026, month: nil)),
    ("令和8年10月", Period(year: 2026, month: 10)), ("令和元年5月", Period(year: 2019, month: 5)),
    ("平成31年4月", Period(year: 2019, month: 4)), ("R8.10", Period(year: 2026, month: 10)),
    ("2017-04-01", Period(year: 2017, month: 4)), ("2025/1/1", Period(year: 2025, month: 1)),
    ("２０２６－１０", Period(year: 2026, month: 10)), ("2026年10月", Period(year: 2026, month: 10)),
  ])
  func periods(text: String, expected: Period) throws {
    #expect(try Period.parse(text) == expected)
  }

  @Test(arguments: ["2026-13", "令和元年1月", "平成31年5月", "2026-02-30", "2026-00"])
  func impossiblePeriods(text: String) {
    #expect(throws: PeriodParseError.self) { try Period.parse(text) }
  }

  @Test func warekiDisplay() {
    #expect(Period(year: 2026, month: 10).wareki == "令和8年10月")
    #expect(Period(year: 2019, month: 5).wareki == "令和元年5月")
    #expect(Period(year: 2019, month: 4).wareki == "平成31年4月")
    #expect(Period(year: 2026, month: 10).japaneseDisplay == "2026年10月（令和8年10月）")
  }

  @Test(arguments: [
    ("15-19", AgeBand(lower: 15, upper: 19)), ("85+", AgeBand(lower: 85, upper: nil)),
    ("15〜19歳", AgeBand(lower: 15, upper: 19)), ("15～19歳", AgeBand(lower: 15, upper: 19)),
    ("85歳以上", AgeBand(lower: 85, upper: nil)), ("100歳以上", AgeBand(lower: 100, upper: nil)),
    ("１５－１９", AgeBand(lower: 15, upper: 19)), ("15歳～19歳", AgeBand(lower: 15, upper: 19)),
  ])
  func ageBands(text: String, expected: AgeBand) {
    #expect(AgeBand.parse(text) == expected)
  }

  @Test func sexSpellings() {
    for t in ["male", "男", "男性", "M", "1"] { #expect(Sex.parse(t) == .male) }
    for t in ["female", "女", "女性", "F", "2"] { #expect(Sex.parse(t) == .female) }
    #expect(Sex.parse("unknown") == nil)
    #expect(Sex.isUnknown("unknown"))
  }

  @Test func commonBandingOfFiveAndTenYearBands() {
    let stats = (0..<17).map { AgeBand(lower: $0 * 5, upper: $0 * 5 + 4) } + [AgeBand(lower: 85, upper: nil)]
    let cases = (1..<8).map { AgeBand(lower: $0 * 10, upper: $0 * 10 + 9) } + [AgeBand(lower: 80, upper: nil)]
    let common = AgeBanding.commonBanding(stats, cases)
    // By hand: 0-4 and 5-9 stay (no case band straddles 5), then the 10-year bands, 80+.
    #expect(common?.map(\.description) == ["0-4", "5-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80+"])
  }

  @Test func overlappingBandsAreFound() {
    #expect(AgeBanding.overlap(in: [AgeBand(lower: 15, upper: 19), AgeBand(lower: 15, upper: 24)]) != nil)
    #expect(AgeBanding.overlap(in: [AgeBand(lower: 15, upper: 19), AgeBand(lower: 20, upper: 24)]) == nil)
  }
}
