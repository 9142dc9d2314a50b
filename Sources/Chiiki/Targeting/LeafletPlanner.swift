import Foundation

/// Allocates a leaflet budget to districts in priority order.
///
/// Whole districts are covered in rank order (ceil(households x leaflets per household) each)
/// while the budget lasts; the district where it runs out gets the remainder as a partial run
/// (the plan says which). Districts with a shortfall that survives shrinkage come first in rank
/// order, so a budget larger than their households reaches the next-ranked districts too;
/// leaflets left once every district is covered are reported as left over. Districts with
/// unknown households are skipped and listed. The sum never exceeds the budget.
public enum LeafletPlanner {
  /// The default budget: one run per household of the top `count` ranked districts.
  public static func defaultBudget(order: [Int], districts: DistrictTable, count: Int, perHousehold: Double) -> Int {
    order.prefix(count).reduce(0) { $0 + run(districts.districts[$1].households, perHousehold) }
  }

  static func run(_ households: Int?, _ perHousehold: Double) -> Int {
    guard let households else { return 0 }
    return Int((Double(households) * perHousehold).rounded(.up))
  }

  public static func plan(
    order: [Int], scores: [Double], shrunkMissing: [Double], districts: DistrictTable, budget: Int, perHousehold: Double
  ) -> (LeafletPlan, [Int]) {
    var leaflets = [Int](repeating: 0, count: districts.count)
    var remaining = max(0, budget)
    var partial: Int? = nil
    var skipped: [Int] = []
    var gapCovered = 0.0
    for d in order {
      guard remaining > 0 else { break }
      guard let households = districts.districts[d].households, households > 0 else {
        skipped.append(d)
        continue
      }
      let full = run(households, perHousehold)
      let given = min(full, remaining)
      leaflets[d] = given
      remaining -= given
      gapCovered += shrunkMissing[d] * Double(given) / Double(full)
      if given < full { partial = d }
    }
    let allocated = max(0, budget) - remaining
    let plan = LeafletPlan(
      budget: max(0, budget), allocated: allocated, partialDistrict: partial, leftOver: remaining,
      skippedNoHouseholds: skipped, expectedReachPerLeaflet: allocated > 0 ? gapCovered / Double(allocated) : nil,
      perHousehold: perHousehold)
    return (plan, leaflets)
  }
}
