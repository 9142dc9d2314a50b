import Foundation
import Testing

@testable import Chiiki

/// `ReasonsText.append(_: DriverSet, to:)` (reads the stored drivers through a snapshot of
/// `IndicatorCodes`) against `append(set.drivers, to:)` (the array the rest of the tool reads):
/// the same bytes for random sets in both languages, including needs of indicators that are not
/// configured and of codes handed out after the `ReasonsText` was made.
@Suite struct ReasonsTextDriverSetTests {
  @Test func driverSetBytesMatchDriverArrayBytes() {
    var state: UInt64 = 0x5EED_5A5E
    func value() -> Double {
      let awkward = ReasonsTextTests.values
      return splitMix(&state) % 3 == 0
        ? awkward[Int(splitMix(&state) % UInt64(awkward.count))] : splitMixUniform(&state) * 4
    }
    for language in [ReportLanguage.ja, .en] {
      var configuration = Configuration()
      configuration.language = language
      let labels = Labels(language)
      var ids = configuration.indicators.keys.sorted()
      ids.append(IndicatorID("reasons_driver_set_unconfigured"))
      var codes = ids.map { IndicatorCodes.shared.code($0) }
      let text = ReasonsText(labels, configuration: configuration)
      // Handed out after the snapshot: looked up in the table itself.
      codes.append(IndicatorCodes.shared.code(IndicatorID("reasons_driver_set_late_\(language)")))
      var sawLate = false
      for _ in 0..<3000 {
        var set = DriverSet()
        for _ in 0..<Int(splitMix(&state) % 3) {
          let code = codes[Int(splitMix(&state) % UInt64(codes.count))]
          if code == codes.last { sawLate = true }
          let interval = splitMix(&state) % 3 == 0 ? nil : Interval(lower: value(), upper: value())
          set.appendNeed(code: code, ratio: value(), interval: interval)
        }
        if splitMix(&state) % 2 == 0 { set.setReach(ratio: value()) }
        if splitMix(&state) % 3 == 0 { set.setLowData() }
        var fromSet = ByteText(capacity: 0)
        var fromArray = ByteText(capacity: 0)
        text.append(set, to: &fromSet)
        text.append(set.drivers, to: &fromArray)
        #expect(fromSet.bytes == fromArray.bytes, "\(set.drivers)")
      }
      #expect(sawLate)
    }
  }
}
