/// The first line of each resource id of resources.csv, to refuse an id used twice.
///
/// A national file has some 200,000 ids, usually written in increasing order. While they come
/// in increasing order, an id greater than the last cannot have been seen (`String` order
/// agrees with `String` equality), so it is only appended to two plain lists: no hashing and
/// no random access into a large table per row. The first id out of that order moves the ids
/// seen so far into a dictionary, which then answers for the rest of the file. Either way
/// `insert` answers exactly "which line first had this id".
struct ResourceIDLines {
  /// Ids and their lines, in file order (increasing ids; ordered mode only).
  private var ids: [String] = []
  private var lines: [Int] = []
  /// Id -> first line, once the ids have left increasing order.
  private var table: [String: Int]? = nil

  init(expected: Int) {
    ids.reserveCapacity(expected)
    lines.reserveCapacity(expected)
  }

  /// Whether the ids so far came in increasing order (no dictionary built).
  var isOrdered: Bool { table == nil }

  /// Records `id` at `line` and returns nil, or returns the line that first had it (and records
  /// nothing).
  mutating func insert(_ id: String, line: Int) -> Int? {
    if table == nil {
      if let last = ids.last, !(id > last) {
        var t: [String: Int] = [:]
        t.reserveCapacity(Swift.max(ids.capacity, ids.count + 1))
        for (i, known) in ids.enumerated() { t[known] = lines[i] }
        ids = []
        lines = []
        table = t
      } else {
        ids.append(id)
        lines.append(line)
        return nil
      }
    }
    if let previous = table![id] { return previous }
    table![id] = line
    return nil
  }
}
