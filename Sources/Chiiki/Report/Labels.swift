/// Every user-facing word of the outputs, in Japanese and English, in one place.
public struct Labels: Sendable {
  public let language: ReportLanguage

  public init(_ language: ReportLanguage) { self.language = language }

  /// The text of the language; only that one is worked out (the other is never built).
  func pick(_ ja: @autoclosure () -> String, _ en: @autoclosure () -> String) -> String { language == .ja ? ja() : en() }

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
    let w = reasonWords
    var text = needHead(config) + NumberFormat.fixed(value, 1) + w.ratioEnd
    if let interval {
      text += w.intervalOpen + Labels.levelPercent(level) + w.intervalWord
      text += NumberFormat.fixed(interval.lower, 1) + w.dash + NumberFormat.fixed(interval.upper, 1) + w.intervalClose
    }
    return text
  }

  /// The text of `needReason` before the ratio: `失業率が基準の` / `unemployment rate `.
  func needHead(_ config: IndicatorConfig) -> String { pick("\(indicator(config))が基準の", "\(indicator(config)) ") }

  /// The confidence level in percent as the reasons show it (`95`, `99.5`).
  static func levelPercent(_ level: Double) -> String {
    NumberFormat.fixed(level * 100, level * 100 == (level * 100).rounded() ? 0 : 1)
  }

  /// The fixed words around the figures of `needReason` and `reachReason`, in order: the one
  /// wording that `ReasonsText` (the reasons cell as bytes) uses too.
  struct ReasonWords {
    var ratioEnd: String, intervalOpen: String, intervalWord: String, dash: String, intervalClose: String
    var reachHead: String, reachTail: String
    /// Between two drivers of the `reasons` cell.
    var separator: String
  }

  var reasonWords: ReasonWords {
    ReasonWords(
      ratioEnd: pick("倍", "× reference"), intervalOpen: pick("（", " ("), intervalWord: pick("%CI ", "% CI "), dash: "–",
      intervalClose: pick("）", ")"), reachHead: pick("相談は期待値の", "consultations "), reachTail: pick("", " of expected"),
      separator: pick("；", "; "))
  }

  /// `生活保護率が高い` / `high public assistance rate`: a driver named without figures.
  public func needReasonPlain(_ config: IndicatorConfig) -> String {
    let high = config.direction == .higherIsWorse
    return pick("\(indicator(config))が\(high ? "高い" : "低い")", "\(high ? "high" : "low") \(indicator(config))")
  }

  public func reachReason(ratio: Double) -> String {
    let w = reasonWords
    return w.reachHead + NumberFormat.percent(ratio) + w.reachTail
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
    }.joined(separator: reasonWords.separator)
  }
}

/// The `reasons` cell as UTF-8 without building its strings: the words around the figures are
/// made once for a run (per indicator, the label and its lead-in) and the figures are written
/// straight into the bytes, in the same order and format as `Labels.reasons`.
struct ReasonsText: Sendable {
  let labels: Labels
  let configuration: Configuration
  /// Per indicator of the configuration: its id and the text before its ratio.
  let needHeads: [(id: IndicatorID, head: [UInt8])]
  /// The confidence level as in `needReason` (`95`).
  let percent: [UInt8]
  let lowData: [UInt8]
  let separator: [UInt8]
  /// The fixed words of `needReason` and `reachReason`, in order (`Labels.reasonWords`).
  let ratioEnd: [UInt8], intervalOpen: [UInt8], intervalWord: [UInt8], dash: [UInt8], intervalClose: [UInt8]
  let reachHead: [UInt8], reachTail: [UInt8]
  /// `IndicatorCodes`' identifiers when this was made (a snapshot, so that `append(_:DriverSet:)`
  /// takes no lock per driver) and, per code, the text before a need's ratio (made once here).
  let codeHeads: [[UInt8]]

  init(_ labels: Labels, configuration: Configuration) {
    self.labels = labels
    self.configuration = configuration
    let needHeads = configuration.indicators.keys.sorted().map { ($0, Self.needHead(labels, configuration.indicator($0))) }
    self.needHeads = needHeads
    codeHeads = IndicatorCodes.shared.snapshot().map { id in
      needHeads.first(where: { $0.0 == id })?.1 ?? Self.needHead(labels, configuration.indicator(id))
    }
    percent = Array(Labels.levelPercent(configuration.confidenceLevel).utf8)
    lowData = Array(labels.lowDataReason.utf8)
    let w = labels.reasonWords
    separator = Array(w.separator.utf8)
    ratioEnd = Array(w.ratioEnd.utf8)
    intervalOpen = Array(w.intervalOpen.utf8)
    intervalWord = Array(w.intervalWord.utf8)
    dash = Array(w.dash.utf8)
    intervalClose = Array(w.intervalClose.utf8)
    reachHead = Array(w.reachHead.utf8)
    reachTail = Array(w.reachTail.utf8)
  }

  /// The text of `needReason` before the ratio.
  static func needHead(_ labels: Labels, _ config: IndicatorConfig) -> [UInt8] {
    Array(labels.needHead(config).utf8)
  }

  /// Appends `labels.reasons(drivers, configuration:)` as UTF-8 to `out`.
  func append(_ drivers: [PriorityDriver], to out: inout ByteText) {
    for (k, driver) in drivers.enumerated() {
      if k > 0 { out.add(separator) }
      switch driver {
      case .need(let id, let ratio, let interval):
        if let known = needHeads.first(where: { $0.id == id }) {
          out.add(known.head)
        } else {
          out.add(Self.needHead(labels, configuration.indicator(id)))
        }
        appendNeed(ratio: ratio, interval: interval, to: &out)
      case .reach(let ratio):
        appendReach(ratio, to: &out)
      case .lowData:
        out.add(lowData)
      }
    }
  }

