/// The one mapping between a funnel label and its position in `FunnelLabel.allCases`: the
/// slot of its rendered cell in the writers (indicators.csv, referral_outcomes.csv) and, plus
/// one, the byte a referral-outcome district row stores its flags in (0: no flag).
///
/// Why here: the writers and the outcome table each spelled the mapping out themselves
/// (a `switch`, `allCases.firstIndex`, `allCases[code - 1]`); one definition keeps them in step.
extension FunnelLabel {
  /// The label's position in `allCases`.
  var slot: Int {
    switch self {
    case .high998: 0
    case .high95: 1
    case .within: 2
    case .low95: 3
    case .low998: 4
    }
  }

  /// The label at `slot` in `allCases` (`slot` must be in 0..<allCases.count).
  init(slot: Int) { self = FunnelLabel.allCases[slot] }

  /// A stored flag: 0 for none, else the label's slot + 1.
  static func code(_ label: FunnelLabel?) -> UInt8 {
    guard let label else { return 0 }
    return UInt8(truncatingIfNeeded: label.slot + 1)
  }

  /// The label a stored flag holds (`code`'s inverse).
  static func label(code: UInt8) -> FunnelLabel? { code == 0 ? nil : FunnelLabel(slot: Int(code) - 1) }
}
