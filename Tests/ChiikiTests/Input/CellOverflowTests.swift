import Foundation
import Testing

@testable import Chiiki

/// Statistics cells are stored as 16-bit codes with an overflow table (`CellCode`, `CellGrid`,
/// `CellColumns`); these tests hold them against plain `UInt32` values: the codes themselves at
/// the edges, a grid written at random, and statistics.csv read in one thread and in two halves
/// (overflowing cells in both), with denominators filled from population.csv — always the value
/// a `UInt32` cell would have held.
@Suite struct CellOverflowTests {
  /// Values on both sides of every edge of the coding.
  static let edges: [UInt32] = [
    0, 1, 255, 256, 65_518, 65_519, 65_520, 65_531, 65_532, 65_533, 65_534, 65_535, 65_536, 65_537,
    1 << 20, CellMark.maxCount - 1, CellMark.maxCount, CellMark.fromPopulation, CellMark.missing, CellMark.absent,
  ]

  /// A value straddling the 16-bit limit, or a mark.
  static func value(_ state: inout UInt64) -> UInt32 {
    switch splitMix(&state) % 8 {
    case 0: return edges[Int(splitMix(&state) % UInt64(edges.count))]
    case 1: return UInt32(truncatingIfNeeded: splitMix(&state))
    case 2: return 65_000 + UInt32(splitMix(&state) % 1_000)
    default: return UInt32(splitMix(&state) % 70_000)
    }
  }

  @Test func codesKeepEveryValue() {
    for v in Self.edges {
      let c = CellCode.code(v)
      if v <= CellCode.maxInline {
        #expect(c == UInt16(v) && CellCode.value(c) == v)
      } else if v >= CellMark.fromPopulation {
        // The marks keep their low 16 bits, above every count.
        #expect(c >= CellCode.firstReserved && c != CellCode.overflow && CellCode.value(c) == v)
      } else {
        #expect(c == CellCode.overflow)
        #expect(CellCode.value(c, table: [7: v], key: 7) == v)
      }
    }
    #expect(CellCode.code(CellMark.absent) == CellCode.absent)
    #expect(CellCode.code(CellMark.missing) == CellCode.missing)
    #expect(CellCode.code(CellMark.fromPopulation) == CellCode.fromPopulation)
    // Only the overflow code takes a value that is a count to the table.
    #expect(!CellMark.isCount(CellCode.value(CellCode.absent)) && !CellMark.isCount(CellCode.value(CellCode.missing)))
  }

  @Test(arguments: [1 as UInt64, 2, 3])
  func aGridWrittenAtRandomHoldsThePlainValues(seed: UInt64) {
    var state = seed
    let n = 3_001
    var grid = CellGrid(districtCount: n, bandCount: 3)
    grid.ensureBand(2)
    grid.ensureBand(0)
    let cells = 2 * 2 * n
    var numerators = [UInt32](repeating: CellMark.absent, count: cells)
    var denominators = [UInt32](repeating: CellMark.absent, count: cells)
    // Overwrites on purpose: an overflowing cell later set to a small value (and back).
    for _ in 0..<40_000 {
      let o = Int(splitMix(&state) % UInt64(cells))
      let v = Self.value(&state)
      if splitMix(&state) % 2 == 0 {
        grid.setNumerator(v, at: o)
        numerators[o] = v
      } else {
        grid.setDenominator(v, at: o)
        denominators[o] = v
      }
    }
    #expect(grid.numeratorValues() == numerators)
    #expect(grid.denominatorValues() == denominators)
    grid.withCells { view in
      for o in 0..<cells {
        #expect(view.numerator(o) == numerators[o] && view.denominator(o) == denominators[o])
        #expect(view.isAbsent(o) == (numerators[o] == CellMark.absent))
      }
    }
    // The tables hold the overflowing cells and nothing else (a cell set small again leaves it).
    let overflowing = { (values: [UInt32]) in Set(values.indices.filter { CellCode.code(values[$0]) == CellCode.overflow }) }
    #expect(Set(grid.numeratorOverflow.keys) == overflowing(numerators))
    #expect(Set(grid.denominatorOverflow.keys) == overflowing(denominators))
    #expect(!grid.numeratorOverflow.isEmpty)
    // The plain-value initialiser codes the same way.
    let rebuilt = CellGrid(districtCount: n, bandCount: 3, slots: grid.slots, numerators: numerators, denominators: denominators)
    #expect(rebuilt.numeratorCodes == grid.numeratorCodes && rebuilt.denominatorOverflow == grid.denominatorOverflow)
  }

  @Test func aPopulationGridWrittenAtRandomHoldsThePlainValues() {
    var state: UInt64 = 9
    let n = 2_049
    var grid = PopulationGrid(districtCount: n, bandCount: 2)
    grid.ensureBands(3)
    var values = [UInt32](repeating: CellMark.absent, count: 3 * 2 * n)
    for _ in 0..<20_000 {
      let o = Int(splitMix(&state) % UInt64(values.count))
      let v = Self.value(&state)
      grid.setValue(v, at: o)
      values[o] = v
    }
    #expect(values.indices.allSatisfy { grid.value(at: $0) == values[$0] && grid.isAbsent(at: $0) == (values[$0] == CellMark.absent) })
    #expect(Set(grid.overflow.keys) == Set(values.indices.filter { CellCode.code(values[$0]) == CellCode.overflow }))
    #expect(!grid.overflow.isEmpty)
  }

