/// Every user-facing word of the outputs, in Japanese and English, in one place.
public struct Labels: Sendable {
  public let language: ReportLanguage

  public init(_ language: ReportLanguage) { self.language = language }

  func pick(_ ja: String, _ en: String) -> String { language == .ja ? ja : en }

  /// An indicator's label from the configuration.
  public func indicator(_ config: IndicatorConfig) -> String { language == .ja ? config.labelJa : config.labelEn }

  public func sex(_ sex: Sex) -> String {
    switch sex {
    case .male: pick("男性", "male")
    case .female: pick("女性", "female")
    }
  }

  public func ageBand(_ band: AgeBand) -> String { language == .ja ? band.japanese : band.description }

  public func period(_ period: Period) -> String { language == .ja ? period.japaneseDisplay : period.description }

  /// `失業率が基準の1.6倍（95%CI 1.2–2.1）` / `unemployment rate 1.6× reference (95% CI 1.2–2.1)`.
  public func needReason(_ config: IndicatorConfig, ratio value: Double, interval: Interval?, level: Double) -> String {
    let ratio = NumberFormat.fixed(value, 1)
    var text = pick("\(indicator(config))が基準の\(ratio)倍", "\(indicator(config)) \(ratio)× reference")
    if let interval {
      let pct = NumberFormat.fixed(level * 100, level * 100 == (level * 100).rounded() ? 0 : 1)
      let ci = "\(NumberFormat.fixed(interval.lower, 1))–\(NumberFormat.fixed(interval.upper, 1))"
      text += pick("（\(pct)%CI \(ci)）", " (\(pct)% CI \(ci))")
    }
    return text
  }

  public func reachReason(ratio: Double) -> String {
    pick("相談は期待値の\(NumberFormat.percent(ratio))", "consultations \(NumberFormat.percent(ratio)) of expected")
  }

  public var lowDataReason: String { pick("データが少なく市全体の水準に寄せて評価", "few data: estimate leans on the city-wide level") }

  /// The `reasons` cell: drivers joined in words.
  public func reasons(_ drivers: [PriorityDriver], configuration: Configuration) -> String {
    drivers.map { driver in
      switch driver {
      case .need(let id, let ratio, let interval):
        needReason(configuration.indicator(id), ratio: ratio, interval: interval, level: configuration.confidenceLevel)
      case .reach(let ratio): reachReason(ratio: ratio)
      case .lowData: lowDataReason
      }
    }.joined(separator: pick("；", "; "))
  }
}