  /// Appends `labels.reasons(set.drivers, configuration:)` as UTF-8 to `out`, the same bytes as
  /// `append(set.drivers, to:)` without building the array or taking `IndicatorCodes`' lock
  /// per need (a code newer than the snapshot is looked up there).
  func append(_ set: DriverSet, to out: inout ByteText) {
    var first = true
    for k in 0..<set.needCount {
      if !first { out.add(separator) }
      first = false
      let need = set.need(k)
      if Int(need.code) < codeHeads.count {
        out.add(codeHeads[Int(need.code)])
      } else {
        out.add(Self.needHead(labels, configuration.indicator(IndicatorCodes.shared.indicator(need.code))))
      }
      appendNeed(ratio: need.ratio, interval: need.interval, to: &out)
    }
    if let ratio = set.reach {
      if !first { out.add(separator) }
      first = false
      appendReach(ratio, to: &out)
    }
    if set.hasLowData {
      if !first { out.add(separator) }
      out.add(lowData)
    }
  }

  /// A need's words after its head: the ratio and, when given, the interval.
  private func appendNeed(ratio: Double, interval: Interval?, to out: inout ByteText) {
    out.add(ratio, places: 1)
    out.add(ratioEnd)
    if let interval {
      out.add(intervalOpen)
      out.add(percent)
      out.add(intervalWord)
      out.add(interval.lower, places: 1)
      out.add(dash)
      out.add(interval.upper, places: 1)
      out.add(intervalClose)
    }
  }

  /// The consultation shortfall's words.
  private func appendReach(_ ratio: Double, to out: inout ByteText) {
    // NumberFormat.percent: the whole percent and `%`, or `—` when not finite.
    out.add(reachHead)
    if ratio.isFinite {
      out.add(ratio * 100, places: 0)
      out.add(byte: 0x25)
    } else {
      out.add(NumberFormat.percent(ratio))
    }
    out.add(reachTail)
  }
}

// MARK: - Meeting report (meeting_summary.md / .html)

extension Labels {
  public var reportTitle: String { pick("支援調整会議 資料：地域の状況と広報計画", "Coordination meeting (支援調整会議): regional needs and outreach plan") }
  /// Shown for a masked value (derived from a suppressed count, or not available).
  public var masked: String { "—" }
  /// Shown for a count masked to protect a small one (secondary suppression).
  public var secondarySuppressed: String { "X" }
  public var listSeparator: String { pick("；", "; ") }
  public var nameSeparator: String { pick("、", ", ") }
  public var reachReasonMasked: String { pick("相談が少ない（件数は秘匿）", "few consultations (count suppressed)") }
  public var builtInRules: String { pick("組み込みの既定ルール", "built-in default rules") }
  public var wholeCity: String { pick("市全体", "whole city") }

  /// 2026年10月（令和8年10月） / 2026-10 (令和8年10月).
  public func periodWithWareki(_ p: Period) -> String { language == .ja ? p.japaneseDisplay : "\(p.description) (\(p.wareki))" }

  /// 2025年11月〜2026年10月 / 2025-11 to 2026-10.
  public func window(_ start: Period, _ end: Period) -> String {
    language == .ja ? "\(start.year)年\(start.month ?? 1)月〜\(end.year)年\(end.month ?? 12)月" : "\(start.description) to \(end.description)"
  }

  /// 25/11 style month label for charts and the monthly table.
  public func shortPeriod(_ p: Period) -> String {
    let yy = p.year % 100
    let m = p.month ?? 1
    return "\(yy < 10 ? "0" : "")\(yy)/\(m < 10 ? "0" : "")\(m)"
  }

  public func funnel(_ f: FunnelLabel) -> String {
    switch f {
    case .high998: pick("高い（99.8%限界の外）", "high (beyond 99.8% limit)")
    case .high95: pick("高い（95%限界の外）", "high (beyond 95% limit)")
    case .within: pick("限界内", "within limits")
    case .low95: pick("低い（95%限界の外）", "low (beyond 95% limit)")
    case .low998: pick("低い（99.8%限界の外）", "low (beyond 99.8% limit)")
    }
  }

  /// Black-and-white symbol of a funnel label for the heat table.
  public func funnelSymbol(_ f: FunnelLabel) -> String {
    switch f {
    case .high998: "▲▲"
    case .high95: "▲"
    case .within: "・"
    case .low95: "▽"
    case .low998: "▽▽"
    }
  }

  public var heatLegend: String {
    pick("数値は経験ベイズ平滑化比（1.00 = 基準）。▲▲ 99.8%限界より高い、▲ 95%限界より高い、・ 限界内、▽ 95%限界より低い、▽▽ 99.8%限界より低い。— は観測数が少なく非表示。地区は優先順位順。",
         "Values are Empirical-Bayes smoothed ratios (1.00 = reference). ▲▲ above the 99.8% limit, ▲ above 95%, ・ within limits, ▽ below 95%, ▽▽ below 99.8%. — = hidden (small count). Districts in priority order.")
  }

  // Outreach plan.
  public func outreachIntro(window: String, total: String) -> String {
    pick("相談件数は\(window)の12か月窓（計\(total)件）。期待相談件数は、市全体の相談がニーズに比例して届いた場合の件数です。順位は優先度スコア（方法を参照）によります。",
         "Consultations are counted over \(window) (\(total) in all). Expected consultations are what each district would have if the centre's consultations followed need evenly. Ranks follow the priority score (see Methodology).")
  }
  public func moreDistricts(shown: Int, of total: Int) -> String {
    pick("上位\(shown)地区を掲載（全\(total)地区は outreach_targets.csv）。", "The top \(shown) districts are shown (all \(total) are in outreach_targets.csv).")
  }
  public var flagPersistent: String { pick("3か月連続で有意に少ない", "under-reached 3 months running") }
  public var flagLowData: String { pick("データ少", "few data") }
  public var belowMark: String { pick("↓ 期待値の9割未満", "↓ below 90% of expected") }
  public var persistentMark: String { pick("● 3か月連続", "● 3 months running") }
  public var segmentNote: String {
    pick("性・年齢別の相談件数は、地区の件数との差し引きで小さな数が分かることを避けるため掲載していません。「↓」は相談が期待値の9割に届かない層です。",
         "Consultation counts by sex and age are not printed, so that no small count can be worked out from district totals; ↓ marks groups below 90% of expected consultations.")
  }

