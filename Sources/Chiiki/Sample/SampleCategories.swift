/// The consultation categories (主訴) of the fictional centre and how each behaves.
struct SampleCategory {
  /// The category as written in cases.csv.
  let name: String
  /// Share of all new consultations (order of magnitude of 支援状況調査 主訴 tallies).
  let share: Double
  /// How its volume splits over the true need of the indicators (unemployment, welfare, ltc);
  /// sums to 1. Over all categories each indicator drives about a third of the volume, as
  /// the contract's expected consultations assume (equal indicator weights).
  let drivers: SIMD3<Double>
  /// Relative propensity per person by ten-year case band (`10-19` … `80+`).
  let ageProfile: [Double]
  /// Relative propensity of men and women.
  let male: Double
  let female: Double
  /// Probability that a consultation is connected to another agency (つなぎ).
  let referral: Double
  /// Probability that a connected consultation reaches an exit (出口).
  let exit: Double

  static let all: [SampleCategory] = [
    SampleCategory(
      name: "経済的困窮", share: 0.30, drivers: SIMD3(0.5, 0.5, 0), ageProfile: [0.2, 0.7, 1.0, 1.2, 1.3, 1.2, 0.9, 0.6],
      male: 1.2, female: 0.85, referral: 0.45, exit: 0.45),
    SampleCategory(
      name: "就労", share: 0.18, drivers: SIMD3(1, 0, 0), ageProfile: [0.5, 1.5, 1.3, 1.2, 1.1, 0.8, 0.2, 0.05],
      male: 1.3, female: 0.75, referral: 0.55, exit: 0.55),
    SampleCategory(
      name: "住まい", share: 0.07, drivers: SIMD3(0, 1, 0), ageProfile: [0.3, 1.1, 1.0, 1.0, 1.0, 1.0, 0.8, 0.5],
      male: 1.2, female: 0.85, referral: 0.60, exit: 0.50),
    SampleCategory(
      name: "家族関係", share: 0.10, drivers: SIMD3(0, 0, 1), ageProfile: [0.6, 0.8, 1.1, 1.2, 1.1, 0.9, 0.8, 0.6],
      male: 0.75, female: 1.3, referral: 0.40, exit: 0.40),
    SampleCategory(
      name: "健康", share: 0.15, drivers: SIMD3(0, 0, 1), ageProfile: [0.2, 0.4, 0.6, 0.9, 1.1, 1.3, 1.3, 1.2],
      male: 1.05, female: 0.95, referral: 0.50, exit: 0.45),
    SampleCategory(
      name: "社会的孤立", share: 0.08, drivers: SIMD3(0, 0, 1), ageProfile: [0.8, 1.2, 1.1, 1.0, 0.9, 0.9, 1.1, 1.2],
      male: 1.2, female: 0.85, referral: 0.35, exit: 0.30),
    SampleCategory(
      name: "債務", share: 0.12, drivers: SIMD3(0, 1, 0), ageProfile: [0.1, 1.0, 1.2, 1.3, 1.2, 0.9, 0.6, 0.3],
      male: 1.25, female: 0.8, referral: 0.65, exit: 0.55),
  ]

  /// Index of 就労 in `all`, whose exits are scarce where intermediate work is missing.
  static let workIndex = 1

  /// Exit probability of 就労 referrals in the area that has no 中間的就労 resource.
  static let workExitInGapArea = 0.22

  static let nameBytes: [[UInt8]] = all.map { Array($0.name.utf8) }

  /// Relative monthly volume by calendar month (April peak, August dip), mean 1.
  static let season: [Double] = [1.04, 0.99, 1.05, 1.12, 1.01, 0.98, 0.97, 0.89, 0.98, 1.02, 1.0, 0.95]
}