  /// One row of a random statistics.csv.
  struct Row {
    var period: String
    var district: Int
    var sex: String
    var band: String
    var indicator: String
    var numerator: String
    var denominator: String
  }

  /// statistics.csv read in one thread and in two halves gives the grids of a plain `UInt32`
  /// reference (the rows' values, `fromPopulation` cells filled with population.csv's figures);
  /// a small share of districts are whole cities, with counts far above 16 bits.
  @Test(arguments: [5 as UInt64, 6])
  func aSplitReadWithOverflowingCellsMatchesPlainValues(seed: UInt64) throws {
    var state = seed
    let n = 1_200
    let bands = ["15-39", "40-64", "65-74", "75+"]
    let dir = TempDir()
    defer { dir.remove() }
    let districts = DistrictTable((0..<n).map { District(code: DistrictCode("D\($0)"), name: "D\($0)") })
    func big(_ d: Int) -> Bool { d % 97 == 3 }
    // Population of every district x sex x band (the big districts above 65,535).
    var population: [String: UInt32] = [:]
    var text = "period,district_code,sex,age_group,population\n"
    for d in 0..<n {
      for sex in ["male", "female"] {
        for band in bands {
          let p = big(d) ? 60_000 + UInt32(splitMix(&state) % 400_000) : 1 + UInt32(splitMix(&state) % 900)
          population["\(d)|\(sex)|\(band)"] = p
          text += "2025,D\(d),\(sex),\(band),\(p)\n"
        }
      }
    }
    dir.write("population.csv", text)
    // Two periods, period-major, the first a third of the districts: the middle of the file falls
    // inside the second period, so both halves of the split write cells (big ones included) of
    // its grids. welfare and ltc take population denominators when left empty.
    var rows: [Row] = []
    for period in ["2025", "2026"] {
      for d in 0..<(period == "2025" ? n / 3 : n) {
        for sex in ["male", "female"] {
          for band in bands {
            for indicator in ["unemployment", "welfare", "ltc"] {
              if indicator == "ltc" && (band == "15-39" || band == "40-64") { continue }
              if splitMix(&state) % 10 == 0 { continue }  // a hole
              let p = population["\(d)|\(sex)|\(band)"]!
              let fromPopulation = indicator != "unemployment" && splitMix(&state) % 2 == 0
              let den = fromPopulation ? p : (big(d) ? 50_000 + UInt32(splitMix(&state) % 300_000) : 1 + UInt32(splitMix(&state) % 1_000))
              let num = UInt32(splitMix(&state) % UInt64(den / 2 + 1))
              let suppressed = splitMix(&state) % 25 == 0
              rows.append(Row(
                period: period, district: d, sex: sex, band: band, indicator: indicator,
                numerator: suppressed ? "X" : String(num), denominator: fromPopulation ? "" : String(den)))
            }
          }
        }
      }
    }
    text = "period,district_code,sex,age_group,indicator,numerator,denominator\n"
    for r in rows { text += "\(r.period),D\(r.district),\(r.sex),\(r.band),\(r.indicator),\(r.numerator),\(r.denominator)\n" }
    dir.write("statistics.csv", text)

    var populationLog = DiagnosticLog()
    let (populationData, _) = try PopulationLoader.load(path: dir.file("population.csv"), districts: districts, encoding: nil, log: &populationLog)
    // The city districts' population cells overflow 16 bits in the population grid too.
    #expect(populationData.grids.values.contains { !$0.overflow.isEmpty })
    func load(_ p: ReadParallelism) throws -> (StatisticsData, [String]) {
      var log = DiagnosticLog()
      let (data, _) = try StatisticsLoader.load(
        path: dir.file("statistics.csv"), districts: districts, population: populationData, runPeriod: Period(year: 2026, month: 10),
        configuration: Configuration(), encoding: nil, log: &log, parallelism: p)
      return (data, log.rendered())
    }
    let (single, singleLog) = try load(.off)
    let (split, splitLog) = try load(.always)
    #expect(singleLog == splitLog)
    #expect(!singleLog.contains { $0.contains("error") })

    // The reference: each row's plain values (a suppressed cell is missing in both).
    var overflowing = 0
    for data in [single, split] {
      #expect(data.rows == rows.count)
      var seen = 0
      for r in rows {
        let grid = try #require(data.grids[IndicatorID(r.indicator)]?[Period(year: Int(r.period)!, month: nil)])
        let b = try #require(data.bands.index(of: AgeBand.parse(r.band)!))
        let d = try #require(districts.index(of: "D\(r.district)"))  // the table orders districts its own way
        let o = grid.offset(district: d, sex: r.sex == "male" ? .male : .female, band: b)
        let den = r.denominator.isEmpty ? population["\(r.district)|\(r.sex)|\(r.band)"]! : UInt32(r.denominator)!
        let num = r.numerator == "X" ? CellMark.missing : UInt32(r.numerator)!
        #expect(grid.numerator(at: o) == num, "numerator \(r)")
        #expect(grid.denominator(at: o) == den, "denominator \(r)")
        if num > CellCode.maxInline && num != CellMark.missing { overflowing += 1 }
        if den > CellCode.maxInline { overflowing += 1 }
        seen += 1
      }
      // Every other cell is absent.
      var present = 0
      for (_, byPeriod) in data.grids {
        for (_, grid) in byPeriod {
          grid.withCells { view in
            for o in 0..<grid.numeratorCodes.count where !view.isAbsent(o) { present += 1 }
          }
        }
      }
      #expect(present == seen)
    }
    #expect(overflowing > 100)
  }
}
