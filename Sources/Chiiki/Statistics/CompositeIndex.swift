import Foundation

/// Ways of combining several indicator values of one district into one need score.
public enum CompositeIndex {
  /// Weighted geometric mean exp(Σw_i·log v_i / Σw_i): the default `need_index` of the data
  /// contract, where 1.0 is the reference level and a ratio of 2 offsets a ratio of 0.5.
  ///
  /// Pairs with a NaN value or a weight ≤ 0 (or NaN) are skipped. A value of 0 gives 0; a negative
  /// value, mismatched lengths or nothing left gives NaN.
  public static func weightedGeometricMean(_ values: [Double], weights: [Double]) -> Double {
    guard values.count == weights.count else { return .nan }
    var weightedLogSum = 0.0
    var weightSum = 0.0
    var sawZero = false
    for (value, weight) in zip(values, weights) where !value.isNaN && weight > 0 && weight.isFinite {
      if value < 0 { return .nan }
      if value == 0 {
        sawZero = true
        continue
      }
      weightedLogSum += weight * log(value)
      weightSum += weight
    }
    if sawZero { return 0 }
    guard weightSum > 0 else { return .nan }
    return exp(weightedLogSum / weightSum)
  }

  /// Percentile ranks (rank − 1)/(N − 1), ties given the smallest rank (CDC/ATSDR SVI
  /// documentation 2022; SQL PERCENT_RANK, dplyr `percent_rank`).
  ///
  /// NaN values are not ranked and come back as NaN; N counts the other values. N = 1 gives 0.
  /// Not rounded (SVI publishes 4 decimals; rounding is for the report).
  public static func percentRank(_ values: [Double]) -> [Double] {
    let sorted = values.filter { !$0.isNaN }.sorted()
    let count = sorted.count
    return values.map { value in
      if value.isNaN { return .nan }
      if count == 1 { return 0 }
      // Number of values strictly below: the smallest rank minus one.
      var low = 0
      var high = count
      while low < high {
        let mid = (low + high) / 2
        if sorted[mid] < value { low = mid + 1 } else { high = mid }
      }
      return Double(low) / Double(count - 1)
    }
  }

  /// The English Indices of Deprivation exponential transform of a rank fraction r ∈ [0, 1]
  /// (1 = most deprived): X = −23·ln(1 − r(1 − e^(−100/23))), X ∈ [0, 100]
  /// (Noble et al. 2019, English Indices of Deprivation 2019 technical report, §3). It stops a high
  /// score on one domain from being cancelled by a low one elsewhere. NaN outside [0, 1].
  public static func imdExponential(rankFraction r: Double) -> Double {
    guard r >= 0, r <= 1 else { return .nan }
    return -23 * log1p(-r * (-expm1(-100.0 / 23)))
  }
}
