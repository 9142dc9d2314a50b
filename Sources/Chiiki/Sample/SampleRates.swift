/// National reference levels the fictional city is drawn around (by five-year band, 0-4 … 85+).
/// Orders of magnitude follow published Japanese figures (人口推計 2024, 労働力調査, 国勢調査,
/// 被保護者調査, 介護保険事業状況報告); they are not exact copies of any table.
enum SampleRates {
  /// Population by band, national 2024 in millions (人口推計 order of magnitude).
  static let nationalPopulation: [Double] = [
    4.1, 4.7, 5.2, 5.5, 6.2, 6.3, 6.4, 7.1, 7.8, 9.2, 9.6, 8.3, 7.6, 7.6, 9.0, 8.0, 6.5, 7.0,
  ]

  /// Share of males in each band (fewer men at high ages).
  static let maleShare: [Double] = [
    0.512, 0.512, 0.512, 0.513, 0.512, 0.510, 0.508, 0.507, 0.506, 0.505, 0.503, 0.500, 0.494,
    0.487, 0.475, 0.455, 0.420, 0.320,
  ]

  /// Labour-force participation by band, (male, female); zero below 15.
  static let labourForce: [(Double, Double)] = [
    (0, 0), (0, 0), (0, 0), (0.18, 0.20), (0.72, 0.75), (0.94, 0.87), (0.96, 0.80), (0.96, 0.78),
    (0.96, 0.80), (0.96, 0.82), (0.95, 0.80), (0.93, 0.75), (0.85, 0.63), (0.62, 0.43),
    (0.43, 0.27), (0.27, 0.15), (0.17, 0.08), (0.07, 0.03),
  ]

  /// Unemployment rate (unemployed / labour force) by band, both sexes; census-like levels,
  /// higher for the young. Men get `unemploymentMale`, women `unemploymentFemale` times this.
  static let unemployment: [Double] = [
    0, 0, 0, 0.052, 0.047, 0.038, 0.032, 0.029, 0.027, 0.026, 0.026, 0.027, 0.032, 0.030, 0.024,
    0.020, 0.018, 0.018,
  ]
  static let unemploymentMale = 1.18
  static let unemploymentFemale = 0.80

  /// 生活保護 persons / population by band (overall about 1.6%; elderly highest).
  static let welfare: [Double] = [
    0.009, 0.011, 0.012, 0.012, 0.006, 0.006, 0.007, 0.008, 0.010, 0.012, 0.015, 0.019, 0.024,
    0.028, 0.030, 0.029, 0.027, 0.025,
  ]
  /// Sex factor for welfare from age 40 (single elderly men are over-represented).
  static let welfareMale = 1.15
  static let welfareFemale = 0.87

  /// 要介護（要支援）認定 / population by band, 65+ only (about 3% at 65-69 to 60% at 85+).
  static let ltc: [Double] = [
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.030, 0.060, 0.125, 0.26, 0.60,
  ]
  /// Sex factor for ltc from 80 (women live longer with care needs).
  static let ltcMale = 0.82
  static let ltcFemale = 1.08

  /// The unemployment rate of a sex x band cell before district need.
  static func unemploymentRate(sex: Int, band: Int) -> Double {
    unemployment[band] * (sex == 0 ? unemploymentMale : unemploymentFemale)
  }

  /// The labour-force participation of a sex x band cell.
  static func participation(sex: Int, band: Int) -> Double {
    sex == 0 ? labourForce[band].0 : labourForce[band].1
  }

  /// The welfare rate of a sex x band cell before district need.
  static func welfareRate(sex: Int, band: Int) -> Double {
    guard band >= 8 else { return welfare[band] }
    return welfare[band] * (sex == 0 ? welfareMale : welfareFemale)
  }

  /// The ltc rate of a sex x band cell before district need.
  static func ltcRate(sex: Int, band: Int) -> Double {
    guard band >= 16 else { return ltc[band] }
    return ltc[band] * (sex == 0 ? ltcMale : ltcFemale)
  }

  /// A rate times a need multiplier, kept a proportion.
  static func scaled(_ rate: Double, _ need: Double) -> Double { min(0.95, rate * need) }
}
