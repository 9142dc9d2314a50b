/// Japanese eras (和暦) for reading periods such as 令和8年10月 and showing 西暦 with 和暦 beside it.
public enum WarekiEra: CaseIterable, Sendable {
  case showa, heisei, reiwa

  public var kanji: String {
    switch self {
    case .showa: "昭和"
    case .heisei: "平成"
    case .reiwa: "令和"
    }
  }

  var latinInitial: Character {
    switch self {
    case .showa: "S"
    case .heisei: "H"
    case .reiwa: "R"
    }
  }

  /// The Gregorian year of the era's first (元) year.
  public var firstYear: Int {
    switch self {
    case .showa: 1926
    case .heisei: 1989
    case .reiwa: 2019
    }
  }

  /// The first and last months of the era, as month indices (year*12 + month-1). An era is taken
  /// to hold a month when its accession day falls in it: 平成 from 1989-01, 令和 from 2019-05.
  var firstMonthIndex: Int {
    switch self {
    case .showa: 1926 * 12 + 11
    case .heisei: 1989 * 12 + 0
    case .reiwa: 2019 * 12 + 4
    }
  }

  var lastMonthIndex: Int {
    switch self {
    case .showa: 1989 * 12 + 0
    case .heisei: 2019 * 12 + 3
    case .reiwa: Int.max
    }
  }

  var lastEraYear: Int {
    switch self {
    case .showa: 64
    case .heisei: 31
    case .reiwa: Int.max
    }
  }

  func contains(_ period: Period) -> Bool {
    (firstMonthIndex...lastMonthIndex).contains(period.monthIndex)
  }

  /// The era named at the start of `text` (令和…, R8.10) and the text after the name.
  static func leading(_ text: String) -> (era: WarekiEra, rest: String)? {
    for era in WarekiEra.allCases {
      if text.hasPrefix(era.kanji) { return (era, String(text.dropFirst(era.kanji.count))) }
      if let first = text.first, first.uppercased() == String(era.latinInitial),
        let second = text.dropFirst().first, second.isASCIIDigitChar || second == "元"
      {
        return (era, String(text.dropFirst()))
      }
    }
    return nil
  }

  /// The era in force for a period (for a yearly period, the era at its end).
  public static func era(for period: Period) -> WarekiEra {
    let index = period.month == nil ? period.year * 12 + 11 : period.monthIndex
    if index >= WarekiEra.reiwa.firstMonthIndex { return .reiwa }
    if index >= WarekiEra.heisei.firstMonthIndex { return .heisei }
    return .showa
  }
}

extension Period {
  /// The 和暦 form: 令和8年10月, 令和元年5月, 令和2年 (yearly).
  public var wareki: String {
    let era = WarekiEra.era(for: self)
    let eraYear = year - era.firstYear + 1
    let yearText = eraYear == 1 ? "元" : String(eraYear)
    if let month { return "\(era.kanji)\(yearText)年\(month)月" }
    return "\(era.kanji)\(yearText)年"
  }

  /// 西暦 with 和暦 beside it, as the report shows periods: 2026年10月（令和8年10月）.
  public var japaneseDisplay: String {
    if let month { return "\(year)年\(month)月（\(wareki)）" }
    return "\(year)年（\(wareki)）"
  }
}