  /// `→` unchanged, `↑3` up three places since last month, and last year's rank.
  public func rankChange(now: Int, lastMonth: Int?, lastYear: Int?) -> String {
    func delta(_ before: Int) -> String {
      before == now ? "→" : before > now ? "↑\(before - now)" : "↓\(now - before)"
    }
    var parts: [String] = []
    if let lastMonth { parts.append(pick("前月\(lastMonth)位 \(delta(lastMonth))", "last month #\(lastMonth) \(delta(lastMonth))")) }
    if let lastYear { parts.append(pick("前年\(lastYear)位", "last year #\(lastYear)")) }
    return parts.joined(separator: pick("、", ", "))
  }

  public func leafletPlan(budget: Int, allocated: Int, districts: Int, perHousehold: Double) -> String {
    pick("今月のチラシ予算\(NumberFormat.grouped(budget))枚のうち\(NumberFormat.grouped(allocated))枚を\(districts)地区に配布します（1世帯あたり\(NumberFormat.fixed(perHousehold, perHousehold == perHousehold.rounded() ? 0 : 1))枚）。",
         "Of this month's budget of \(NumberFormat.grouped(budget)) leaflets, \(NumberFormat.grouped(allocated)) go to \(districts) districts (\(NumberFormat.fixed(perHousehold, perHousehold == perHousehold.rounded() ? 0 : 1)) per household).")
  }
  public func leafletPartial(_ name: String) -> String { pick("\(name)は予算の範囲で一部の世帯のみ配布します。", "\(name) gets a partial run (the budget ran out there).") }
  public func leafletLeftOver(_ n: Int) -> String { pick("\(NumberFormat.grouped(n))枚が残ります（不足のある地区はすべて配布済み）。", "\(NumberFormat.grouped(n)) leaflets are left over (every under-reached district is covered).") }
  public func leafletSkipped(_ names: [String]) -> String {
    pick("世帯数が不明のため配布対象外：\(names.joined(separator: "、"))", "Skipped, households unknown: \(names.joined(separator: ", "))")
  }
  public var leafletRule: String {
    pick("配布ルール：優先順位の高い地区から順に全世帯分を割り当て、予算が尽きた地区は一部配布とします。",
         "Rule: whole districts in priority order, one run per household, until the budget runs out; the last district may get a partial run.")
  }

  // Regional issues.
  public func indicatorFacts(period: String, referenceRate: Double, high: Int, low: Int, adjusted: Bool, phi: Double, excluded: Int) -> String {
    let rate = NumberFormat.fixed(referenceRate * 100, 2)
    var text = pick("対象期間 \(period)。基準（全地区）の粗率 \(rate)%。基準を有意に上回る地区 \(high)、下回る地区 \(low)。",
                    "Period \(period). Reference crude rate \(rate)%. \(high) districts significantly above reference, \(low) below.")
    if adjusted { text += pick("過分散（φ = \(NumberFormat.fixed(phi, 2))）のため管理限界を広げて判定。", " Limits widened for over-dispersion (φ = \(NumberFormat.fixed(phi, 2))).") }
    if excluded > 0 { text += pick("秘匿・欠測セル\(excluded)件を除外。", " \(excluded) suppressed or missing cells left out.") }
    return text
  }
  public var noneHigh: String { pick("基準を有意に上回る地区はありません。", "No district is significantly above reference.") }
  public var noneUnderReached: String { pick("相談が期待値を有意に下回る地区はありません。", "No district has significantly fewer consultations than expected.") }
  public func newInTopTen(_ names: [String]) -> String { pick("前月から上位10地区に入った地区：\(names.joined(separator: "、"))", "New in the top ten since last month: \(names.joined(separator: ", "))") }
  public func leftTopTen(_ names: [String]) -> String { pick("前月の上位10地区から外れた地区：\(names.joined(separator: "、"))", "Left the top ten since last month: \(names.joined(separator: ", "))") }
  public var noYearRise: String { pick("前年同月から10位以上順位を上げて上位10地区に入った地区はありません。", "No district rose ten or more places into the top ten since a year ago.") }
  public func yearRise(_ names: [String]) -> String { pick("前年同月から10位以上順位を上げて上位10地区に入った地区：\(names.joined(separator: "、"))", "Rose ten or more places into the top ten since a year ago: \(names.joined(separator: ", "))") }
  public var noPreviousYear: String { pick("前年同期の相談データがないため、前年との比較はできません。", "No consultations a year earlier: no comparison with last year.") }
  public func consultationsVersusLastYear(now: String, before: String) -> String {
    pick("12か月間の相談件数：今期\(now)件、前年同期\(before)件。", "Consultations over twelve months: \(now) now, \(before) a year earlier.")
  }
  public func indicatorChange(_ label: String, district: String, from: String, to: String, rateRatio: Double, interval: String) -> String {
    pick("\(district)の\(label)は\(from)から\(to)にかけて\(NumberFormat.fixed(rateRatio, 2))倍に変化（有意、区間 \(interval)）。",
         "\(district): \(label) changed by a factor of \(NumberFormat.fixed(rateRatio, 2)) from \(from) to \(to) (significant, interval \(interval)).")
  }

