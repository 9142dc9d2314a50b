/// Small-number protection for everything that leaves the centre (the meeting summary).
///
/// Rules (data-contract.md, "Small numbers"):
/// - primary suppression: a count from 1 to `threshold - 1` is shown as `<threshold` (`<5`);
///   0 and counts of at least the threshold are shown;
/// - anything derived from a suppressed count (a ratio, a percentage, an interval, a difference
///   such as expected - observed) is masked too, since ratio x expected gives the count back;
/// - secondary suppression: when a group of counts is printed with its total, more cells are
///   masked (shown as `X`) until no masked cell can be worked back out of the total, i.e. every
///   masked cell keeps at least two values consistent with what is printed. If no choice of cells
///   achieves that, the total is masked instead.
public struct Suppression: Sendable {
  /// How one printed count is shown.
  public enum State: Sendable, Hashable {
    case shown
    /// 1 ... threshold-1.
    case primary
    /// Masked to protect a primary cell of the same group.
    case secondary
  }

  /// A group of counts printed together with their total.
  public struct Group: Sendable {
    public var counts: [Int]
    public var states: [State]
    public var total: Int
    public var totalShown: Bool
    /// True when any cell is masked.
    public var hasMasked: Bool { states.contains { $0 != .shown } }
  }

  public let threshold: Int

  public init(threshold: Int) { self.threshold = max(1, threshold) }

  /// True for counts from 1 to threshold - 1.
  public func isSmall(_ count: Int) -> Bool { count >= 1 && count < threshold }

  /// True for a (possibly fractional, e.g. summed) count that rounds into 1 ... threshold-1.
  public func isSmall(_ count: Double) -> Bool { isSmall(Int(count.rounded())) }

  /// The state of a count printed on its own (primary suppression only).
  public func state(_ count: Int) -> State { isSmall(count) ? .primary : .shown }

  /// The text of a count in a given state.
  public func text(_ count: Int, _ state: State, labels: Labels) -> String {
    switch state {
    case .shown: NumberFormat.grouped(count)
    case .primary: "<\(threshold)"
    case .secondary: labels.secondarySuppressed
    }
  }

  /// A count printed on its own: `<5` or the number.
  public func count(_ count: Int, labels: Labels) -> String { text(count, state(count), labels: labels) }

  /// A value derived from counts in the given states: the text when all are shown, else the mask.
  public func derived(_ text: String, states: [State], labels: Labels) -> String {
    states.allSatisfy { $0 == .shown } ? text : labels.masked
  }

  /// Primary and secondary suppression of a group printed with its total.
  public func group(_ counts: [Int]) -> Group {
    var states = counts.map(state)
    let total = counts.reduce(0, +)
    while !isSafe(counts, states) {
      // Mask the smallest shown non-zero cell next (ties: first), the usual cheapest choice.
      let candidates = counts.indices.filter { states[$0] == .shown && counts[$0] > 0 }
      guard let next = candidates.min(by: { counts[$0] != counts[$1] ? counts[$0] < counts[$1] : $0 < $1 }) else {
        return Group(counts: counts, states: states, total: total, totalShown: false)
      }
      states[next] = .secondary
    }
    return Group(counts: counts, states: states, total: total, totalShown: true)
  }

  /// True when, knowing the total, the shown cells and the rules above, every masked cell still
  /// has at least two possible values.
  func isSafe(_ counts: [Int], _ states: [State]) -> Bool {
    let primaries = counts.indices.filter { states[$0] == .primary }.count
    let secondaries = counts.indices.filter { states[$0] == .secondary }.count
    if primaries == 0 && secondaries == 0 { return true }
    let maskedSum = counts.indices.filter { states[$0] != .shown }.reduce(0) { $0 + counts[$1] }
    let t = threshold
    if primaries > 0 {
      // Feasible values of one primary cell given the others' bounds.
      let upper = min(t - 1, maskedSum - (primaries - 1) - secondaries * t)
      let lower = secondaries > 0 ? 1 : max(1, maskedSum - (primaries - 1) * (t - 1))
      if upper - lower < 1 { return false }
    }
    if secondaries > 0 {
      let upper = maskedSum - primaries - (secondaries - 1) * t
      if upper - t < 1 { return false }
    }
    return true
  }
}
