/// Which of a funnel plot's points get a marker when the plot has very many of them.
///
/// A national run draws one funnel point per district: 220,000 markers per plot, ~33 MB of SVG
/// that a browser crawls through and a printer chokes on, although the markers of one plot fall
/// into only 11,000-29,000 distinct 1-px cells of the 640x330 drawing. Markers are r = 3 circles
/// and 4.5 px triangles, so a marker drawn within half a pixel of an identical one adds nothing
/// to the picture. Above `mergeAbove` points, each marker class (within / high / low) is drawn
/// at most once per 1-px cell (the cell of the rounded position): the first point in draw order
/// in each cell is kept, at its exact position, and the draw order is kept. The plot's note
/// says so (`Labels.funnelMerged`).
///
/// `mergeAbove` is 5,000: a city has tens to about 2,000 districts, so every city's plot (and a
/// prefecture's of a few thousand) still draws every point, byte for byte as before; 5,000
/// markers are ~250 KB of SVG, which browsers and printers handle, while past that the picture
/// is a solid cloud in which single markers can no longer be told apart anyway.
enum FunnelOverplot {
  static let mergeAbove = 5_000

  /// Marker classes: the three marker shapes of the plot (`.high95` and `.high998` share one).
  static func markerClass(_ label: FunnelLabel) -> Int {
    switch label {
    case .high95, .high998: 0
    case .low95, .low998: 1
    case .within: 2
    }
  }

  /// The points of `drawn` (in order) that get a marker: all of them up to `mergeAbove`, else
  /// the first of each (class, cell) pair. `place(k)` gives point `k`'s marker class and
  /// position; a point whose rounded position is outside the `width` x `height` drawing (or not
  /// finite) is always kept.
  static func markers(_ drawn: [Int], width: Int, height: Int, place: (Int) -> (cls: Int, x: Double, y: Double)) -> [Int] {
    guard drawn.count > mergeAbove else { return drawn }
    var seen = CellSet(classes: 3, width: width + 1, height: height + 1)
    var kept: [Int] = []
    for k in drawn {
      let p = place(k)
      if seen.insert(cls: p.cls, x: p.x.rounded(), y: p.y.rounded()) { kept.append(k) }
    }
    return kept
  }
}

/// A set of (class, x, y) cells of a small grid, one bit each (3 x 641 x 331 cells: 80 KB).
struct CellSet {
  private let width: Int
  private let height: Int
  private let classes: Int
  private var bits: [UInt64]

  init(classes: Int, width: Int, height: Int) {
    (self.classes, self.width, self.height) = (classes, width, height)
    bits = Array(repeating: 0, count: (classes * width * height + 63) / 64)
  }

  /// Adds the cell of whole-number coordinates `x`, `y`; true if it was not there yet (or lies
  /// outside the grid, which is never recorded).
  mutating func insert(cls: Int, x: Double, y: Double) -> Bool {
    guard x >= 0, y >= 0, x < Double(width), y < Double(height), cls >= 0, cls < classes else { return true }
    let index = (cls * height + Int(y)) * width + Int(x)
    let (word, bit) = (index >> 6, UInt64(1) << UInt64(index & 63))
    if bits[word] & bit != 0 { return false }
    bits[word] |= bit
    return true
  }
}
