import Foundation
import Testing

@testable import Chiiki

@Suite struct CSVReaderTests {
  @Test func placeholder() { #expect(AgeBand.parse("15〜19歳") == AgeBand(lower: 15, upper: 19)) }
}
