/// A district as an importer found it, ready for districts.csv.
public struct ImportedDistrict: Hashable, Sendable {
  /// The district code written to both output files (e-Stat KEY_CODE, or the 住基 地域コード).
  public var code: String
  /// Display name; for an e-Stat row that carries merged (秘匿) areas it says which, e.g.
  /// `平林北（一・二丁目を含む）`.
  public var name: String
  /// Larger grouping (the e-Stat CITYNAME, e.g. 大阪市住之江区), if any.
  public var area: String?
  /// Households (住基 世帯数), if the source has them.
  public var households: Int?
  /// Codes of the hidden areas whose people this district's figures include.
  public var includedCodes: [String]
  /// 1-based line of the source row.
  public var line: Int

  public init(code: String, name: String, area: String? = nil, households: Int? = nil,
              includedCodes: [String] = [], line: Int) {
    self.code = code
    self.name = name
    self.area = area
    self.households = households
    self.includedCodes = includedCodes
    self.line = line
  }
}

/// One row of population.csv: persons of one sex and age band in one district.
public struct PopulationCell: Hashable, Sendable {
  public var districtCode: String
  public var sex: Sex
  public var band: AgeBand
  /// The count, or nil when the source suppressed it (`X`).
  public var population: Int?

  public init(districtCode: String, sex: Sex, band: AgeBand, population: Int?) {
    self.districtCode = districtCode
    self.sex = sex
    self.band = band
    self.population = population
  }
}

/// What an import produced: the districts, their population cells, the summary and the
/// warnings and notes met on the way.
public struct ImportedPopulation: Sendable {
  public var period: Period
  /// Districts in output order (by code).
  public var districts: [ImportedDistrict]
  /// Cells in output order: district (as in `districts`), then sex, then age band.
  public var cells: [PopulationCell]
  public var summary: ImportSummary
  /// Warnings and notes (errors are thrown instead).
  public var diagnostics: DiagnosticLog
}
