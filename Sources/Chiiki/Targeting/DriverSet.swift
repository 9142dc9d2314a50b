/// The drivers of one unit's priority in a fixed-size value (72 bytes, no heap array): what
/// `PriorityRanking.drivers` chooses always reads, in this order, up to two indicator needs,
/// then the consultation shortfall, then low data. `drivers` gives them back as the array the
/// rest of the tool reads; the values are the ones stored, bit for bit.
public struct DriverSet: Sendable {
  private var need0Ratio = 0.0
  private var need0Lower = 0.0
  private var need0Upper = 0.0
  private var need1Ratio = 0.0
  private var need1Lower = 0.0
  private var need1Upper = 0.0
  private var reachRatio = 0.0
  private var need0Code: UInt32 = 0
  private var need1Code: UInt32 = 0
  /// Bits 0–1: how many needs; 2, 3: whether need 0, 1 has an interval; 4: the shortfall;
  /// 5: low data.
  private var flags: UInt8 = 0

  public init() {}

  /// How many indicator needs are held (at most two).
  public var needCount: Int { Int(flags & 3) }

  /// Adds an indicator need after those held; false (nothing added) when two are held already.
  @discardableResult
  mutating func appendNeed(code: UInt32, ratio: Double, interval: Interval?) -> Bool {
    switch needCount {
    case 0:
      need0Code = code
      need0Ratio = ratio
      need0Lower = interval?.lower ?? 0
      need0Upper = interval?.upper ?? 0
      if interval != nil { flags |= 4 }
    case 1:
      need1Code = code
      need1Ratio = ratio
      need1Lower = interval?.lower ?? 0
      need1Upper = interval?.upper ?? 0
      if interval != nil { flags |= 8 }
    default:
      return false
    }
    flags += 1
    return true
  }

  /// The consultation shortfall driver (consultations at `ratio` of expected).
  mutating func setReach(ratio: Double) {
    reachRatio = ratio
    flags |= 16
  }

  /// The low-data driver.
  mutating func setLowData() { flags |= 32 }

  /// Whether no driver is held.
  var isEmpty: Bool { flags & (3 | 16 | 32) == 0 }

  /// Need `k` (below `needCount`) as stored: its indicator's code in `IndicatorCodes`, its
  /// ratio and interval. With `reachRatio` and `hasLowData`, what `drivers` gives, read without
  /// building the array or taking `IndicatorCodes`' lock (the outreach rows' reasons cell).
  func need(_ k: Int) -> (code: UInt32, ratio: Double, interval: Interval?) {
    k == 0
      ? (need0Code, need0Ratio, flags & 4 != 0 ? Interval(lower: need0Lower, upper: need0Upper) : nil)
      : (need1Code, need1Ratio, flags & 8 != 0 ? Interval(lower: need1Lower, upper: need1Upper) : nil)
  }

  /// The consultation shortfall driver's ratio, nil when there is none.
  var reach: Double? { flags & 16 != 0 ? reachRatio : nil }

  /// Whether the low-data driver is held.
  var hasLowData: Bool { flags & 32 != 0 }

  /// The drivers in order: needs, shortfall, low data.
  public var drivers: [PriorityDriver] {
    var out: [PriorityDriver] = []
    out.reserveCapacity(needCount + Int((flags >> 4) & 1) + Int((flags >> 5) & 1))
    for k in 0..<needCount {
      let n = need(k)
      out.append(.need(IndicatorCodes.shared.indicator(n.code), ratio: n.ratio, interval: n.interval))
    }
    if let reach { out.append(.reach(ratio: reach)) }
    if hasLowData { out.append(.lowData) }
    return out
  }
}
