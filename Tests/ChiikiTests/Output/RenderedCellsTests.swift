import Foundation
import Testing

@testable import Chiiki

/// Cells rendered once and appended many times (`RenderedCells`) against `appendCell` for each
/// cell (the path reach_by_category.csv took before, commit 6d47949): the same bytes, whatever
/// the cells hold and wherever they fall in the row.
@Suite struct RenderedCellsTests {
  @Test func renderedCellsMatchAppendCell() {
    let awkward = CSVCellsTests.awkward
    var table = RenderedCells()
    var pairs: [(String, String)] = []
    for (i, a) in awkward.enumerated() {
      let b = awkward[(i * 7 + 3) % awkward.count]
      pairs.append((a, b))
      table.add(a, b)
      table.add(a)
    }
    #expect(table.count == 2 * awkward.count)
    var reference = CSVWriter(header: ["x", "y"])
    var rendered = CSVWriter(header: ["x", "y"])
    for round in 0..<3 {
      for (i, pair) in pairs.enumerated() {
        // Entries at the row's start, in its middle and at its end.
        if round > 0 { reference.appendCell(pair.1); rendered.appendCell(pair.1) }
        reference.appendCell(pair.0)
        reference.appendCell(pair.1)
        rendered.append2(table, 2 * i)
        reference.appendCell(pair.0)
        rendered.append2(table, 2 * i + 1)
        if round == 2 { reference.appendFixed(-0.5, 2); rendered.appendFixed(-0.5, 2) }
        reference.endRow()
        rendered.endRow()
      }
    }
    #expect(rendered.data == reference.data)
  }

  @Test func emptiedTableStartsAgain() {
    var table = RenderedCells()
    table.add("=1", "a,b")
    table.removeAll()
    #expect(table.count == 0)
    table.add("-x")
    var reference = CSVWriter(header: ["x"])
    var rendered = CSVWriter(header: ["x"])
    reference.appendCell("-x")
    reference.endRow()
    table.append(0, to: &rendered)
    rendered.endRow()
    #expect(rendered.data == reference.data)
  }
}

extension CSVWriter {
  fileprivate mutating func append2(_ table: RenderedCells, _ i: Int) { table.append(i, to: &self) }
}
