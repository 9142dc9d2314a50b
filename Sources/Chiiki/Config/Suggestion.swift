/// "Did you mean …?" for misspelt keys: the closest candidate by edit distance.
enum Suggestion {
  /// The candidate nearest to `word` (ignoring `[`, `]` and `<…>` decoration in candidates),
  /// if it is close enough to be a plausible typo: at most a third of its length away, and at
  /// most 3 edits.
  static func closest(to word: String, among candidates: [String]) -> String? {
    let typed = Array(word.lowercased().unicodeScalars)
    guard !typed.isEmpty, typed.count <= 64 else { return nil }
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let bare = candidate.filter { $0 != "[" && $0 != "]" }
      guard !bare.contains("<") else { continue }
      let distance = editDistance(typed, Array(bare.lowercased().unicodeScalars))
      let allowed = min(3, max(1, bare.count / 3))
      if distance > 0, distance <= allowed, distance < (best?.distance ?? Int.max) {
        best = (candidate, distance)
      }
    }
    return best.map { $0.candidate.hasPrefix("[") ? $0.candidate : "'\($0.candidate)'" }
  }

  /// Levenshtein distance, with transpositions of neighbours counted as one edit.
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousRow = Array(0...b.count)
    var rowBeforePrevious = previousRow
    for i in 1...a.count {
      var row = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        row[j] = min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          row[j] = min(row[j], rowBeforePrevious[j - 2] + 1)
        }
      }
      rowBeforePrevious = previousRow
      previousRow = row
    }
    return previousRow[b.count]
  }
}
