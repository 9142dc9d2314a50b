import Testing

/// Expects equal lines, naming the first difference only (the lists compared are long: every
/// cell of a grid, every diagnostic of a read).
func expectSameLines(_ a: [String], _ b: [String], sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(a.count == b.count, sourceLocation: sourceLocation)
  if let i = (0..<min(a.count, b.count)).first(where: { a[$0] != b[$0] }) {
    Issue.record("line \(i) differs: \(a[i].prefix(300)) vs \(b[i].prefix(300))", sourceLocation: sourceLocation)
  }
}
