/// Clopper–Pearson intervals for one confidence level, memoised by (successes, trials).
///
/// `ConfidenceIntervals.clopperPearson(successes:trials:level:)` (two inverse incomplete beta
/// solves, Clopper & Pearson 1934, Biometrika 26:404) depends only on x, n and the level; the
/// trend test asks for it once per district and indicator, and the pairs (x, n) repeat. Each
/// distinct pair is solved once; a stored interval is the value `clopperPearson` returned for
/// that pair, so a lookup gives the same bits as a fresh computation.
public struct ClopperPearsonIntervals: Sendable {
  /// A binomial outcome: x successes in n trials.
  public struct Pair: Hashable, Sendable {
    public var successes: Int
    public var trials: Int

    public init(successes: Int, trials: Int) {
      self.successes = successes
      self.trials = trials
    }

    /// One word hashed instead of two (both counts fit in 32 bits in practice; larger ones
    /// only share a hash, never compare equal): the memo is looked up once per district and
    /// indicator, and the pairs are collected in a set.
    public func hash(into hasher: inout Hasher) {
      hasher.combine(UInt64(UInt32(truncatingIfNeeded: successes)) | UInt64(UInt32(truncatingIfNeeded: trials)) << 32)
    }
  }

  /// The two-sided confidence level of every interval.
  public let level: Double
  private var table: [Pair: Interval] = [:]

  /// An empty memo: intervals are computed on demand.
  public init(level: Double) {
    self.level = level
  }

  /// A memo filled with the interval of every distinct pair, solved in parallel chunks; it can
  /// then be shared read-only between threads.
  public init(level: Double, pairs: some Sequence<Pair>) {
    self.level = level
    let distinct = Array(Set(pairs))
    let chunkSize = 512
    let chunks = (distinct.count + chunkSize - 1) / chunkSize
    let solved = ParallelMap.map(chunks) { c -> [Interval] in
      distinct[(c * chunkSize)..<min(distinct.count, (c + 1) * chunkSize)].map {
        ConfidenceIntervals.clopperPearson(successes: $0.successes, trials: $0.trials, level: level)
      }
    }.flatMap { $0 }
    table = Dictionary(uniqueKeysWithValues: zip(distinct, solved))
  }

  /// The number of pairs held.
  public var count: Int { table.count }

  /// The interval for x successes in n trials: from the memo when it holds the pair, computed
  /// otherwise.
  public func interval(successes x: Int, trials n: Int) -> Interval {
    table[Pair(successes: x, trials: n)] ?? ConfidenceIntervals.clopperPearson(successes: x, trials: n, level: level)
  }
}