  // Resources and outcomes.
  public var gapMark: String { pick("● 不足", "● gap") }
  public var lowExitMark: String { pick("▽ 低い", "▽ low") }
  public var allCategories: String { pick("全体", "all") }
  public func gapSentence(area: String, kind: String, needRatio: String, lower: String) -> String {
    pick("\(area)：「\(kind)」の資源がありません（関連ニーズ比 \(needRatio)、下限 \(lower)）。", "\(area): no \(kind) resource (need ratio \(needRatio), lower limit \(lower)).")
  }
  public func lowExitSentence(name: String, category: String?) -> String {
    let c = category.map { pick("（\($0)）", " (\($0))") } ?? ""
    return pick("\(name)\(c)：つなぎから出口に至る割合が市全体より有意に低い。", "\(name)\(c): referrals lead to an exit significantly less often than city-wide.")
  }
  public var resourcesNotComputed: String {
    pick("この実行では社会資源の不足とつなぎ・出口の集計は行われていません（resources.csv または referrals/exits 列がない、または未対応）。",
         "Resource gaps and referral outcomes were not computed in this run (no resources.csv or referrals/exits columns, or not available).")
  }

  // Data quality.
  public func suppressionNote(threshold: Int) -> String {
    pick("この資料は外部に出るため、1〜\(threshold - 1)の件数は「<\(threshold)」と表示し、そこから計算できる比・割合・差も「—」としています。合計から小さな数が逆算されないよう、追加で秘匿した件数は「X」と表示しています。",
         "This paper leaves the centre: counts from 1 to \(threshold - 1) show as \"<\(threshold)\", and ratios, shares and differences computed from them as \"—\". Counts masked so that a small count cannot be worked out from a total show as \"X\".")
  }
  public func excludedCells(_ label: String, _ n: Int) -> String {
    pick("\(label)：秘匿・欠測のセル\(n)件を観測数・期待数の両方から除外しました。", "\(label): \(n) suppressed or missing cells were left out of both observed and expected counts.")
  }
  public func lowDataDistricts(_ names: [String], minimum: Double) -> String {
    pick("期待数の合計が\(NumberFormat.fixed(minimum, 0))未満でデータが少ない地区（市全体の水準に寄せて評価）：\(names.joined(separator: "、"))",
         "Districts with few data (summed expected counts below \(NumberFormat.fixed(minimum, 0)); estimates lean on the city-wide level): \(names.joined(separator: ", "))")
  }
  public func unknownConsultations(_ count: String) -> String {
    pick("性別または年齢が不明の相談\(count)件は地区の合計に含め、性・年齢別の分析からは除いています。", "\(count) consultations of unknown sex or age are kept in district totals and left out of the sex x age analysis.")
  }
  public func warningLine(_ text: String) -> String { pick("入力の警告：\(text)", "Input warning: \(text)") }
  public func noteLine(_ text: String) -> String { pick("入力の注記：\(text)", "Input note: \(text)") }
  public func moreDiagnostics(_ n: Int) -> String { pick("ほか\(n)件の警告・注記があります（manifest.json を参照）。", "\(n) more warnings and notes (see manifest.json).") }
  public func customisationFailed(_ text: String) -> String { pick("カスタマイズを使えなかったため既定を使用：\(text)", "A customisation could not be used; the built-in one was used instead: \(text)") }

  // One-page summary.
  public func summaryConsultations(window: String, total: String, previous: String?) -> String {
    let before = previous.map { pick("（前年同期\($0)件）", " (\($0) a year earlier)") } ?? ""
    return pick("\(window)の新規相談は\(total)件でした\(before)。", "New consultations over \(window): \(total)\(before).")
  }
  public func summaryNeed(counts: [(String, Int)], strongest: (name: String, indicator: String, ratio: String, interval: String)?, level: String) -> String {
    let list = counts.map { pick("\($0.0) \($0.1)地区", "\($0.0) \($0.1)") }.joined(separator: pick("、", ", "))
    var text = pick("性・年齢構成を調整したうえで基準を有意に上回る地区は、\(list)です。", "Districts significantly above reference once sex and age are accounted for: \(list).")
    if let s = strongest {
      text += pick("最も確かな高さは\(s.name)の\(s.indicator)で、基準の\(s.ratio)倍（\(level)%CI \(s.interval)）です。",
                   " The clearest is \(s.indicator) in \(s.name): \(s.ratio)× reference (\(level)% CI \(s.interval)).")
    }
    return text
  }
  public func summaryReach(name: String, observed: String, expected: String, needIndex: String, share: (ratio: String, interval: String)?, level: String, underReached: Int) -> String {
    let s = share.map { pick("の\($0.ratio)、\(level)%CI \($0.interval)", ", \($0.ratio) of expected (\(level)% CI \($0.interval))") } ?? ""
    return pick("広報の優先度が最も高いのは\(name)で、ニーズ指数\(needIndex)、相談は\(observed)件（期待値\(expected)件\(s)）です。相談が期待値を有意に下回る地区は\(underReached)地区です。",
                "The top outreach priority is \(name): need index \(needIndex), \(observed) consultations against \(expected) expected\(s). \(underReached) districts have significantly fewer consultations than expected.")
  }
  public func summaryPersistent(_ names: [String]) -> String {
    pick("3か月続けて相談が有意に少ない地区：\(names.joined(separator: "、"))。", "Significantly under-reached three months running: \(names.joined(separator: ", ")).")
  }
  public func summaryPlan(leaflets: String, districts: Int, proposals: Int) -> String {
    pick("今月はチラシ\(leaflets)枚を\(districts)地区に配布し、議題案\(proposals)件を提示します。", "This month \(leaflets) leaflets go to \(districts) districts, and \(proposals) candidate proposals are put to the meeting.")
  }
  public var figureConsultations: String { pick("相談件数（12か月）", "Consultations (12 months)") }
  public var figureDistricts: String { pick("地区数", "Districts") }
  public var figureUnderReached: String { pick("相談が有意に少ない地区", "Districts significantly under-reached") }
  public var figureLeaflets: String { pick("チラシ（配布／予算）", "Leaflets (allocated / budget)") }
  public var figureProposals: String { pick("議題案", "Candidate proposals") }

