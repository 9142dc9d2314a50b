import Foundation

/// Combines an area's per-indicator ratios into one need index.
public enum NeedIndex {
  /// One indicator's input to the composite for every unit (district or segment); nil = not applicable.
  public struct Column: Sendable {
    public var config: IndicatorConfig
    public var values: [Double?]
  }

  /// The need index of each unit. Geometric mean (default): exp(sum w ln r / sum w) over the
  /// indicators that apply to the unit, ratios inverted where lower is worse; 1.0 = reference.
  /// Percentile rank (CDC SVI): weighted mean of per-indicator percent ranks (0–1).
  /// Exponential rank (English IMD 2019): weighted mean of -23 ln(1 - R(1 - e^{-100/23})) (0–100).
  public static func compute(_ columns: [Column], units: Int, method: CompositeMethod) -> [Double] {
    let oriented: [[Double?]] = columns.map { column in
      column.values.map { v in
        guard let v, v > 0, v.isFinite else { return nil }
        return column.config.direction == .higherIsWorse ? v : 1 / v
      }
    }
    switch method {
    case .geometricMean:
      return (0..<units).map { u in
        var sum = 0.0
        var weight = 0.0
        for (c, column) in columns.enumerated() where column.config.weight > 0 {
          guard let v = oriented[c][u] else { continue }
          sum += column.config.weight * log(v)
          weight += column.config.weight
        }
        return weight > 0 ? exp(sum / weight) : 1
      }
    case .percentileRank, .exponentialRank:
      let ranked: [[Double?]] = oriented.map { values in
        let present = values.compactMap { $0 }
        let ranks = CompositeIndex.percentRank(present)
        var out = [Double?](repeating: nil, count: values.count)
        var k = 0
        for (i, v) in values.enumerated() where v != nil {
          out[i] = method == .percentileRank ? ranks[k] : CompositeIndex.imdExponential(rankFraction: ranks[k])
          k += 1
        }
        return out
      }
      return (0..<units).map { u in
        var sum = 0.0
        var weight = 0.0
        for (c, column) in columns.enumerated() where column.config.weight > 0 {
          guard let v = ranked[c][u] else { continue }
          sum += column.config.weight * v
          weight += column.config.weight
        }
        return weight > 0 ? sum / weight : 0
      }
    }
  }
}
