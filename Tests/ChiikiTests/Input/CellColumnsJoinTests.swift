import Testing

@testable import Chiiki

/// A band both halves of a split read wrote keeps both mappings after `absorb` (joined, not
/// copied): the grid made from them must be the dense grid of all writes, also where the halves
/// met inside one block of districts; a cell in both halves must stop the join, even when it is
/// in a third state joined later; and a write after the join must see the joined cells.
@Suite struct CellColumnsJoinTests {
  typealias Write = CellColumnsTests.Write

  /// Writes of districts `range` (every third cell of each band and sex), the given values.
  static func writes(_ range: Range<Int>, bands: Int, state: inout UInt64) -> [Write] {
    var out: [Write] = []
    for d in range {
      for band in 0..<bands {
        for sex in 0..<2 where splitMix(&state) % 3 != 0 {
          out.append(Write(
            band: band, sex: sex, district: d,
            numerator: CellColumnsTests.numerators[Int(splitMix(&state) % UInt64(CellColumnsTests.numerators.count))],
            denominator: CellColumnsTests.denominators[Int(splitMix(&state) % UInt64(CellColumnsTests.denominators.count))]))
        }
      }
    }
    return out
  }

  static func write(_ writes: [Write], into cells: CellColumns) {
    for w in writes {
      #expect(cells.write(slot: 0, band: w.band, sex: w.sex, district: w.district, numerator: w.numerator, denominator: w.denominator))
    }
  }

  /// Halves meeting at district `split` (inside a block unless a multiple of 512).
  @Test(arguments: [700, 1024, 1, 2999])
  func joinedHalvesMakeTheDenseGrid(split: Int) {
    let n = 3000
    var state = UInt64(split)
    let early = Self.writes(0..<split, bands: 3, state: &state)
    let late = Self.writes(split..<n, bands: 3, state: &state)
    let a = CellColumns(districtCount: n)
    let b = CellColumns(districtCount: n)
    a.addSlot()
    b.addSlot()
    Self.write(early, into: a)
    Self.write(late, into: b)
    #expect(a.absorb(b, from: 0, into: 0, bandMap: [0, 1, 2]))
    CellColumnsTests.expectSame(a.takeGrid(slot: 0, bandCount: 3), CellColumnsTests.dense(early + late, districts: n, bandCount: 3))
  }

  @Test func aCellInAThirdStateStopsTheJoin() {
    let n = 1500
    let states = (0..<3).map { _ in CellColumns(districtCount: n) }
    for s in states { s.addSlot() }
    #expect(states[0].write(slot: 0, band: 0, sex: 0, district: 10, numerator: 1, denominator: 2))
    #expect(states[1].write(slot: 0, band: 0, sex: 0, district: 11, numerator: 1, denominator: 2))
    #expect(states[2].write(slot: 0, band: 0, sex: 1, district: 12, numerator: 1, denominator: 2))
    #expect(states[2].write(slot: 0, band: 0, sex: 0, district: 11, numerator: 1, denominator: 2))
    #expect(states[0].absorb(states[1], from: 0, into: 0, bandMap: [0]))
    // District 11 (male) is in the joined second state: the third must be refused.
    #expect(!states[0].absorb(states[2], from: 0, into: 0, bandMap: [0]))
  }

  @Test func aWriteAfterTheJoinSeesTheJoinedCells() {
    let n = 1500
    let a = CellColumns(districtCount: n)
    let b = CellColumns(districtCount: n)
    a.addSlot()
    b.addSlot()
    #expect(a.write(slot: 0, band: 0, sex: 0, district: 3, numerator: 7, denominator: 9))
    #expect(b.write(slot: 0, band: 0, sex: 1, district: 3, numerator: 70_000, denominator: 80_000))
    #expect(a.absorb(b, from: 0, into: 0, bandMap: [0]))
    #expect(!a.write(slot: 0, band: 0, sex: 1, district: 3, numerator: 1, denominator: 1))
    #expect(a.write(slot: 0, band: 0, sex: 1, district: 4, numerator: 1, denominator: 1))
    #expect(a.numerator(slot: 0, band: 0, sex: 1, district: 3) == 70_000)
    #expect(a.denominator(slot: 0, band: 0, sex: 1, district: 3) == 80_000)
    let grid = a.takeGrid(slot: 0, bandCount: 1)
    #expect(grid.numerator(at: grid.offset(district: 3, sex: .female, band: 0)) == 70_000)
    #expect(grid.denominator(at: grid.offset(district: 3, sex: .male, band: 0)) == 9)
  }
}
