import Foundation
import Testing

@testable import Chiiki

/// CellColumns (the per-thread cells of a statistics read) against dense CellGrids written
/// cell by cell: the grid it finishes must hold the same cells, in the same band slots, and it
/// must refuse the same duplicates — within one thread and across the two halves of a split.
/// Values straddle the 16-bit codes (counts up to 65,519 are codes, larger ones go to the
/// overflow tables) and include every mark, so the overflow values must follow their cells
/// through writes, merges and finishing.
@Suite struct CellColumnsTests {
  struct Write {
    var band: Int
    var sex: Int
    var district: Int
    var numerator: UInt32
    var denominator: UInt32
  }

  /// Random writes (some in the last, partial block), none repeating a cell.
  static let numerators: [UInt32] = [0, 3, CellMark.missing, 65_519, 65_520, 65_535, 65_536, 70_000, 4_000_000_000]
  static let denominators: [UInt32] = [5, CellMark.fromPopulation, CellMark.missing, 65_519, 65_532, 65_533, 100_000, CellMark.maxCount]

  static func writes(_ count: Int, districts n: Int, bands: Int, state: inout UInt64, avoiding taken: inout Set<[Int]>) -> [Write] {
    var out: [Write] = []
    while out.count < count {
      let w = Write(
        band: Int(splitMix(&state) % UInt64(bands)), sex: Int(splitMix(&state) % 2),
        district: splitMix(&state) % 4 == 0 ? max(0, n - 1 - Int(splitMix(&state) % 7)) : Int(splitMix(&state) % UInt64(n)),
        numerator: numerators[Int(splitMix(&state) % UInt64(numerators.count))],
        denominator: denominators[Int(splitMix(&state) % UInt64(denominators.count))])
      guard taken.insert([w.band, w.sex, w.district]).inserted else { continue }
      out.append(w)
    }
    return out
  }

  /// The dense grid the writes give, bands given storage in the order first written.
  static func dense(_ writes: [Write], districts n: Int, bandCount: Int) -> CellGrid {
    var grid = CellGrid(districtCount: n, bandCount: bandCount)
    for w in writes {
      let sex: Sex = w.sex == 0 ? .male : .female
      grid.ensureBand(w.band)
      let o = grid.offset(district: w.district, sex: sex, band: w.band)
      #expect(grid.numerator(at: o) == CellMark.absent)
      grid.setNumerator(w.numerator, at: o)
      grid.setDenominator(w.denominator, at: o)
    }
    grid.ensureBands(bandCount)
    return grid
  }

  static func expectSame(_ a: CellGrid, _ b: CellGrid) {
    #expect(a.districtCount == b.districtCount)
    #expect(a.bandCount == b.bandCount)
    #expect(a.slots == b.slots)
    #expect(a.numeratorValues() == b.numeratorValues())
    #expect(a.denominatorValues() == b.denominatorValues())
    // One coding per value: the same codes and the same overflow tables.
    #expect(a.numeratorCodes == b.numeratorCodes && a.denominatorCodes == b.denominatorCodes)
    #expect(a.numeratorOverflow == b.numeratorOverflow && a.denominatorOverflow == b.denominatorOverflow)
  }

  @Test(arguments: [1, 1023, 1024, 1025, 2047, 2048, 2049, 5000])
  func oneThreadMatchesADenseGrid(districts n: Int) {
    var state = UInt64(n)
    var taken = Set<[Int]>()
    let writes = Self.writes(min(3 * n, 4000), districts: n, bands: 6, state: &state, avoiding: &taken)
    let cells = CellColumns(districtCount: n)
    cells.addSlot()
    for w in writes {
      #expect(cells.write(slot: 0, band: w.band, sex: w.sex, district: w.district, numerator: w.numerator, denominator: w.denominator))
    }
    // A second write of a cell is refused and changes nothing.
    let first = writes[0]
    #expect(!cells.write(slot: 0, band: first.band, sex: first.sex, district: first.district, numerator: 1, denominator: 1))
    #expect(cells.numerator(slot: 0, band: first.band, sex: first.sex, district: first.district) == first.numerator)
    #expect(cells.denominator(slot: 0, band: first.band, sex: first.sex, district: first.district) == first.denominator)
    let overflowing = writes.reduce(0) {
      $0 + (CellCode.code($1.numerator) == CellCode.overflow ? 1 : 0) + (CellCode.code($1.denominator) == CellCode.overflow ? 1 : 0)
    }
    #expect(overflowing > 0 || n == 1)
    #expect(cells.overflowCount == overflowing)
    Self.expectSame(cells.takeGrid(slot: 0, bandCount: 8), Self.dense(writes, districts: n, bandCount: 8))
  }

