/// Checks, for each level-1 area (市区町村 or 区), that the districts written add up to the
/// area's published row: the totals of both sexes (which include 年齢不詳) and every age band.
enum EStatReconciler {
  /// `labels` names each figure position, for the message that reports a difference.
  static func reconcile(areas: [EStatRow], leaves: [EStatLeaf], labels: [String]) -> [Reconciliation] {
    var byArea: [String: [EStatLeaf]] = [:]
    for leaf in leaves { byArea[leaf.row.area, default: []].append(leaf) }
    return areas.map { area in
      let mine = byArea[area.key] ?? []
      let totalPositions = [0, labels.count / 2]
      let districtsTotal = mine.reduce(0) { sum, leaf in sum + totalPositions.reduce(0) { $0 + (leaf.figures[$1].value ?? 0) } }
      let areaParts = totalPositions.map { area.figures[$0].value }
      let areaTotal = areaParts.contains(where: { $0 == nil }) ? nil : areaParts.compactMap { $0 }.reduce(0, +)
      return Reconciliation(code: area.key, name: area.cityName.isEmpty ? area.name : area.cityName, areaTotal: areaTotal,
                            districtsTotal: districtsTotal, outcome: outcome(area, mine, labels), line: area.line)
    }
  }

  private static func outcome(_ area: EStatRow, _ leaves: [EStatLeaf], _ labels: [String]) -> Reconciliation.Outcome {
    if leaves.isEmpty { return .unverifiable("no districts were found for this area") }
    // Totals first, then the bands, so that the first difference reported is the most telling.
    let half = labels.count / 2
    let order = [0, half] + Array(1..<half) + Array((half + 1)..<labels.count)
    var unverifiable: String? = nil
    for p in order {
      guard let published = area.figures[p].value else {
        unverifiable = unverifiable ?? "the area's own \(labels[p]) is suppressed"
        continue
      }
      let sum = leaves.reduce(0) { $0 + ($1.figures[p].value ?? 0) }
      let suppressed = leaves.filter { $0.figures[p].value == nil }.count
      if suppressed == 0 || sum > published {
        if sum != published { return .differs(column: labels[p], difference: sum - published) }
      } else if sum < published {
        unverifiable = unverifiable ?? "\(suppressed) suppressed district cells of \(labels[p]) leave \(published - sum) persons unplaced"
      }
    }
    return unverifiable.map { .unverifiable($0) } ?? .matches
  }
}