  // Proposals.
  public var proposalsIntro: String {
    pick("以下は、データの所見から明示的なルール（方法を参照）で機械的に作成した議題案の候補です。会議で採否・優先度を検討してください。",
         "Candidate proposals below are generated from the findings by explicit rules (see Methodology); the meeting decides which to take up.")
  }
  public var noProposals: String { pick("今月はルールに該当する議題案はありません。", "No rule matched this month.") }
  /// Said under a table cut to its first rows.
  public func tableTruncated(shown: Int, total: Int, file: String) -> String {
    pick("（上位\(shown)地区を掲載。全\(total)地区は \(file)）", " (The top \(shown) districts are shown; all \(total) are in \(file).)")
  }

  public func andMore(_ n: Int) -> String { pick("ほか\(n)地区", " and \(n) more") }
  public func evidenceLine(name: String, _ evidence: [String]) -> String {
    evidence.isEmpty ? name : pick("\(name)：\(evidence.joined(separator: "；"))", "\(name): \(evidence.joined(separator: "; "))")
  }
  public func evidenceNeed(_ label: String, ratio: String, interval: String, level: String) -> String {
    pick("\(label)が基準の\(ratio)倍（\(level)%CI \(interval)）", "\(label) \(ratio)× reference (\(level)% CI \(interval))")
  }
  public func evidenceReach(observed: String, expected: String, interval: String?, level: String) -> String {
    let ci = interval.map { pick("、相談比の\(level)%CI \($0)", ", \(level)% CI of the ratio \($0)") } ?? ""
    return pick("相談\(observed)件／期待値\(expected)件\(ci)", "\(observed) consultations against \(expected) expected\(ci)")
  }
  public var evidencePersistent: String { pick("3か月連続で相談が有意に少ない", "under-reached three months running") }
  public func evidenceFewConsultations(ages: String, share: String, expected: String) -> String {
    pick("\(ages)の相談が期待値\(expected)件の\(share)未満", "consultations from ages \(ages) below \(share) of the \(expected) expected")
  }
  public func evidenceSegmentNeed(sex: String, age: String, needIndex: String) -> String {
    pick("\(sex)\(age)のニーズ指数\(needIndex)", "need index \(needIndex) among \(sex) \(age)")
  }
  public func evidenceNoResource(kind: String, area: String) -> String { pick("\(area)に「\(kind)」の資源なし", "no \(kind) resource in \(area)") }
  public func evidenceGap(kind: String, area: String, needRatio: String) -> String { pick("\(area)で「\(kind)」が不足（ニーズ比 \(needRatio)）", "\(kind) gap in \(area) (need ratio \(needRatio))") }
  public func evidenceLowExit(_ name: String) -> String { pick("\(name)でつなぎから出口に至る割合が有意に低い", "referrals rarely lead to an exit in \(name)") }
  public func evidenceRank(_ rank: Int) -> String { pick("優先順位\(rank)位", "priority rank \(rank)") }

  // Charts.
  public var axisExpected: String { pick("期待数 E（対数目盛）", "Expected count E (log scale)") }
  public var axisRatio: String { pick("標準化比 O/E", "Standardised ratio O/E") }
  public func funnelTitle(_ label: String) -> String { pick("ファネルプロット：\(label)", "Funnel plot: \(label)") }
  public func funnelNote(adjusted: Bool, hidden: Int, threshold: Int) -> String {
    var text = pick("破線 = 95%管理限界、実線 = 99.8%管理限界、点線 = 基準（1.0）。▲ 95%限界より高い、▽ 低い、○ 限界内。",
                    "Dashed = 95% control limits, solid = 99.8%, dotted = reference (1.0). ▲ above the 95% limit, ▽ below, ○ within.")
    if adjusted { text += pick("過分散のため限界を広げています。", " Limits widened for over-dispersion.") }
    if hidden > 0 { text += pick("観測数が\(threshold)未満の\(NumberFormat.grouped(hidden))地区は図示していません。", " \(NumberFormat.grouped(hidden)) districts with observed counts below \(threshold) are not drawn.") }
    return text
  }
  /// Added to `funnelNote` when a plot with very many points draws overlapping markers of one
  /// kind once (`FunnelOverplot`): how many districts the plot shows and as how many markers.
  public func funnelMerged(districts: Int, markers: Int) -> String {
    pick("地区数が多いため、同じ種類の点が1ピクセル以内で重なる場合は1つだけ描いています（\(NumberFormat.grouped(districts))地区を\(NumberFormat.grouped(markers))個の記号で表示）。",
         " With this many districts, points of the same kind that overlap within one pixel are drawn once (\(NumberFormat.grouped(districts)) districts shown as \(NumberFormat.grouped(markers)) markers).")
  }
  public var rankedTitle: String { pick("優先順位の高い地区：ニーズ指数と相談の届き方", "Top-priority districts: need index and reach") }
  public var chartNeedPanel: String { pick("ニーズ指数（1.0 = 基準）", "Need index (1.0 = reference)") }
  public func chartReachPanel(_ level: String) -> String { pick("相談／期待値（\(level)%CI）", "Consultations / expected (\(level)% CI)") }
  public func chartMasked(_ threshold: Int) -> String { pick("相談<\(threshold)件（非表示）", "<\(threshold) consultations (hidden)") }
  public func rankedNote(_ threshold: Int) -> String {
    pick("左：斜線の棒 = ニーズ指数、点線 = 1.0。右：点 = 相談件数÷期待相談件数、横線 = 信頼区間、点線 = 100%。相談が\(threshold)件未満などで秘匿した地区は点を描いていません。",
         "Left: hatched bar = need index, dotted line = 1.0. Right: dot = consultations ÷ expected, whisker = confidence interval, dotted line = 100%. Districts whose counts are suppressed have no dot.")
  }
  public var trendTitle: String { pick("月別の新規相談件数（市全体）", "New consultations per month (city-wide)") }
  public var trendAxis: String { pick("年/月", "year/month") }
  public var trendNote: String { pick("網かけ = 集計窓（12か月）。秘匿した月は線を切り、値の代わりに記号を示しています。", "Dotted background = the 12-month window. Suppressed months break the line and show the mark instead of a value.") }

