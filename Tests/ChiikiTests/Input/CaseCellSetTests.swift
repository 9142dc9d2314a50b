import Testing

@testable import Chiiki

/// `CaseCellSet` checks cells in month-then-district order against the current group only, and
/// falls back to a hash table on the first cell out of that order: its answers must be those of
/// a plain `Set` in every case.
@Suite struct CaseCellSetTests {
  /// A small deterministic generator (the tests must not depend on a seedless random source).
  struct Mix {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  /// Cells of `months` × `districts` with a few sexes, bands and categories, in file order.
  func orderedCells(months: Int, districts: Int, mix: inout Mix) -> [UInt64] {
    var out: [UInt64] = []
    for m in 0..<months {
      for d in 0..<districts {
        for _ in 0..<mix.next(4) {
          out.append(CaseCellSet.pack(month: 600 + m, district: d, sex: mix.next(3), band: mix.next(3), category: mix.next(3))!)
        }
      }
    }
    return out
  }

  /// Inserts `keys` into a `CaseCellSet` and a `Set`; the answers must agree key by key.
  func agree(_ keys: [UInt64]) -> (CaseCellSet, duplicates: Int) {
    var cells = CaseCellSet()
    var reference = Set<UInt64>()
    var duplicates = 0
    for (i, k) in keys.enumerated() {
      let expected = reference.insert(k).inserted
      let got = cells.insert(k)
      #expect(got == expected, "key \(i)")
      if !expected { duplicates += 1 }
    }
    return (cells, duplicates)
  }

  @Test func orderedFileFindsDuplicatesWithinAGroupWithoutTheTable() {
    var mix = Mix(state: 1)
    let keys = orderedCells(months: 3, districts: 200, mix: &mix)
    let (cells, duplicates) = agree(keys)
    // Repeats within a group are found without leaving ordered mode.
    #expect(duplicates > 10)
    #expect(cells.isOrdered)
  }

  /// Over a chunk of cells (2^18), with large groups (up to 60 cells, repeats among them), so
  /// that groups straddle a chunk's end; then an early cell out of order, to check that every
  /// chunk reaches the table.
  @Test func groupsAcrossChunkEndsAndTheSwitchAfterManyChunks() {
    var mix = Mix(state: 5)
    var keys: [UInt64] = []
    var d = 0
    while keys.count < 700_000 {
      for _ in 0..<mix.next(60) {
        keys.append(CaseCellSet.pack(month: 700, district: d, sex: mix.next(3), band: mix.next(5), category: mix.next(6))!)
      }
      d += 1
    }
    let (ordered, duplicates) = agree(keys)
    #expect(duplicates > 1000 && ordered.isOrdered)
    let (switched, _) = agree(keys + [keys[10], keys[300_000], keys[600_000], CaseCellSet.pack(month: 1, district: 1, sex: 0, band: 0, category: 0)!])
    #expect(!switched.isOrdered)
  }

  @Test func aCellOutOfOrderSwitchesToTheTableAndStillFindsEarlierCells() {
    var mix = Mix(state: 2)
    var keys = orderedCells(months: 2, districts: 100, mix: &mix)
    let early = keys.prefix(50)
    // A repeat of earlier groups after the order breaks (a month appended again, out of order),
    // then more new cells.
    keys += early
    keys += orderedCells(months: 1, districts: 100, mix: &mix).map { $0 | (1 << 46) << 3 }
    let (cells, duplicates) = agree(keys)
    #expect(duplicates >= 50)
    #expect(!cells.isOrdered)
  }

  @Test func shuffledCellsAgreeWithASet() {
    var mix = Mix(state: 3)
    var keys = orderedCells(months: 4, districts: 300, mix: &mix)
    for i in stride(from: keys.count - 1, to: 0, by: -1) { keys.swapAt(i, mix.next(i + 1)) }
    keys += keys.prefix(30)
    let (cells, duplicates) = agree(keys)
    #expect(duplicates >= 30)
    #expect(!cells.isOrdered)
  }

  @Test func aHugeGroupSwitchesToTheTable() {
    // More cells of one (month, district) than are scanned linearly: all distinct, then repeats.
    var keys: [UInt64] = []
    for band in 0..<4 { for category in 0..<100 { keys.append(CaseCellSet.pack(month: 1, district: 5, sex: 0, band: band, category: category)!) } }
    keys += keys.suffix(10)
    let (cells, duplicates) = agree(keys)
    #expect(duplicates == 10)
    #expect(!cells.isOrdered)
  }
}
