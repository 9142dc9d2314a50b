import Foundation
import Testing

@testable import Chiiki

/// Names next to a funnel plot's points (`LabelPlacement`): a lone name keeps the place every
/// name had before (6 px right, 5 px up); names of points close together move so that no two
/// names and no name and named marker meet; widths follow the em estimate.
@Suite struct LabelPlacementTests {
  static let bounds = LabelPlacement.Box(minX: 56, minY: 0, maxX: 640, maxY: 286)

  static func boxes(_ points: [(x: Double, y: Double)], _ names: [String], _ placed: [LabelPlacement.Placed]) -> [LabelPlacement.Box] {
    zip(placed, names).map { LabelPlacement.box($0, width: LabelPlacement.textWidth($1, fontSize: 9), fontSize: 9) }
  }

  static func markers(_ points: [(x: Double, y: Double)]) -> [LabelPlacement.Box] {
    points.map { LabelPlacement.Box(minX: $0.x - 4.5, minY: $0.y - 4.5, maxX: $0.x + 4.5, maxY: $0.y + 4.5) }
  }

  /// No two name boxes meet, and no name box meets a marker.
  static func clear(_ points: [(x: Double, y: Double)], _ names: [String], _ placed: [LabelPlacement.Placed]) -> Bool {
    let names = boxes(points, names, placed)
    for (k, a) in names.enumerated() {
      for b in names[(k + 1)...] where a.meets(b) { return false }
      for m in markers(points) where a.meets(m) { return false }
    }
    return true
  }

  @Test func loneNameKeepsTheOldPlace() {
    let placed = LabelPlacement.place(points: [(x: 300, y: 100)], names: ["桜川三丁目"], fontSize: 9, marker: 4.5, bounds: Self.bounds)
    #expect(placed == [LabelPlacement.Placed(x: 306, y: 95, anchor: "start")])
  }

  /// The points of the embedded city's unemployment funnel plot (reports/example, before this
  /// placement): 呉服町二丁目's name, put right and up, ran over 向陽台三丁目's marker.
  @Test func crowdedNamesDoNotMeet() {
    let points: [(x: Double, y: Double)] = [(x: 387, y: 75), (x: 516, y: 120), (x: 479, y: 130), (x: 486, y: 142)]
    let names = ["桜川三丁目", "向陽台三丁目", "呉服町二丁目", "桜川一丁目"]
    let old = points.map { LabelPlacement.Placed(x: $0.x + 6, y: $0.y - 5, anchor: "start") }
    #expect(!Self.clear(points, names, old), "the old places meet: the case this test is about")
    let placed = LabelPlacement.place(points: points, names: names, fontSize: 9, marker: 4.5, bounds: Self.bounds)
    #expect(Self.clear(points, names, placed))
    #expect(placed[0] == old[0] && placed[1] == old[1], "names already clear keep their place")
    for box in Self.boxes(points, names, placed) { #expect(box.inside(Self.bounds)) }
  }

  /// Points far apart: every name keeps the old place. Random points close together (five in
  /// a 120 x 60 px patch, room around it): every name clear of the others and of the markers.
  @Test func randomPoints() {
    var state: UInt64 = 61
    func draw(_ n: UInt64) -> Double { Double(splitMix(&state) % n) }
    for _ in 0..<200 {
      var far: [(x: Double, y: Double)] = []
      for k in 0..<5 { far.append((x: 80 + 110 * Double(k), y: 40 + draw(200))) }
      var names: [String] = []
      for _ in 0..<5 { names.append(String(repeating: "町", count: 2 + Int(draw(5)))) }
      let placed = LabelPlacement.place(points: far, names: names, fontSize: 9, marker: 4.5, bounds: Self.bounds)
      #expect(placed == far.map { LabelPlacement.Placed(x: $0.x + 6, y: $0.y - 5, anchor: "start") })
    }
    var crowdedClear = 0
    for _ in 0..<200 {
      var near: [(x: Double, y: Double)] = []
      for _ in 0..<5 { near.append((x: 260 + draw(120), y: 100 + draw(60))) }
      var names: [String] = []
      for _ in 0..<5 { names.append(String(repeating: "町", count: 3 + Int(draw(3)))) }
      let placed = LabelPlacement.place(points: near, names: names, fontSize: 9, marker: 4.5, bounds: Self.bounds)
      if Self.clear(near, names, placed) { crowdedClear += 1 }
      // Whatever the crowding, a name that moved sits where it meets nothing placed before it.
      for k in near.indices where placed[k] != LabelPlacement.candidates(near[k], fontSize: 9, marker: 4.5)[0] {
        let box = Self.boxes(near, names, placed)[k]
        #expect(!Self.markers(near).contains { $0.meets(box) })
        #expect(!Self.boxes(near, names, placed)[..<k].contains { $0.meets(box) })
      }
    }
    // Not every random patch has room for five names, but most do.
    #expect(crowdedClear >= 150, "\(crowdedClear) of 200 crowded patches placed clear")
  }

  @Test func widthsInEms() {
    #expect(LabelPlacement.textWidth("桜川三丁目", fontSize: 9) == 45)
    #expect(abs(LabelPlacement.textWidth("Block 12", fontSize: 10) - 48) < 1e-9)
  }
}
