/// A district to write: a source row's figures, or for a 町 total that carries merged areas,
/// the 町 total minus its published 丁目 (its remainder), so that nobody is counted twice.
struct EStatLeaf {
  var row: EStatRow
  var figures: [PublishedCount]
  /// Hidden rows whose people are inside these figures, in code order.
  var includes: [EStatRow]
  /// True when the figures are a 町 total's remainder rather than a row as published.
  var isRemainder: Bool
}

/// Finds the districts of an e-Stat table so that every person is counted exactly once:
///
/// - HYOSYO 2 (町 without 丁目) and HYOSYO 4 (丁目) rows are districts, unless hidden;
/// - a hidden row (HTKSYORI 2) is not a district: its people are inside the row its HTKSAKI
///   names (followed along chains of hidden rows), and that row's name says so;
/// - a HYOSYO 3 row (町 total) is normally not a district, its 丁目 are. When it carries merged
///   areas (HTKSYORI 1, or a hidden row resolves to it), its remainder — the 町 total minus its
///   published, non-hidden 丁目 — is a district. (In the 2020 Osaka table every such remainder
///   equals the 町 total, because the non-hidden 丁目 are empty; subtracting keeps the rule right
///   where they are not.) A HYOSYO 3 row without 丁目 rows is a district like HYOSYO 2.
struct EStatLeaves {
  var leaves: [EStatLeaf] = []
  /// Hidden rows and the key of the district that carries them.
  var merged: [(row: EStatRow, receiver: String)] = []

  init(rows: [EStatRow], selected: (EStatRow) -> Bool, file: String, log: inout DiagnosticLog) {
    var byKey: [String: Int] = [:]
    var children: [String: [Int]] = [:]
    for (i, row) in rows.enumerated() {
      if let first = byKey[row.key] {
        log.add(Diagnostic(.error, file: file, line: row.line, "KEY_CODE \(row.key) appears again (first on line \(rows[first].line))"))
        continue
      }
      byKey[row.key] = i
      if let parent = row.parentKey { children[parent, default: []].append(i) }
    }

    // Where each hidden row's people went, following chains of hidden rows.
    var includes: [Int: [Int]] = [:]
    for (i, row) in rows.enumerated() where row.hiding == 2 && selected(row) {
      guard let receiver = EStatLeaves.resolve(i, rows: rows, byKey: byKey, file: file, log: &log) else { continue }
      includes[receiver, default: []].append(i)
      merged.append((row, rows[receiver].key))
      if row.figures.contains(where: { ($0.value ?? 0) > 0 }) {
        log.add(Diagnostic(.warning, file: file, line: row.line, "hidden area \(row.key) \(row.name) shows figures; they are not counted, as \(rows[receiver].key) carries its people"))
      }
    }

    for (i, row) in rows.enumerated() where row.hiding != 2 && selected(row) {
      let carried = (includes[i] ?? []).map { rows[$0] }.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
      switch row.level {
      case 2, 4:
        if row.level == 4, let parent = row.parentKey, let p = byKey[parent], rows[p].hiding == 2 {
          log.add(Diagnostic(.warning, file: file, line: row.line, "丁目 \(row.key) belongs to a hidden 町 total \(parent); check that its people are not counted twice"))
        }
        leaves.append(EStatLeaf(row: row, figures: row.figures, includes: carried, isRemainder: false))
      case 3:
        let published = (children[row.key] ?? []).map { rows[$0] }
        if published.isEmpty {
          leaves.append(EStatLeaf(row: row, figures: row.figures, includes: carried, isRemainder: false))
        } else if row.hiding == 1 || !carried.isEmpty {
          let visible = published.filter { $0.hiding != 2 }
          let remainder = EStatLeaves.remainder(of: row, minus: visible, file: file, log: &log)
          leaves.append(EStatLeaf(row: row, figures: remainder, includes: carried, isRemainder: true))
          if carried.isEmpty {
            log.add(Diagnostic(.note, file: file, line: row.line, "\(row.key) \(row.name) is marked as carrying merged areas (HTKSYORI 1) but no hidden row names it"))
          }
        }
      case 1:
        if !carried.isEmpty {
          log.add(Diagnostic(.warning, file: file, line: row.line, "hidden areas \(carried.map(\.key).joined(separator: ", ")) were merged into the whole area \(row.key); their people are in no district"))
        }
      default:
        break
      }
    }
    leaves.sort { $0.row.key.utf8.lexicographicallyPrecedes($1.row.key.utf8) }
  }

  /// Follows HTKSAKI from hidden row `start` to the first row that is not hidden.
  static func resolve(_ start: Int, rows: [EStatRow], byKey: [String: Int], file: String, log: inout DiagnosticLog) -> Int? {
    var current = start
    var visited: Set<Int> = [start]
    while rows[current].hiding == 2 {
      let row = rows[current]
      let target = row.target
      guard !target.isEmpty, target.allSatisfy(\.isASCIIDigitChar) else {
        log.add(Diagnostic(.error, file: file, line: row.line, "hidden area \(row.key) has no readable HTKSAKI ('\(target)'), so its people cannot be placed"))
        return nil
      }
      let code = (target.count == 4 || target.count == 6) ? row.area + target : target
      guard let next = byKey[code] else {
        log.add(Diagnostic(.error, file: file, line: row.line, "hidden area \(row.key) names HTKSAKI \(target) (\(code)), which is not in the table"))
        return nil
      }
      guard visited.insert(next).inserted else {
        log.add(Diagnostic(.error, file: file, line: row.line, "hidden areas name each other in a circle (\(code) leads back to \(row.key)); their people cannot be placed"))
        return nil
      }
      current = next
    }
    return current
  }

  /// The 町 total minus its published 丁目, cell by cell; a suppressed cell on either side, or a
  /// negative difference, leaves the cell suppressed (and the negative one is reported).
  static func remainder(of total: EStatRow, minus parts: [EStatRow], file: String, log: inout DiagnosticLog) -> [PublishedCount] {
    var out: [PublishedCount] = []
    var negative = false
    for p in total.figures.indices {
      guard var left = total.figures[p].value else { out.append(.suppressed); continue }
      var known = true
      for part in parts {
        guard let v = part.figures[p].value else { known = false; break }
        left -= v
      }
      if !known { out.append(.suppressed); continue }
      if left < 0 { negative = true; out.append(.suppressed); continue }
      out.append(.count(left))
    }
    if negative {
      log.add(Diagnostic(.warning, file: file, line: total.line, "\(total.key) \(total.name): its 丁目 add up to more than the 町 total; the difference is kept as missing"))
    }
    return out
  }
}
