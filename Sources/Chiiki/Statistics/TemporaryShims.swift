// TEMPORARY: lets the pipeline compile until the stats branch lands. Never commit.
import Foundation
public struct Interval: Hashable, Sendable { public var lower: Double; public var upper: Double
  public init(lower: Double, upper: Double) { self.lower = lower; self.upper = upper } }
public enum FunnelLabel: String, Sendable, CaseIterable { case high998 = "high_99.8", high95 = "high_95", within, low95 = "low_95", low998 = "low_99.8" }
public struct FunnelLimits: Hashable, Sendable { public var lower95, upper95, lower998, upper998: Double }
public struct OverdispersionEstimate: Hashable, Sendable { public var phi: Double; public var tau2: Double; public var units: Int; public var isOverdispersed: Bool }
public struct EmpiricalBayesResult: Sendable { public var smoothed: [Double]; public var shrinkageWeight: [Double]; public var priorMean: Double; public var priorVariance: Double }
public struct RatioComparison: Sendable { public var rateRatio: Double; public var interval: Interval; public var pValue: Double; public var isSignificant: Bool }
public enum ConfidenceIntervals {
  public static func exactPoisson(count: Double, level: Double) -> Interval { let z = 1.96; return Interval(lower: max(0, count - z * count.squareRoot()), upper: count + z * (count + 1).squareRoot() + 1) }
  public static func wilson(successes: Double, trials: Double, level: Double) -> Interval { let p = successes / trials; return Interval(lower: p, upper: p) }
}
public enum FunnelPlot {
  public static func ratioLimits(expected: Double, target: Double = 1, tau2: Double = 0) -> FunnelLimits { let s = (1 / expected + tau2).squareRoot(); return FunnelLimits(lower95: exp(-1.96 * s), upper95: exp(1.96 * s), lower998: exp(-3.09 * s), upper998: exp(3.09 * s)) }
  public static func label(value: Double, limits: FunnelLimits) -> FunnelLabel { value > limits.upper998 ? .high998 : value > limits.upper95 ? .high95 : value < limits.lower998 ? .low998 : value < limits.lower95 ? .low95 : .within }
}
public enum Overdispersion { public static func ratios(observed: [Double], expected: [Double], target: Double = 1) -> OverdispersionEstimate { OverdispersionEstimate(phi: 1, tau2: 0, units: observed.count, isOverdispersed: false) } }
public enum EmpiricalBayes { public static func poissonGamma(observed: [Double], expected: [Double]) -> EmpiricalBayesResult {
  let b = observed.reduce(0, +) / max(expected.reduce(0, +), 1e-300); let se = expected.reduce(0, +); let mean = se / Double(max(1, expected.count))
  var s2 = 0.0; for i in observed.indices where expected[i] > 0 { s2 += expected[i] * pow(observed[i] / expected[i] - b, 2) }; s2 /= max(se, 1e-300)
  let a = max(0, s2 - b / max(mean, 1e-300))
  let w = expected.map { e in e > 0 && a > 0 ? a / (a + b / e) : 0 }
  return EmpiricalBayesResult(smoothed: observed.indices.map { i in expected[i] > 0 ? b + w[i] * (observed[i] / expected[i] - b) : b }, shrinkageWeight: w, priorMean: b, priorVariance: a) } }
public enum TrendTest { public static func compareRatios(observedBefore: Double, expectedBefore: Double, observedNow: Double, expectedNow: Double, level: Double) -> RatioComparison { RatioComparison(rateRatio: (observedNow / expectedNow) / max(observedBefore / expectedBefore, 1e-300), interval: Interval(lower: 0, upper: .infinity), pValue: 1, isSignificant: false) } }
public enum CompositeIndex { public static func percentRank(_ v: [Double]) -> [Double] { v.map { x in Double(v.filter { $0 < x }.count) / Double(max(1, v.count - 1)) } }
  public static func imdExponential(rankFraction r: Double) -> Double { -23 * log(1 - r * (1 - exp(-100 / 23))) } }
