/// Where a unit lies against its funnel-plot control limits (the `funnel` column of indicators.csv).
///
/// Two-sided 95% and 99.8% limits, i.e. the 0.025/0.975 and 0.001/0.999 quantiles
/// (Spiegelhalter 2005, Stat Med 24:1185; PHE `assign_funnel_significance`).
public enum FunnelLabel: String, Sendable, CaseIterable {
  /// Above the upper 99.8% limit.
  case high998 = "high_99.8"
  /// Above the upper 95% limit but not the upper 99.8% limit.
  case high95 = "high_95"
  /// Inside the 95% limits (or on them).
  case within
  /// Below the lower 95% limit but not the lower 99.8% limit.
  case low95 = "low_95"
  /// Below the lower 99.8% limit.
  case low998 = "low_99.8"
}
