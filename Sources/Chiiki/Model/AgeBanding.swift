/// Age-band arithmetic: overlap checks and the common banding of two files whose bands do not
/// line up (statistics in 5-year bands, consultations in 10-year bands).
public enum AgeBanding {
  /// The first pair of overlapping bands, if any.
  public static func overlap(in bands: [AgeBand]) -> (AgeBand, AgeBand)? {
    let sorted = Set(bands).sorted()
    for (a, b) in zip(sorted, sorted.dropFirst()) {
      guard let end = a.end else { return (a, b) }
      if b.lower < end { return (a, b) }
    }
    return nil
  }

  /// The finest banding into which both sets of bands nest: a cut at age c is kept when c is a
  /// band edge in either set and no band of either set straddles it (lower < c < end). Ages
  /// not covered by a set count as one band of it, with no people in it.
  /// Returns nil when the common banding is too coarse to be useful (a single band).
  public static func commonBanding(_ first: [AgeBand], _ second: [AgeBand]) -> [AgeBand]? {
    let all = first + second
    guard !all.isEmpty else { return nil }
    var edges = Set<Int>([0])
    for b in all {
      edges.insert(b.lower)
      if let e = b.end { edges.insert(e) }
    }
    let cuts = edges.filter { c in !all.contains { b in b.lower < c && (b.end.map { c < $0 } ?? true) } }.sorted()
    let top = all.contains { $0.upper == nil } ? nil : all.compactMap(\.end).max()
    var result: [AgeBand] = []
    for (i, c) in cuts.enumerated() {
      if let top, c >= top { break }
      let next = i + 1 < cuts.count ? cuts[i + 1] : nil
      if let next, top.map({ next <= $0 }) ?? true {
        result.append(AgeBand(lower: c, upper: next - 1))
      } else {
        result.append(AgeBand(lower: c, upper: top.map { $0 - 1 }))
      }
    }
    return result.count >= 2 ? result : nil
  }

  /// The band of `banding` that contains `band`, if exactly one does.
  public static func container(of band: AgeBand, in banding: [AgeBand]) -> Int? {
    banding.firstIndex { $0.contains(band) }
  }
}
