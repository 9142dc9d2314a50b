/// Words of the resource directory, referral outcomes and resource gaps (issue 9), in Japanese
/// and English. Kind, area and resource names are data and are shown as given.
extension Labels {
  // MARK: Directory

  public var directoryTitle: String { pick("地域の社会資源ガイド", "Guide to local support resources") }
  public var directoryIntro: String {
    pick("暮らしや仕事、居場所などの困りごとに応じた地域の相談先・支援先を、日常生活圏域と種類ごとにまとめました。利用の条件や日時は各連絡先にご確認ください。",
         "Places in the area that help with work, daily life, somewhere to belong and more, by area (日常生活圏域) and kind. Please check conditions and opening hours with each contact.")
  }
  public var directoryContents: String { pick("目次", "Contents") }
  public var directoryEmpty: String { pick("掲載できる社会資源はありません。", "There are no resources to list.") }
  public var directoryOtherArea: String { pick("その他の地域", "Other districts") }
  public var directoryWholeCity: String { pick("市内全域", "Whole city") }
  public var directoryTarget: String { pick("対象", "For") }
  public var directoryAddress: String { pick("所在地", "Address") }
  public var directoryDistrict: String { pick("地区", "District") }
  public var directoryContact: String { pick("連絡先", "Contact") }
  public var directoryHours: String { pick("開設日時", "Hours") }
  public var directoryURL: String { pick("ホームページ", "Website") }
  /// `（x）` in Japanese, ` (x)` in English.
  public func parenthesised(_ x: String) -> String { pick("（\(x)）", " (\(x))") }
  public func directoryAsOf(_ period: Period) -> String { pick("\(self.period(period))現在", "As of \(self.period(period))") }
  public func directoryCount(_ count: Int) -> String { pick("\(count)件", count == 1 ? "1 resource" : "\(count) resources") }
  public func directoryFooter(_ centre: String) -> String {
    centre.isEmpty
      ? pick("作成：相談支援センター", "Compiled by the consultation-support centre")
      : pick("作成：\(centre)", "Compiled by \(centre)")
  }

  // MARK: Referral outcomes

  /// The `name` of the centre-wide rows of referral_outcomes.csv.
  public var outcomeCentreName: String { pick("センター全体", "whole centre") }
  public var outcomeMonthName: String { pick("センター全体（月別）", "whole centre (month)") }

  /// A flagged outcome in words, e.g. `つなぎ後に出口に至る割合がセンター全体より低い（30%、全体 55%）`.
  public func outcomeFlag(_ o: ReferralOutcome) -> String? {
    guard o.rarelyExits, let rate = o.exitRate, let centre = o.centreExitRate else { return nil }
    return pick("つなぎ後に出口に至る割合がセンター全体より低い（\(NumberFormat.percent(rate))、全体 \(NumberFormat.percent(centre))）",
                "referrals rarely lead to an exit compared with the centre (\(NumberFormat.percent(rate)) vs \(NumberFormat.percent(centre)))")
  }

  // MARK: Resource gaps

  /// A candidate proposal for a flagged gap: `北部圏域：中間的就労の場の開拓`.
  public func gapProposal(_ g: ResourceGap) -> String? {
    let area = g.area.isEmpty ? directoryWholeCity : g.area
    if g.isGap { return pick("\(area)：\(g.kind)の場の開拓", "\(area): develop \(g.kind) places") }
    if g.isLowCapacity { return pick("\(area)：\(g.kind)の受け入れ枠の拡充", "\(area): expand \(g.kind) capacity") }
    return nil
  }

  /// The evidence of a gap: each indicator's ratio, the combined need and its interval, and
  /// the resources found (statistics only; no centre counts, so nothing here needs suppression).
  public func gapEvidence(_ g: ResourceGap, configuration: Configuration) -> String {
    var parts = g.needs.compactMap { need -> String? in
      guard let ratio = need.ratio else { return nil }
      let label = indicator(configuration.indicator(need.indicator))
      return pick("\(label)が基準の\(NumberFormat.fixed(ratio, 2))倍", "\(label) \(NumberFormat.fixed(ratio, 2))× reference")
    }
    if let r = g.needRatio, let lo = g.needRatioLower, let hi = g.needRatioUpper, g.needs.count > 1 {
      let level = configuration.confidenceLevel * 100
      let pct = NumberFormat.fixed(level, level == level.rounded() ? 0 : 1)
      parts.append(pick("合成ニーズ比 \(NumberFormat.fixed(r, 2))（\(pct)%CI \(NumberFormat.fixed(lo, 2))–\(NumberFormat.fixed(hi, 2))）",
                        "combined need \(NumberFormat.fixed(r, 2)) (\(pct)% CI \(NumberFormat.fixed(lo, 2))–\(NumberFormat.fixed(hi, 2)))"))
    }
    if g.resourceCount == 0 {
      parts.append(pick("\(g.kind)の社会資源なし", "no \(g.kind) resource"))
    } else if let mine = g.capacityPerThousandInNeed {
      let city = g.cityCapacityPerThousandInNeed.map { pick("（市全体 \(NumberFormat.fixed($0, 1))）", " (city \(NumberFormat.fixed($0, 1)))") } ?? ""
      parts.append(pick("要支援者千人あたり定員 \(NumberFormat.fixed(mine, 1))\(city)", "capacity per 1,000 in need \(NumberFormat.fixed(mine, 1))\(city)"))
    }
    return parts.joined(separator: pick("；", "; "))
  }

  // MARK: Skipped parts

  public var skippedNoResources: String {
    pick("resources.csv がないため、社会資源ガイドと社会資源の不足の分析を省略しました。",
         "No resources.csv: the resource directory and resource gaps were skipped.")
  }
  public var skippedNoReferrals: String {
    pick("cases.csv に referrals 列がないため、つなぎと出口の分析（referral_outcomes.csv）を省略しました。",
         "cases.csv has no referrals column: referral outcomes (referral_outcomes.csv) were skipped.")
  }
  public var skippedNoExits: String {
    pick("cases.csv に exits 列がないため、出口率とその判定を省略しました。",
         "cases.csv has no exits column: exit rates and their flags were skipped.")
  }
}
