/// A hidden (秘匿) area and the district whose figures carry its people.
public struct MergedArea: Hashable, Sendable {
  public var code: String
  public var name: String
  /// The district code in population.csv that includes this area.
  public var receivingCode: String
  public var line: Int
}

/// How one level-1 area (市区町村 or 区) of an e-Stat table compares with the sum of the
/// districts written for it.
public struct Reconciliation: Hashable, Sendable {
  public enum Outcome: Hashable, Sendable {
    /// Totals and every age band of both sexes agree exactly.
    case matches
    /// A figure differs; `column` is the source label, `difference` = districts − area.
    case differs(column: String, difference: Int)
    /// Cannot be checked exactly: the area total or some district figures are suppressed.
    case unverifiable(String)
  }

  public var code: String
  public var name: String
  /// The level-1 row's 総数 (both sexes, including 年齢不詳), if published.
  public var areaTotal: Int?
  /// The sum of the districts' 総数 written for the area.
  public var districtsTotal: Int
  public var outcome: Outcome
  public var line: Int
}

/// What an import read and wrote, printed by `chiiki import` and returned to callers.
public struct ImportSummary: Sendable {
  /// The source format in words.
  public var format: String
  /// The file's name as the user gave it.
  public var file: String
  public var encoding: InputEncoding
  public var period: Period
  /// Where the period came from (`調査年月日 2017-04-01`, `--period`, `census table T001082`).
  public var periodSource: String
  /// Data rows read (header rows excluded).
  public var rowsRead = 0
  /// Municipalities (住基) or level-1 areas (e-Stat, 市区町村/区) covered.
  public var areas = 0
  /// Districts written.
  public var districts = 0
  /// The age bands written, in order.
  public var bands: [AgeBand] = []
  /// Persons in the source for the districts covered, including unknown age.
  public var sourcePersons = 0
  /// Persons written to population.csv (sum of the counts).
  public var personsWritten = 0
  /// Persons of unknown age (不詳) in the source: reported, not spread over the bands.
  public var unknownAgePersons = 0
  /// Districts that have persons of unknown age.
  public var districtsWithUnknownAge = 0
  /// Suppressed cells (`X` etc.) anywhere in the source's value columns.
  public var suppressedCellsInSource = 0
  /// Population cells that are suppressed in the output (written `X`, or left out).
  public var suppressedCellsWritten = 0
  /// Hidden (秘匿) areas and where their people went.
  public var mergedAreas: [MergedArea] = []
  /// Districts whose figures include merged areas.
  public var receivingDistricts = 0
  /// Source rows skipped (totals, aggregate 町 rows), with the reason.
  public var skipped: [String: Int] = [:]
  /// One entry per level-1 area (e-Stat only).
  public var reconciliations: [Reconciliation] = []

  public init(format: String, file: String, encoding: InputEncoding, period: Period, periodSource: String) {
    self.format = format
    self.file = file
    self.encoding = encoding
    self.period = period
    self.periodSource = periodSource
  }

  /// Level-1 areas whose districts do not add up to the published total.
  public var unreconciled: [Reconciliation] {
    reconciliations.filter { if case .matches = $0.outcome { return false } else { return true } }
  }

  /// The summary as terminal lines.
  public func lines() -> [String] {
    var out: [String] = []
    out.append("\(file): \(format), \(encoding.rawValue), \(rowsRead) data rows")
    out.append("  period:            \(period) (\(periodSource))")
    out.append("  areas:             \(areas)")
    out.append("  districts written: \(districts)")
    if let first = bands.first, let last = bands.last {
      out.append("  age bands:         \(bands.count) (\(first) … \(last))")
    }
    out.append("  persons in source: \(sourcePersons)")
    out.append("  persons written:   \(personsWritten)")
    out.append("  unknown age (不詳): \(unknownAgePersons) in \(districtsWithUnknownAge) districts (not spread over the bands)")
    out.append("  suppressed cells:  \(suppressedCellsInSource) in the source, \(suppressedCellsWritten) in population.csv")
    if !mergedAreas.isEmpty || receivingDistricts > 0 {
      out.append("  merged areas (秘匿): \(mergedAreas.count) hidden, carried by \(receivingDistricts) districts")
    }
    for (reason, count) in skipped.sorted(by: { $0.key < $1.key }) {
      out.append("  skipped:           \(count) \(reason)")
    }
    if !reconciliations.isEmpty {
      let bad = unreconciled
      out.append("  reconciliation:    \(reconciliations.count - bad.count) of \(reconciliations.count) areas match their published totals exactly")
      for r in bad {
        let what: String
        switch r.outcome {
        case .matches: what = "matches"
        case .differs(let column, let difference): what = "\(column) differs by \(difference > 0 ? "+" : "")\(difference)"
        case .unverifiable(let reason): what = "not verifiable: \(reason)"
        }
        out.append("    \(r.code) \(r.name) (line \(r.line)): \(what)")
      }
    }
    return out
  }
}