  // Methodology facts.
  public var factRunPeriod: String { pick("対象月", "Run period") }
  public var factWindow: String { pick("相談の集計期間", "Consultation window") }
  public var factReference: String { pick("基準集団", "Reference population") }
  public var factLevel: String { pick("信頼水準", "Confidence level") }
  public var factThreshold: String { pick("小さな数の閾値", "Small-number threshold") }
  public var factComposite: String { pick("ニーズ指数の方法", "Need index method") }
  public var factLeafletBudget: String { pick("チラシ予算", "Leaflet budget") }
  public var factRules: String { pick("議題案ルール", "Proposal rules") }
  public func factIndicatorPeriod(_ label: String) -> String { pick("\(label)の対象期間", "\(label): period used") }
  public func compositeName(_ m: CompositeMethod) -> String {
    switch m {
    case .geometricMean: pick("平滑化比の加重幾何平均", "weighted geometric mean of smoothed ratios")
    case .percentileRank: pick("パーセンタイル順位の加重平均（CDC SVI型）", "weighted mean of percentile ranks (CDC SVI)")
    case .exponentialRank: pick("順位の指数変換（英国IMD型）", "exponential transform of ranks (English IMD)")
    }
  }
  public var referenceAll: String { pick("入力の全地区の合計（内部基準）", "all districts of the input together (internal reference)") }
  public func referenceExternal(_ file: String) -> String { pick("外部の率（\(file)）", "external rates (\(file))") }

