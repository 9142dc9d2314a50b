import Testing

@testable import Chiiki

/// `StatisticsLoader.checkGaps` reads each (band, sex) column's districts in memory order; the
/// warnings must be those of the district-by-district walk it replaced (kept below as
/// `referenceCheckGaps`), on random grids with holes, empty districts, missing bands and
/// periods after the run.
@Suite struct CheckGapsTests {
  static let bandNames = ["0-4", "5-9", "10-14", "65-74", "75+"]

  /// A random dataset: 1–2 indicators, 1–3 periods, some bands stored, cells present with a
  /// probability drawn per column (so that some columns are empty and some full).
  static func randomData(_ seed: inout UInt64) -> (StatisticsData, DistrictTable) {
    let n = 1 + Int(splitMix(&seed) % 700)
    let districts = DistrictTable((0..<n).map { District(code: DistrictCode("D\($0)"), name: "D\($0)") })
    var data = StatisticsData()
    // Bands registered in a shuffled order, so that sorted order differs from index order.
    for name in bandNames.splitMixShuffled(&seed) { _ = data.bands.index(for: AgeBand.parse(name)!) }
    let bandCount = data.bands.count
    for i in 0..<(1 + Int(splitMix(&seed) % 2)) {
      var byPeriod: [Period: CellGrid] = [:]
      for p in 0..<(1 + Int(splitMix(&seed) % 3)) {
        let (slots, stored) = randomGridSlots(bandCount: bandCount, skipOneIn: 3, &seed)
        let cells = Int(stored) * 2 * n
        var numerators = [UInt32](repeating: CellMark.absent, count: cells)
        let silent = (0..<n).map { _ in splitMix(&seed) % 5 == 0 }  // districts with no row
        for column in 0..<(Int(stored) * 2) {
          let present = splitMixUniform(&seed)
          for d in 0..<n where !silent[d] && splitMixUniform(&seed) < present {
            numerators[column * n + d] = UInt32(splitMix(&seed) % 50)
          }
        }
        let denominators = numerators.map { $0 == CellMark.absent ? CellMark.absent : 100 }
        let period = Period(year: 2026, month: 3 + 3 * p)
        byPeriod[period] = CellGrid(districtCount: n, bandCount: bandCount, slots: slots, numerators: numerators, denominators: denominators)
      }
      data.grids[IndicatorID("indicator\(i)")] = byPeriod
    }
    return (data, districts)
  }

  @Test func sameWarningsAsTheDistrictWalk() {
    var seed: UInt64 = 0x5EED_6A95
    var warned = 0
    for _ in 0..<200 {
      let (data, districts) = Self.randomData(&seed)
      let run = Period(year: 2026, month: 1 + Int(splitMix(&seed) % 12))
      var log = DiagnosticLog()
      StatisticsLoader.checkGaps(data, districts: districts, runPeriod: run, log: &log)
      var expected = DiagnosticLog()
      Self.referenceCheckGaps(data, districts: districts, runPeriod: run, log: &expected)
      #expect(log.shown.map(\.message) == expected.shown.map(\.message))
      warned += expected.shown.count
    }
    // The inputs do produce warnings (the comparison is not of two empty logs).
    #expect(warned > 50)
  }

  /// The district-by-district walk `checkGaps` replaced, unchanged.
  static func referenceCheckGaps(_ data: StatisticsData, districts: DistrictTable, runPeriod: Period, log: inout DiagnosticLog) {
    let order = data.bands.sortedIndices
    for indicator in data.indicators {
      guard let byPeriod = data.grids[indicator] else { continue }
      for (period, grid) in byPeriod.sorted(by: { $0.key < $1.key }) where period.isNotAfter(runPeriod) {
        var used: [(band: Int, sex: Sex)] = []
        var hasRows = Array(repeating: false, count: grid.districtCount)
        for b in order where grid.hasBand(b) {
          for sex in Sex.allCases {
            var any = false
            for d in 0..<grid.districtCount where !grid.isAbsent(at: grid.offset(district: d, sex: sex, band: b)) {
              any = true
              hasRows[d] = true
            }
            if any { used.append((b, sex)) }
          }
        }
        var examples: [String] = []
        var count = 0
        for d in 0..<grid.districtCount where hasRows[d] {
          var hasHole = false
          for u in used where grid.isAbsent(at: grid.offset(district: d, sex: u.sex, band: u.band)) {
            hasHole = true
            break
          }
          guard hasHole else { continue }
          count += 1
          if examples.count < 3 {
            let holes = used.filter { grid.isAbsent(at: grid.offset(district: d, sex: $0.sex, band: $0.band)) }
            examples.append("\(districts.districts[d].code) (\(holes.map { "\($0.sex.code) \(data.bands.bands[$0.band])" }.joined(separator: ", ")))")
          }
        }
        guard count > 0 else { continue }
        let subject = count == 1 ? "district \(examples[0]) has no row" : "\(count) districts have no row"
        let list = count == 1 ? "" : ": \(examples.joined(separator: "; "))\(count > examples.count ? "; …" : "")"
        log.add(Diagnostic(.warning, file: "statistics.csv",
                           "\(indicator) \(period): \(subject) for some sex x age cells that other districts have\(list); their ratios cover the other ages (a cell with no people needs no row; write X for a suppressed figure)"))
      }
    }
  }
}

extension Array {
  /// A Fisher–Yates shuffle driven by `splitMix`, for reproducible test inputs.
  fileprivate func splitMixShuffled(_ seed: inout UInt64) -> [Element] {
    var copy = self
    guard copy.count > 1 else { return copy }
    for i in stride(from: copy.count - 1, to: 0, by: -1) {
      let j = Int(splitMix(&seed) % UInt64(i + 1))
      copy.swapAt(i, j)
    }
    return copy
  }
}
