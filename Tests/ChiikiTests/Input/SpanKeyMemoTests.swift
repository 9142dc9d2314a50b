import Testing

@testable import Chiiki

/// `SpanKeyMemo` (statistics' and population's key-column memo) against a plain dictionary
/// keyed by the fields' bytes, and `FieldSpan.firstOfAdjacent`.
@Suite struct SpanKeyMemoTests {
  struct Three: SpanKeyMemoValue {
    static let fieldCount = 3
    static let maxSpan = 24
    static let maxEntries = 64
    var id: Int
  }

  struct Two: SpanKeyMemoValue {
    static let fieldCount = 2
    static let maxSpan = 16
    static let maxEntries = 1024
    var id: Int
  }

  /// Rows of `fields` cells drawn from a small vocabulary in which some spellings join to the
  /// same bytes with a different split ("ab","c" and "a","bc"), some spans are longer than the
  /// memo keeps, and rows repeat in runs (as districts repeat their spellings) with random ones
  /// between.
  static func rows(seed: UInt64, fields: Int, count: Int) -> [[String]] {
    var state = seed
    let vocabulary = ["a", "ab", "b", "bc", "c", "male", "female", "0-4", "85+", "x", "", "abcdefgh", "abcdefghi", "長い名前の指標"]
    func pick() -> String { vocabulary[Int(splitMix(&state) % UInt64(vocabulary.count))] }
    let cycle = (0..<12).map { _ in (0..<fields).map { _ in pick() } }
    var rows: [[String]] = []
    while rows.count < count {
      if splitMix(&state) % 4 == 0 {
        rows.append((0..<fields).map { _ in pick() })
      } else {
        rows.append(contentsOf: cycle)
      }
    }
    return rows
  }

  /// Finds and registers every row's span as a loader would, checking each find against the
  /// dictionary (which, like the memo, stops taking keys once `maxEntries` are held).
  func check<V: SpanKeyMemoValue>(_: V.Type, seed: UInt64, rows count: Int = 3000, make: (Int) -> V, id: (V) -> Int) throws {
    let dir = TempDir()
    defer { dir.remove() }
    let rows = Self.rows(seed: seed, fields: V.fieldCount, count: count)
    let text = rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    let path = dir.write("k.csv", text)
    let memo = SpanKeyMemo<V>()
    var reference: [[String]: Int] = [:]
    var index = 0
    var wrong = 0
    var found = 0
    var long = 0
    _ = try CSVReader(path: path, displayName: "k.csv", encoding: nil).forEachRecord { record in
      let cells = rows[index]
      index += 1
      guard let span = SpanKeyMemo<V>.span(record, first: 0) else {
        long += 1
        if cells.reduce(0, { $0 + $1.utf8.count }) <= V.maxSpan { wrong += 1 }
        return
      }
      if cells.reduce(0, { $0 + $1.utf8.count }) > V.maxSpan { wrong += 1 }
      let e = memo.find(span)
      if let known = reference[cells] {
        found += 1
        if e < 0 || id(memo[e]) != known { wrong += 1 }
      } else {
        if e >= 0 { wrong += 1 }
        let value = reference.count
        memo.register(span, make(value))
        if reference.count < V.maxEntries { reference[cells] = value }
        // Registering what is already held changes nothing.
        memo.register(span, make(-1))
      }
      if memo.count != reference.count { wrong += 1 }
    }
    #expect(index == rows.count)
    #expect(wrong == 0)
    #expect(found > 1000)
    #expect(long > 0)
  }

  @Test(arguments: [UInt64(1), 2, 3])
  func threeFieldsFindWhatWasRegistered(seed: UInt64) throws {
    try check(Three.self, seed: seed, make: { Three(id: $0) }, id: { $0.id })
  }

  @Test(arguments: [UInt64(4), 5])
  func twoFieldsFindWhatWasRegistered(seed: UInt64) throws {
    try check(Two.self, seed: seed, make: { Two(id: $0) }, id: { $0.id })
  }

  /// The memo is full after `maxEntries` spellings (the three-field vocabulary has more).
  @Test func fullMemoTakesNoMore() throws {
    let rows = Self.rows(seed: 9, fields: 3, count: 12000)
    #expect(Set(rows.filter { $0.reduce(0) { $0 + $1.utf8.count } <= Three.maxSpan }).count > Three.maxEntries)
    try check(Three.self, seed: 9, rows: 12000, make: { Three(id: $0) }, id: { $0.id })
  }

  /// A value set through the subscript is what later finds give.
  @Test func subscriptUpdatesTheEntry() throws {
    let dir = TempDir()
    defer { dir.remove() }
    let path = dir.write("k.csv", "male,0-4\nfemale,0-4\nmale,0-4\n")
    let memo = SpanKeyMemo<Two>()
    var ids: [Int] = []
    _ = try CSVReader(path: path, displayName: "k.csv", encoding: nil).forEachRecord { record in
      guard let span = SpanKeyMemo<Two>.span(record, first: 0) else {
        Issue.record("a 9-byte span has no key")
        return
      }
      let e = memo.find(span)
      if e < 0 {
        memo.register(span, Two(id: 1))
      } else {
        memo[e].id += 10
        ids.append(memo[memo.find(span)].id)
      }
    }
    #expect(ids == [11])
  }

  @Test func adjacentColumns() {
    #expect(FieldSpan.firstOfAdjacent([4, 2, 3]) == 2)
    #expect(FieldSpan.firstOfAdjacent([0, 1]) == 0)
    #expect(FieldSpan.firstOfAdjacent([1, 0]) == 0)
    #expect(FieldSpan.firstOfAdjacent([1, 3]) == -1)
    #expect(FieldSpan.firstOfAdjacent([1, 2, 4]) == -1)
    #expect(FieldSpan.firstOfAdjacent([5, 0, 6]) == -1)
  }
}