  /// Every formula of the report, as (name, text).
  public func methodology(
    level: String, window: Int, threshold: Int, reference: String, adjusted: [String], weights: [String],
    composite: CompositeMethod, minimumExpected: Double, perHousehold: Double, defaultDistricts: Int, budgetConfigured: Bool
  ) -> [(String, String)] {
    let adjustedText = adjusted.isEmpty ? pick("今回該当する指標はありません。", "No indicator needed it this run.") : pick("今回の該当：\(adjusted.joined(separator: "、"))。", "Applied this run to: \(adjusted.joined(separator: ", ")).")
    let compositeText: String
    switch composite {
    case .geometricMean: compositeText = ""
    case .percentileRank: compositeText = pick("（今回は設定によりパーセンタイル順位の加重平均を使用。）", " (This run uses the weighted mean of percentile ranks, as configured.)")
    case .exponentialRank: compositeText = pick("（今回は設定により順位の指数変換の加重平均を使用。）", " (This run uses the exponential transform of ranks, as configured.)")
    }
    let budget = budgetConfigured ? pick("設定された予算", "the configured budget") : pick("上位\(defaultDistricts)地区の世帯数の合計", "the households of the top \(defaultDistricts) districts")
    return [
      (pick("間接標準化", "Indirect standardisation"),
       pick("地区の観測数 O = 性・年齢セルの分子の和。期待数 E = Σ（セルの分母 × そのセルの基準率）。標準化比 = O / E（1.0 = 基準と同じ水準）。基準率は\(reference)の性・年齢別の率（分子の和 ÷ 分母の和）。秘匿・欠測セルは O と E の両方から除外。",
            "Observed O = the district's numerators summed over sex x age cells. Expected E = Σ (cell denominator × the cell's reference rate). Standardised ratio = O / E (1.0 = reference level). Reference rates: \(reference), per sex x age (sum of numerators ÷ sum of denominators). Suppressed or missing cells are left out of both O and E.")),
      (pick("正確なポアソン信頼区間（Garwood）", "Exact Poisson interval (Garwood)"),
       pick("O の\(level)%区間をカイ二乗分布で求め E で割る：下限 = χ²(α/2; 2O) / 2E、上限 = χ²(1−α/2; 2O+2) / 2E（α = 1 − 信頼水準、O = 0 のとき下限 0）。相談比（相談件数 ÷ 期待相談件数）の区間も同じ。",
            "The \(level)% interval of O from the chi-square distribution, divided by E: lower = χ²(α/2; 2O) / 2E, upper = χ²(1−α/2; 2O+2) / 2E (α = 1 − confidence level; lower = 0 when O = 0). The same for the consultation ratio (consultations ÷ expected consultations).")),
      (pick("Wilson スコア区間", "Wilson score interval"),
       pick("粗率・つなぎ率・出口率 p = x / n の区間 = (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n)。z は信頼水準に対応する標準正規分布の分位点（95%で1.96）。",
            "For crude, referral and exit rates p = x / n: (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n), z the standard normal quantile of the confidence level (1.96 for 95%).")),
      (pick("ファネルプロットと管理限界（Spiegelhalter 2005）", "Funnel plot and control limits (Spiegelhalter 2005)"),
       pick("期待数 E の地区が基準どおり（比 = 1）のときに O/E がとりうる95%と99.8%の範囲を管理限界とし、限界の外にある地区を「有意に高い／低い」とします。限界は平均 E のポアソン分布の分位点 r_p を補間した (r_p − α)/E（α = (F(r_p) − p) / P(r_p)、Spiegelhalter 2005 の正確法、横軸 E）。",
            "Control limits are the 95% and 99.8% ranges of O/E for a district with expected count E at the reference level (ratio 1); districts beyond them are called significantly high or low. Limits are Spiegelhalter's (2005) exact Poisson quantiles with interpolation, (r_p − α)/E with α = (F(r_p) − p) / P(r_p), plotted against E.")),
      (pick("過分散の調整", "Over-dispersion adjustment"),
       pick("地区間のばらつきがポアソン分布で説明できる以上に大きい（φ = 標準化 z 値の二乗平均 が 1 を上回る）指標では、加法的ランダム効果 τ² を推定し、限界を exp(±z√(1/E + τ²)) に広げて判定します。\(adjustedText)",
            "Where districts vary more than Poisson variation explains (φ, the mean squared standardised z-score, above 1), an additive random effect τ² is estimated and the limits widen to exp(±z√(1/E + τ²)). \(adjustedText)")),
      (pick("経験ベイズ平滑化（Poisson–Gamma、Marshall 1991）", "Empirical Bayes smoothing (Poisson–Gamma, Marshall 1991)"),
       pick("平滑化比 = m + w(O/E − m)、w = a / (a + m/E)。m = ΣO / ΣE、s² = ΣE(O/E − m)² / ΣE、a = s² − m/Ē（地区間の真のばらつき、負なら 0；モーメント法）。E が小さい地区ほど市全体の水準 m に寄せられ、小さな地区が偶然で上位に来ることを防ぎます。",
            "Smoothed ratio = m + w(O/E − m), w = a / (a + m/E), with m = ΣO / ΣE, s² = ΣE(O/E − m)² / ΣE and a = s² − m/Ē (the between-district variance, 0 if negative; method of moments). Districts with small E are pulled towards the city level m, so that tiny districts do not top the list on noise.")),
      (pick("ニーズ指数", "Need index"),
       pick("平滑化比の加重幾何平均 exp(Σ wᵢ ln rᵢ / Σ wᵢ)（低いほど悪い指標は 1/r）。1.0 = 基準の水準。重み：\(weights.joined(separator: "、"))。\(compositeText)",
            "Weighted geometric mean of smoothed ratios, exp(Σ wᵢ ln rᵢ / Σ wᵢ) (1/r for indicators where lower is worse); 1.0 = reference level. Weights: \(weights.joined(separator: ", ")).\(compositeText)")),
      (pick("期待相談件数", "Expected consultations"),
       pick("地区 d の期待相談件数 = C × Σᵢ wᵢ O(d,i) / O(全体,i) ÷ Σᵢ wᵢ。C は集計窓（直近\(window)か月）の全地区の相談件数。不足件数 = 期待相談件数 − 相談件数、相談比 = 相談件数 ÷ 期待相談件数。",
            "Expected consultations of district d = C × Σᵢ wᵢ O(d,i) / O(all,i) ÷ Σᵢ wᵢ, C the consultations of all districts over the window (the last \(window) months). Shortfall = expected − observed; consultation ratio = observed ÷ expected.")),
      (pick("性・年齢層の期待相談件数", "Expected consultations of sex x age groups"),
       pick("性・年齢層ごとに、その層の市全体の相談件数 C(性,年齢) を、層のニーズ（各指標の観測数）の地区別の割合で配分：E(d,性,年齢) = C(性,年齢) × Σᵢ wᵢ O(d,性,年齢,i) / O(全体,性,年齢,i) ÷ Σᵢ wᵢ。センターの相談者の年齢構成を前提に、同じ層のなかで相談が少ない地区を示します。性・年齢が不明の相談は含めません。",
            "Within each sex x age group, the group's consultations city-wide C(sex,age) are spread over districts by their share of the group's need: E(d,sex,age) = C(sex,age) × Σᵢ wᵢ O(d,sex,age,i) / O(all,sex,age,i) ÷ Σᵢ wᵢ. Groups are thus judged against the centre's own age profile: a group is short where it consults less than the same group elsewhere. Consultations of unknown sex or age are left out.")),
      (pick("優先度スコア", "Priority score"),
       pick("ニーズ指数 × max(0, r × (期待相談件数 − 相談件数))。r は相談比の経験ベイズ信頼度（0〜1）で、偶然による不足を割り引きます。ニーズが高いほど、不足が大きいほどスコアは上がります。同点はニーズ指数、期待相談件数、地区コードの順。データが少ない地区（期待数の合計が\(NumberFormat.fixed(minimumExpected, 0))未満）は注記します。",
            "Need index × max(0, r × (expected − observed consultations)), r the Empirical-Bayes reliability (0–1) of the consultation ratio, which discounts shortfalls due to chance. The score rises with need and with the shortfall. Ties break by need index, expected consultations, then district code. Districts with few data (summed expected counts below \(NumberFormat.fixed(minimumExpected, 0))) are flagged.")),
      (pick("チラシ配分", "Leaflet rule"),
       pick("予算（既定は\(budget)）を、優先順位の順に1世帯あたり\(NumberFormat.fixed(perHousehold, perHousehold == perHousehold.rounded() ? 0 : 1))枚で地区全体に割り当て、予算が尽きた地区は一部配布。世帯数不明の地区は除外して記載。",
            "The budget (default: \(budget)) goes to whole districts in priority order at \(NumberFormat.fixed(perHousehold, perHousehold == perHousehold.rounded() ? 0 : 1)) per household; the district where it runs out gets a partial run; districts with unknown households are skipped and listed.")),
      (pick("期間と変化", "Periods and change"),
       pick("指標は対象月以前で最新の期間の値を使用。相談は対象月までの\(window)か月の合計。前月・前年の比較は、1か月前・12か月前に終わる窓で同じ計算をした順位。「3か月連続」は直近3つの窓すべてで相談比の上限が1未満。",
            "Each indicator uses its latest period not after the run period. Consultations are summed over the \(window) months ending with the run period. Last month and last year are the same computation for windows ending one and twelve months earlier. \"Three months running\" = the upper limit of the consultation ratio below 1 in each of the last three windows.")),
      (pick("議題案ルール", "Proposal rules"),
       pick("議題案は、所見のパターン（例：要介護認定率が有意に高い かつ 65歳以上の相談が期待値の半分未満）を候補の取組に対応づける明示的なルールから作成します。ルールは編集可能なテキスト（データフォルダの proposals.rules）で、各議題案には根拠となった所見を地区ごとに示します。",
            "Proposals come from explicit rules mapping a pattern in the findings (e.g. long-term-care rate significantly high and consultations from ages 65+ below half of expected) to a candidate action. The rules are editable text (proposals.rules in the data folder); each proposal cites its findings per district.")),
      (pick("小さな数の扱い", "Small numbers"),
       pick("1〜\(threshold - 1)の件数は「<\(threshold)」、そこから計算できる比・割合・差は「—」。合計と内訳を並べる表では、秘匿した件数が合計から逆算できなくなるまで追加の件数を「X」とし、それでも防げない場合は合計を伏せます。指標の観測数が小さい地区は図に描きません。",
            "Counts from 1 to \(threshold - 1) show as \"<\(threshold)\"; ratios, shares and differences computed from them as \"—\". Where a total is printed with its parts, further counts are masked as \"X\" until no suppressed count can be worked out of the total, else the total is masked. Districts with small indicator counts are not drawn in charts.")),
    ]
  }
}

