import Foundation
import Testing

@testable import Chiiki

/// The reasons cell written as bytes (`ReasonsText`, used by outreach_targets.csv) against the
/// reference `Labels.reasons` (the path of commit 6d47949): the same UTF-8 in both languages,
/// for configured and unknown indicators, every confidence level shape and awkward ratios; and
/// `appendCell(utf8:)` against `appendCell`.
@Suite struct ReasonsTextTests {
  static let values: [Double] = [
    0, -0, 0.04999, 0.05, 0.25, 0.95, 1, 1.05, 1.15, 2.675, 13.7, 99.95, 123456.78, -0.3, -2.5, 1e17, 9.2e17, 1e30, -1e30,
    .nan, .infinity, -.infinity, .leastNonzeroMagnitude,
  ]

  @Test func bytesMatchLabelsReasons() {
    var rng = OutputTestRandom(seed: 7)
    func value() -> Double { Self.values[Int(rng.next() % UInt64(Self.values.count))] }
    for language in [ReportLanguage.ja, .en] {
      for level in [0.95, 0.9, 0.998, 0.99] {
        var configuration = Configuration()
        configuration.language = language
        configuration.confidenceLevel = level
        let labels = Labels(language)
        let text = ReasonsText(labels, configuration: configuration)
        var ids = configuration.indicators.keys.sorted()
        ids.append(IndicatorID("not_configured"))
        for _ in 0..<2000 {
          var drivers: [PriorityDriver] = []
          for _ in 0..<Int(rng.next() % 4) {
            switch rng.next() % 4 {
            case 0: drivers.append(.reach(ratio: value()))
            case 1: drivers.append(.lowData)
            default:
              let id = ids[Int(rng.next() % UInt64(ids.count))]
              let interval = rng.next() % 3 == 0 ? nil : Interval(lower: value(), upper: value())
              drivers.append(.need(id, ratio: value(), interval: interval))
            }
          }
          var bytes = ByteText(capacity: 0)
          text.append(drivers, to: &bytes)
          #expect(bytes.bytes == Array(labels.reasons(drivers, configuration: configuration).utf8), "\(drivers)")
        }
      }
    }
  }

  @Test func utf8CellsMatchStringCells() {
    var reference = CSVWriter(header: ["x"])
    var bytes = CSVWriter(header: ["x"])
    for (i, cell) in CSVCellsTests.awkward.enumerated() {
      reference.appendCell(cell)
      Array(cell.utf8).withUnsafeBufferPointer { bytes.appendCell(utf8: $0) }
      if i % 3 == 2 {
        reference.endRow()
        bytes.endRow()
      }
    }
    #expect(bytes.data == reference.data)
  }
}
