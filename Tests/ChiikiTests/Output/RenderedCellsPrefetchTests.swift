import Testing

@testable import Chiiki

/// `RenderedCells.prefetchEnds` / `prefetchBytes` are cache hints: asking for every entry
/// (a table of one entry, the last entries) changes no appended bytes.
@Suite struct RenderedCellsPrefetchTests {
  @Test func prefetchChangesNoEntry() {
    var rng = OutputTestRandom(seed: 11)
    for count in [1, 2, 7, 300] {
      var cells = RenderedCells()
      var expected = CSVWriter(headerless: ())
      for i in 0..<count {
        let text = String(repeating: "x", count: Int(rng.next() % 90)) + "\(i)"
        cells.add(text)
        expected.appendCell(text)
        expected.endRow()
      }
      var got = CSVWriter(headerless: ())
      for i in 0..<count {
        cells.prefetchEnds(i)
        cells.prefetchBytes(i, min(i + 3, count))
        cells.append(i, to: &got)
        got.endRow()
      }
      #expect(got.data == expected.data, "\(count) entries")
    }
  }
}
