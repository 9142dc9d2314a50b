import Testing

@testable import Chiiki

/// `PopulationGrid.ensureBands` (room reserved for `reservedBands` at the first growth, then
/// doubling) keeps every cell written before a growth and adds only absent cells, past the
/// reserved room too: checked against a plain dictionary of the cells written, on random writes.
@Suite struct PopulationGridGrowthTests {
  @Test(arguments: [1, 7, 300])
  func growingKeepsCells(districts: Int) {
    var rng = UInt64(districts) &* 977
    var grid = PopulationGrid(districtCount: districts, bandCount: 1)
    var written: [Int: UInt32] = [:]
    for bands in 1...(PopulationGrid.reservedBands + 9) {
      grid.ensureBands(bands)
      #expect(grid.bandCount == bands)
      #expect(grid.codes.count == bands * 2 * districts)
      for _ in 0..<(districts * 2) {
        let o = grid.offset(district: Int(splitMix(&rng) % UInt64(districts)), sex: splitMix(&rng) % 2 == 0 ? .male : .female, band: Int(splitMix(&rng) % UInt64(bands)))
        let v: UInt32 = splitMix(&rng) % 10 == 0 ? 70_000 + UInt32(splitMix(&rng) % 1000) : UInt32(splitMix(&rng) % 500)
        grid.setValue(v, at: o)
        written[o] = v
      }
      let mismatch = (0..<grid.codes.count).first { grid.value(at: $0) != (written[$0] ?? CellMark.absent) }
      #expect(mismatch == nil, "bands \(bands) offset \(String(describing: mismatch))")
    }
  }
}
