/// Options for reading a 住民基本台帳 「地域・年齢別人口」 file.
public struct JukiImportOptions: Sendable {
  /// The period to write; nil takes it from the 調査年月日 column (2017-04-01 → 2017-04).
  public var period: Period?
  /// The file's encoding; nil detects UTF-8 or CP932.
  public var encoding: InputEncoding?
  /// The name used in messages; nil uses the file's own name.
  public var displayName: String?

  public init(period: Period? = nil, encoding: InputEncoding? = nil, displayName: String? = nil) {
    self.period = period
    self.encoding = encoding
    self.displayName = displayName
  }
}

/// Reads the 自治体標準オープンデータセット 「地域・年齢別人口」 (住民基本台帳) CSV into population
/// cells: one district per row, persons by sex and age band. Persons of unknown age (不詳) are
/// counted in the summary and left out of the cells, never spread over the bands.
public enum JukiImporter {
  public static let formatName = "住民基本台帳 地域・年齢別人口"

  /// Reads the file at `path`. Throws `ChiikiError.invalidInput` with every error found
  /// (file, line and column), or `.io` when the file cannot be read.
  public static func read(path: String, options: JukiImportOptions = JukiImportOptions()) throws(ChiikiError) -> ImportedPopulation {
    let file = options.displayName ?? String(path.split(separator: "/").last ?? Substring(path))
    let table = try SourceTable.load(path: path, displayName: file, encoding: options.encoding)
    var reader = JukiRowReader(file: file, forcedPeriod: options.period)
    return try reader.read(table)
  }
}
