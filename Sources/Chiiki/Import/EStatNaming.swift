/// Names of e-Stat districts that carry merged (秘匿) areas, so that a reader sees which areas
/// the figures include: `平林北（一・二丁目を含む）`, `片町一丁目（片町二丁目を含む）`.
enum EStatNaming {
  static func name(of leaf: EStatLeaf) -> String {
    let own = leaf.row.name.isEmpty ? leaf.row.key : leaf.row.name
    guard !leaf.includes.isEmpty else {
      return leaf.isRemainder ? "\(own)（丁目別の公表分を除く）" : own
    }
    return "\(own)（\(included(leaf.includes, in: leaf.isRemainder ? own : nil))を含む）"
  }

  /// Hidden areas' names; those that are 丁目 of the 町 `town` are shortened to 一・二丁目.
  static func included(_ rows: [EStatRow], in town: String?) -> String {
    var stems: [String] = []
    var others: [String] = []
    for row in rows {
      let name = row.name.isEmpty ? row.key : row.name
      if let town, name.hasPrefix(town), name.hasSuffix("丁目"), name.count > town.count + 2 {
        stems.append(String(name.dropFirst(town.count).dropLast(2)))
      } else {
        others.append(name)
      }
    }
    var parts: [String] = []
    if !stems.isEmpty { parts.append(stems.joined(separator: "・") + "丁目") }
    parts += others
    return parts.joined(separator: "・")
  }
}
