import Testing
@testable import Chiiki

/// `FunnelLabel.slot` and the stored flag code: the one label <-> position mapping the
/// writers and the referral-outcome table share.
@Suite struct FunnelLabelSlotTests {
  @Test func slotsFollowAllCases() {
    for (k, label) in FunnelLabel.allCases.enumerated() {
      #expect(label.slot == k)
      #expect(FunnelLabel(slot: k) == label)
    }
  }

  @Test func codesRoundTripWithZeroForNone() {
    #expect(FunnelLabel.code(nil) == 0)
    #expect(FunnelLabel.label(code: 0) == nil)
    var seen = Set<UInt8>()
    for label in FunnelLabel.allCases {
      let code = FunnelLabel.code(label)
      #expect(code == UInt8(label.slot + 1))
      #expect(FunnelLabel.label(code: code) == label)
      seen.insert(code)
    }
    #expect(seen.count == FunnelLabel.allCases.count)
  }
}