  @Test(arguments: [(1, 3), (2500, 7), (5000, 11)])
  func twoHalvesMergeIntoTheGridOfOneRead(districts n: Int, seed: UInt64) {
    var state = seed
    var taken = Set<[Int]>()
    // The later half numbers bands its own way: its band lb is band map[lb] of the first half.
    let map = [4, 0, 5, 2, 6, 1]
    let early = Self.writes(min(2 * n, 3000), districts: n, bands: 4, state: &state, avoiding: &taken)
    var takenLater = Set(taken.map { [map.firstIndex(of: $0[0]) ?? 99, $0[1], $0[2]] })
    let late = Self.writes(min(2 * n, 3000), districts: n, bands: 6, state: &state, avoiding: &takenLater)
    // Slot 0 is written by both halves, slot 1 by the later only, slot 2 by the first only.
    let a = CellColumns(districtCount: n)
    let b = CellColumns(districtCount: n)
    for _ in 0..<3 { a.addSlot() }
    for _ in 0..<2 { b.addSlot() }
    for w in early {
      #expect(a.write(slot: 0, band: w.band, sex: w.sex, district: w.district, numerator: w.numerator, denominator: w.denominator))
      #expect(a.write(slot: 2, band: w.band, sex: w.sex, district: w.district, numerator: w.numerator, denominator: w.denominator))
    }
    for w in late {
      #expect(b.write(slot: 0, band: w.band, sex: w.sex, district: w.district, numerator: w.numerator, denominator: w.denominator))
      #expect(b.write(slot: 1, band: w.band, sex: w.sex, district: w.district, numerator: w.numerator, denominator: w.denominator))
    }
    a.addSlot()
    let overflowBefore = a.overflowCount + b.overflowCount
    #expect(b.overflowCount > 0)
    #expect(a.absorb(b, from: 0, into: 0, bandMap: map))
    #expect(a.absorb(b, from: 1, into: 3, bandMap: map))
    // Every overflow value moved with its cell; none was left behind or copied twice.
    #expect(b.overflowCount == 0)
    #expect(a.overflowCount == overflowBefore)
    let mapped = late.map { Write(band: map[$0.band], sex: $0.sex, district: $0.district, numerator: $0.numerator, denominator: $0.denominator) }
    Self.expectSame(a.takeGrid(slot: 0, bandCount: 7), Self.dense(early + mapped, districts: n, bandCount: 7))
    Self.expectSame(a.takeGrid(slot: 3, bandCount: 7), Self.dense(mapped, districts: n, bandCount: 7))
    Self.expectSame(a.takeGrid(slot: 2, bandCount: 7), Self.dense(early, districts: n, bandCount: 7))
  }

  /// Either half may have written more blocks of the band (the smaller is copied into the larger).
  @Test(arguments: [false, true])
  func aCellWrittenByBothHalvesStopsTheMerge(laterLarger: Bool) {
    let n = 3000
    let a = CellColumns(districtCount: n)
    let b = CellColumns(districtCount: n)
    a.addSlot()
    b.addSlot()
    let (aEnd, bEnd) = laterLarger ? (1100, n) : (n, 1100)
    for d in stride(from: 0, to: aEnd, by: 3) {
      #expect(a.write(slot: 0, band: 1, sex: 1, district: d, numerator: 1, denominator: 2))
    }
    for d in stride(from: 1, to: bEnd, by: 3) {
      #expect(b.write(slot: 0, band: 0, sex: 1, district: d, numerator: 1, denominator: 2))
    }
    #expect(b.write(slot: 0, band: 0, sex: 1, district: 1050, numerator: 1, denominator: 2))
    #expect(!a.absorb(b, from: 0, into: 0, bandMap: [1]))
  }

