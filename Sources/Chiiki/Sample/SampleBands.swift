/// The age bands the generator writes: 18 five-year bands for population and statistics
/// (`0-4` … `80-84`, `85+`, as in the 住民基本台帳 open-data standard) and 8 ten-year bands for
/// cases (`10-19` … `70-79`, `80+`), which nest into the five-year ones.
enum SampleBands {
  /// Number of five-year bands.
  static let count = 18
  /// Index of the first band of ages 15+ (`15-19`).
  static let working = 3
  /// Index of the first band of ages 65+ (`65-69`).
  static let elderly = 13

  /// Five-year bands in order.
  static let fiveYear: [AgeBand] = (0..<count).map { i in
    i == count - 1 ? AgeBand(lower: 85, upper: nil) : AgeBand(lower: i * 5, upper: i * 5 + 4)
  }

  /// Ten-year case bands in order; case band k covers five-year bands 2k+2 and 2k+3
  /// (the last, `80+`, covers `80-84` and `85+`).
  static let tenYear: [AgeBand] = (0..<8).map { k in
    k == 7 ? AgeBand(lower: 80, upper: nil) : AgeBand(lower: 10 * (k + 1), upper: 10 * (k + 1) + 9)
  }

  static let fiveYearBytes: [[UInt8]] = fiveYear.map { Array($0.description.utf8) }
  static let tenYearBytes: [[UInt8]] = tenYear.map { Array($0.description.utf8) }
  static let sexBytes: [[UInt8]] = [Array("male".utf8), Array("female".utf8)]
  static let unknownBytes: [UInt8] = Array("unknown".utf8)
}
