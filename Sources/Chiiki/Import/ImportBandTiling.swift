/// Chooses, from the age bands a table publishes, the set that tiles the ages from 0 without
/// overlap: the finest bands (0–4, 5–9, …) and the open top band, leaving out the 再掲 subtotals
/// that overlap them (15歳未満, 15～64歳, 65歳以上).
enum ImportBandTiling {
  struct Result: Equatable {
    /// The tiling bands in age order; the last one is open (`85+`) when the table has one.
    var bands: [AgeBand]
    /// Bands not in the tiling (subtotals), in age order.
    var subtotals: [AgeBand]
    /// True when the tiling ends with an open band, so that every age is covered.
    var coversAllAges: Bool { bands.last?.upper == nil }
  }

  enum Failure: Error, Equatable {
    /// No band starts at this age although some band starts later: the ages are not covered.
    case gap(at: Int)
    case empty
  }

  /// At each age, the narrowest closed band starting there is taken (an open band only when it
  /// is the only one left), so that 65–69 wins over 65歳以上 and 0–4 over 15歳未満.
  static func select(_ published: [AgeBand]) throws(Failure) -> Result {
    let all = Array(Set(published)).sorted()
    guard !all.isEmpty else { throw .empty }
    var chosen: [AgeBand] = []
    var next = 0
    while true {
      let starting = all.filter { $0.lower == next }
      if starting.isEmpty {
        if all.contains(where: { $0.lower > next }) { throw .gap(at: next) }
        break
      }
      if let closed = starting.filter({ $0.upper != nil }).min(by: { $0.upper! < $1.upper! }),
        all.contains(where: { $0.lower == closed.upper! + 1 }) || !starting.contains(where: { $0.upper == nil })
      {
        chosen.append(closed)
        next = closed.upper! + 1
      } else if let open = starting.first(where: { $0.upper == nil }) {
        chosen.append(open)
        break
      } else {
        break
      }
    }
    let chosenSet = Set(chosen)
    return Result(bands: chosen, subtotals: all.filter { !chosenSet.contains($0) })
  }
}