  @Test(arguments: [false, true])
  func disjointHalvesMergeWhicheverIsLarger(laterLarger: Bool) {
    let n = 3000
    let a = CellColumns(districtCount: n)
    let b = CellColumns(districtCount: n)
    a.addSlot()
    b.addSlot()
    let (aEnd, bEnd) = laterLarger ? (1100, n) : (n, 1100)
    var writes: [Write] = []
    // Overflowing cells in both halves (numerators, denominators, or both).
    for d in stride(from: 0, to: aEnd, by: 3) {
      let w = Write(band: 1, sex: 0, district: d, numerator: UInt32(d % 5 == 0 ? 70_000 + d : d % 5), denominator: d % 7 == 0 ? 200_000 : 9)
      #expect(a.write(slot: 0, band: 1, sex: 0, district: d, numerator: w.numerator, denominator: w.denominator))
      writes.append(w)
    }
    for d in stride(from: 1, to: bEnd, by: 3) {
      let w = Write(band: 1, sex: 0, district: d, numerator: UInt32(d % 11 == 0 ? 65_520 + d : d % 7), denominator: d % 4 == 0 ? 65_536 : 8)
      #expect(b.write(slot: 0, band: 0, sex: 0, district: d, numerator: w.numerator, denominator: w.denominator))
      writes.append(w)
    }
    #expect(a.absorb(b, from: 0, into: 0, bandMap: [1]))
    Self.expectSame(a.takeGrid(slot: 0, bandCount: 2), Self.dense(writes, districts: n, bandCount: 2))
  }

  @Test func aSplitReadWithTheSamePeriodInBothHalvesMatchesOneThread() throws {
    // Period-major rows, the first period a third of the districts: the middle of the file falls
    // inside the second period, so both halves write cells of its grid.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chiiki-cells-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let n = 1500
    var text = "period,district_code,sex,age_group,indicator,numerator,denominator\n"
    var rows = 0
    for (period, count) in [("2025", n / 3), ("2026", n)] {
      for d in 0..<count {
        for sex in ["male", "female"] {
          for band in ["15-19", "20-24"] where (d + band.count) % 5 != 0 {
            text += "\(period),D\(d),\(sex),\(band),unemployment,\(d % 4),\(10 + d % 9)\n"
            rows += 1
          }
        }
      }
    }
    try text.write(toFile: dir + "/statistics.csv", atomically: true, encoding: .utf8)
    let districts = DistrictTable((0..<n).map { District(code: DistrictCode("D\($0)"), name: "D\($0)") })
    func load(_ p: ReadParallelism) throws -> (StatisticsData, [String]) {
      var log = DiagnosticLog()
      let (data, _) = try StatisticsLoader.load(
        path: dir + "/statistics.csv", districts: districts, population: nil, runPeriod: Period(year: 2026, month: 10),
        configuration: Configuration(), encoding: nil, log: &log, parallelism: p)
      return (data, log.rendered())
    }
    let (single, singleLog) = try load(.off)
    let (split, splitLog) = try load(.always)
    #expect(singleLog == splitLog)
    #expect(single.rows == rows)
    #expect(single.rows == split.rows)
    for (indicator, byPeriod) in single.grids {
      for (period, grid) in byPeriod {
        let other = try #require(split.grids[indicator]?[period])
        for b in 0..<grid.bandCount {
          #expect(grid.hasBand(b) == other.hasBand(b))
          guard grid.hasBand(b) else { continue }
          for sex in Sex.allCases {
            for d in 0..<n {
              let o = grid.offset(district: d, sex: sex, band: b)
              let p = other.offset(district: d, sex: sex, band: b)
              #expect(grid.numerator(at: o) == other.numerator(at: p) && grid.denominator(at: o) == other.denominator(at: p))
            }
          }
        }
      }
    }
  }
}
