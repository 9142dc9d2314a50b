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
    var acc = Accumulator(units: units, method: method)
    for column in columns {
      acc.add(config: column.config, values: column.values.map { $0 ?? .nan })
    }
    return acc.finish()
  }

  /// Same as `compute`, with NaN for "not applicable" (8 bytes a value instead of 16).
  public static func compute(config: [IndicatorConfig], nanCoded values: [[Double]], units: Int, method: CompositeMethod) -> [Double] {
    var acc = Accumulator(units: units, method: method)
    for (c, v) in zip(config, values) { acc.add(config: c, values: v) }
    return acc.finish()
  }

  /// Builds the need index one indicator at a time, so that a caller need not keep every
  /// indicator's column: add the columns in indicator order, then `finish`. Each unit's sums
  /// take the same terms in the same order as `compute`.
  public struct Accumulator: Sendable {
    let method: CompositeMethod
    let units: Int
    var sum: [Double]
    var weight: [Double]

    public init(units: Int, method: CompositeMethod) {
      self.units = units
      self.method = method
      sum = [Double](repeating: 0, count: units)
      weight = [Double](repeating: 0, count: units)
    }

    /// One indicator's values for every unit (NaN = not applicable; values that are not
    /// positive and finite are left out too).
    public mutating func add(config: IndicatorConfig, values: [Double]) {
      let w = config.weight
      guard w > 0 else { return }
      let higherIsWorse = config.direction == .higherIsWorse
      let count = min(units, values.count)
      switch method {
      case .geometricMean:
        values.withUnsafeBufferPointer { vals in
          sum.withUnsafeMutableBufferPointer { sum in
            weight.withUnsafeMutableBufferPointer { weight in
              for u in 0..<count {
                let v = vals[u]
                guard v > 0, v.isFinite else { continue }
                let o = higherIsWorse ? v : 1 / v
                sum[u] += w * log(o)
                weight[u] += w
              }
            }
          }
        }
      case .percentileRank, .exponentialRank:
        var oriented = [Double](repeating: .nan, count: count)
        for u in 0..<count {
          let v = values[u]
          guard v > 0, v.isFinite else { continue }
          oriented[u] = higherIsWorse ? v : 1 / v
        }
        // CompositeIndex.percentRank over the present values, written into place.
        let sorted = oriented.filter { !$0.isNaN }.sorted()
        let present = sorted.count
        let exponential = method == .exponentialRank
        sorted.withUnsafeBufferPointer { sorted in
          for u in 0..<count {
            let value = oriented[u]
            if value.isNaN { continue }
            let rank: Double
            if present == 1 {
              rank = 0
            } else {
              var low = 0
              var high = present
              while low < high {
                let mid = (low + high) / 2
                if sorted[mid] < value { low = mid + 1 } else { high = mid }
              }
              rank = Double(low) / Double(present - 1)
            }
            let v = exponential ? CompositeIndex.imdExponential(rankFraction: rank) : rank
            sum[u] += w * v
            weight[u] += w
          }
        }
      }
    }

    /// The need index of every unit.
    public consuming func finish() -> [Double] {
      let geometric = method == .geometricMean
      var out = sum
      sum = []
      for u in 0..<units {
        let wt = weight[u]
        out[u] = wt > 0 ? (geometric ? exp(out[u] / wt) : out[u] / wt) : (geometric ? 1 : 0)
      }
      return out
    }
  }
}
