import Foundation

@testable import Chiiki

/// What the hot-path tests' random files share (StatisticsHotPathTests, PopulationHotPathTests).
enum HotPathFixtures {
  /// Forty short district codes and one longer than the 16 bytes the district memo reads whole.
  static let codes = (0..<40).map { String(format: "D%03d", $0) } + ["A-DISTRICT-CODE-LONGER-THAN-16"]

  /// The districts of `codes`.
  static func districts() -> DistrictTable {
    DistrictTable(codes.enumerated().map { i, code in
      District(code: DistrictCode(code), name: i < 40 ? "d\(i)" : "long")
    })
  }
}

/// CSV text of random test rows: a fiftieth of the rows swapped with others (out of order, as
/// hand-edited files are), each row written in `columns` order with absent cells left empty.
func shuffledCSVText(columns: [String], rows: [[String: String]], rng: inout UInt64) -> String {
  var lines = rows
  for _ in 0..<(lines.count / 50) {
    let i = Int(splitMix(&rng) % UInt64(lines.count))
    let j = Int(splitMix(&rng) % UInt64(lines.count))
    lines.swapAt(i, j)
  }
  var text = columns.joined(separator: ",") + "\n"
  for row in lines { text += columns.map { row[$0] ?? "" }.joined(separator: ",") + "\n" }
  return text
}