/// Headings and column names of the meeting report, for the templates (`{{t.x}}`).
public struct ReportWords: Sendable {
  public let runPeriod, window, summaryHeading, item, value: String
  public let outreachHeading, rank, district, area, needIndex, observed, expected, missing, ratio, interval, leaflets, change, reasons: String
  public let leafletHeading, areaHeading, districtCount, households, segmentHeading, sex, age, population, below: String
  public let issuesHeading, needHeading, observedPersons, sr, smoothed, funnel, heatHeading, underHeading, persistent: String
  public let changesHeading, categoryHeading, category, dissimilarity, categoryUnder, monthsHeading, month, consultations: String
  public let resourcesHeading, gapHeading, kind, resourceCount, capacity, needRatio, needLower, capacityPerThousand, gap: String
  public let outcomeHeading, unit, referrals, referralRate, exits, exitRate, lowExit: String
  public let proposalsHeading, proposal, partners, evidence, rulesSource, qualityHeading, methodsHeading, inputFile, rows, encoding: String

  public init(_ l: Labels, level: String = "95") {
    runPeriod = l.pick("対象月", "Run period")
    window = l.pick("集計期間", "Window")
    summaryHeading = l.pick("今月の要点", "This month at a glance")
    item = l.pick("項目", "Item")
    value = l.pick("値", "Value")
    outreachHeading = l.pick("広報・アウトリーチ計画", "Outreach plan")
    rank = l.pick("順位", "Rank")
    district = l.pick("地区", "District")
    area = l.pick("圏域", "Area")
    needIndex = l.pick("ニーズ指数", "Need index")
    observed = l.pick("相談件数", "Consultations")
    expected = l.pick("期待値", "Expected")
    missing = l.pick("不足", "Shortfall")
    ratio = l.pick("相談比", "Ratio")
    interval = l.pick("\(level)%CI", "\(level)% CI")
    leaflets = l.pick("チラシ", "Leaflets")
    change = l.pick("前月・前年", "Change")
    reasons = l.pick("理由", "Reasons")
    leafletHeading = l.pick("チラシの配分", "Leaflets")
    areaHeading = l.pick("圏域別", "By area")
    districtCount = l.pick("地区数", "Districts")
    households = l.pick("世帯数", "Households")
    segmentHeading = l.pick("重点の性・年齢層", "Priority sex x age groups")
    sex = l.pick("性別", "Sex")
    age = l.pick("年齢", "Age")
    population = l.pick("人口", "Population")
    below = l.pick("相談", "Reach")
    issuesHeading = l.pick("地域の課題", "Regional issues")
    needHeading = l.pick("ニーズが基準を有意に上回る地区", "Need significantly above reference")
    observedPersons = l.pick("観測数", "Observed")
    sr = l.pick("標準化比", "Ratio O/E")
    smoothed = l.pick("平滑化比", "Smoothed")
    funnel = l.pick("判定", "Funnel")
    heatHeading = l.pick("地区×指標の一覧", "District x indicator table")
    underHeading = l.pick("相談がニーズに届いていない地区", "Consultations short of need")
    persistent = l.pick("継続", "Persistent")
    changesHeading = l.pick("前月・前年からの変化", "Changes since last month and last year")
    categoryHeading = l.pick("主訴別の届き方", "Reach by main issue (主訴)")
    category = l.pick("主訴", "Main issue")
    dissimilarity = l.pick("偏り指数", "Dissimilarity")
    categoryUnder = l.pick("有意に少ない地区", "Significantly under-reached districts")
    monthsHeading = l.pick("相談件数の推移", "Consultations over time")
    month = l.pick("年/月", "Month")
    consultations = l.pick("相談件数", "Consultations")
    resourcesHeading = l.pick("出口と社会資源", "Exits (出口) and social resources (社会資源)")
    gapHeading = l.pick("社会資源の不足", "Resource gaps")
    kind = l.pick("種類", "Kind")
    resourceCount = l.pick("資源数", "Resources")
    capacity = l.pick("定員等", "Capacity")
    needRatio = l.pick("ニーズ比", "Need ratio")
    needLower = l.pick("下限", "Lower limit")
    capacityPerThousand = l.pick("千人あたり定員", "Capacity per 1,000 in need")
    gap = l.pick("不足", "Gap")
    outcomeHeading = l.pick("つなぎと出口", "Referrals and exits")
    unit = l.pick("単位", "Unit")
    referrals = l.pick("つなぎ", "Referrals")
    referralRate = l.pick("つなぎ率", "Referral rate")
    exits = l.pick("出口", "Exits")
    exitRate = l.pick("出口率", "Exit rate")
    lowExit = l.pick("出口率が低い", "Low exit rate")
    proposalsHeading = l.pick("議題案（地域づくり）", "Candidate proposals (地域づくり)")
    proposal = l.pick("議題案", "Proposal")
    partners = l.pick("連携先", "Partners")
    evidence = l.pick("根拠", "Evidence")
    rulesSource = l.pick("使用したルール", "Rules used")
    qualityHeading = l.pick("データの注意点", "Data quality notes")
    methodsHeading = l.pick("方法", "Methodology")
    inputFile = l.pick("入力ファイル", "Input file")
    rows = l.pick("行数", "Rows")
    encoding = l.pick("文字コード", "Encoding")
  }
}
