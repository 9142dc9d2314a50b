import Testing

@testable import Chiiki

/// The compact `DistrictPriority` and `DriverSet` (one per district, 220,000 at national scale)
/// must read back every value given, bit for bit. Before: 152 bytes plus a heap array of
/// drivers (~144 bytes) per district.
@Suite struct DistrictPriorityTests {
  @Test func layout() {
    #expect(MemoryLayout<DriverSet>.stride <= 72)
    #expect(MemoryLayout<DistrictPriority>.stride <= 184)
  }

  @Test func valuesReadBackAsGiven() {
    var rng = IndicatorResultTests.Random(state: 99)
    let ids = [IndicatorID("welfare"), IndicatorID("ltc"), IndicatorID("unemployment")]
    let codes = ids.map { IndicatorCodes.shared.code($0) }
    for trial in 0..<5000 {
      var set = DriverSet()
      var want: [PriorityDriver] = []
      for _ in 0..<Int(rng.next() % 3) {
        let k = Int(rng.next() % 3)
        let interval = rng.next() % 4 == 0 ? nil : Interval(lower: rng.uniform(), upper: 1 + rng.uniform())
        let ratio = rng.uniform() * 3
        set.appendNeed(code: codes[k], ratio: ratio, interval: interval)
        want.append(.need(ids[k], ratio: ratio, interval: interval))
      }
      if rng.next() % 2 == 0 {
        let r = rng.uniform()
        set.setReach(ratio: r)
        want.append(.reach(ratio: r))
      }
      let lowData = rng.next() % 3 == 0
      if lowData {
        set.setLowData()
        want.append(.lowData)
      }
      let month = rng.next() % 3 == 0 ? nil : (rank: Int(rng.next() % 220_000) + 1, missing: rng.uniform() * 10 - 5)
      let year = rng.next() % 3 == 0 ? nil : (rank: Int(rng.next() % 220_000) + 1, missing: rng.uniform() * 10 - 5)
      let reach = Reach(observed: Double(rng.next() % 50), expected: rng.uniform() * 40, ratioInterval: nil, reliability: rng.uniform())
      let p = DistrictPriority(
        district: trial * 37, rank: trial + 1, score: rng.uniform(), needIndex: rng.uniform() * 2, reach: reach,
        leaflets: Int(rng.next() % 1000), drivers: set, lowData: lowData, previousMonth: month, previousYear: year,
        underReachedThreeMonths: trial % 2 == 0)
      #expect(p.district == trial * 37 && p.rank == trial + 1)
      #expect(p.drivers == want)
      #expect(p.previousMonth?.rank == month?.rank && p.previousMonth?.missing.bitPattern == month?.missing.bitPattern)
      #expect(p.previousYear?.rank == year?.rank && p.previousYear?.missing.bitPattern == year?.missing.bitPattern)
      #expect(p.lowData == lowData && p.underReachedThreeMonths == (trial % 2 == 0))
      #expect(p.reach.observed == reach.observed && p.reach.expected == reach.expected)
    }
    print("strides: IndicatorResult \(MemoryLayout<IndicatorResult>.stride), DistrictPriority \(MemoryLayout<DistrictPriority>.stride), DriverSet \(MemoryLayout<DriverSet>.stride), Reach \(MemoryLayout<Reach>.stride), PriorityDriver \(MemoryLayout<PriorityDriver>.stride), RatioComparison? \(MemoryLayout<RatioComparison?>.stride), IndicatorTrend.Test \(MemoryLayout<IndicatorTrend.Test>.stride)")
  }
}
