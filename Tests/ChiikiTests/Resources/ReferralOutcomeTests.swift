import Foundation
import Testing

@testable import Chiiki

/// Referral outcomes on Fixtures/resources. Expected values were computed independently in
/// Python: Wilson intervals with scipy.stats.norm.ppf(0.975) and checked against
/// scipy.stats.binomtest(x, n).proportion_ci(method="wilson") (scipy 1.17); funnel limits as
/// p0 ± z·sqrt(p0(1−p0)/n) with z = norm.ppf(0.975), norm.ppf(0.999).
@Suite struct ReferralOutcomeTests {
  func outcome(_ a: Analysis, _ level: ReferralOutcome.Level, _ key: String, _ category: String?) -> ReferralOutcome? {
    a.resources.outcomes.first { $0.level == level && $0.key == key && $0.category?.rawValue == category }
  }

  @Test func countsFollowTheWindowAndAddUp() throws {
    let (a, _) = try ResourceFixture.resources()
    let centre = try #require(outcome(a, .centre, "all", nil))
    // Window 2025-11..2026-10: the 2025-09 row is outside it.
    #expect(centre.consultations == 118 && centre.referrals == 68 && centre.exits == 25)
    let d004 = try #require(outcome(a, .district, "004", nil))
    #expect(d004.consultations == 42 && d004.referrals == 30 && d004.exits == 3 && d004.area == "南部圏域")
    let south = try #require(outcome(a, .area, "南部圏域", nil))
    #expect(south.consultations == 59 && south.referrals == 38 && south.exits == 8)
    // Per-category rows of the centre add up to the all-categories row.
    let cats = a.resources.outcomes.filter { $0.level == .centre && $0.category != nil }
    #expect(cats.reduce(0) { $0 + $1.referrals } == 68 && cats.reduce(0) { $0 + $1.exits } == 25)
    // Every district appears once as an all-categories row; empty category rows are left out.
    #expect(a.resources.outcomes.filter { $0.level == .district && $0.category == nil }.map(\.key) == ["001", "002", "003", "004", "005", "006"])
    #expect(outcome(a, .district, "003", "就労") == nil)
  }

  @Test func ratesAreTheRatiosOfTheCounts() throws {
    let (a, _) = try ResourceFixture.resources()
    let centre = try #require(outcome(a, .centre, "all", nil))
    #expect(ResourceFixture.close(centre.referralRate, 68.0 / 118))
    #expect(ResourceFixture.close(centre.exitRate, 25.0 / 68))
    let d004 = try #require(outcome(a, .district, "004", "就労"))
    #expect(ResourceFixture.close(d004.exitRate, 0.1))
    #expect(ResourceFixture.close(d004.centreExitRate, 16.0 / 44))
  }

  /// Awaits the real statistics engine (the shim's Wilson interval has zero width).
  @Test func wilsonIntervalsMatchScipy() throws {
    let (a, _) = try ResourceFixture.resources()
    let centre = try #require(outcome(a, .centre, "all", nil))
    #expect(ResourceFixture.close(centre.referralInterval?.lower, 0.4860914421, 1e-9))
    #expect(ResourceFixture.close(centre.referralInterval?.upper, 0.6616415232, 1e-9))
    #expect(ResourceFixture.close(centre.exitInterval?.lower, 0.2630046514, 1e-9))
    #expect(ResourceFixture.close(centre.exitInterval?.upper, 0.4864436436, 1e-9))
    let d004 = try #require(outcome(a, .district, "004", nil))
    #expect(ResourceFixture.close(d004.exitInterval?.lower, 0.0345998887, 1e-9))
    #expect(ResourceFixture.close(d004.exitInterval?.upper, 0.2562108258, 1e-9))
    #expect(ResourceFixture.close(d004.referralInterval?.lower, 0.5643279073, 1e-9))
    #expect(ResourceFixture.close(d004.referralInterval?.upper, 0.8283297537, 1e-9))
  }

  @Test func proportionFunnelLimitsMatchTheNormalApproximation() {
    let l = OutcomeFunnel.proportionLimits(trials: 30, target: 25.0 / 68)
    #expect(abs(l.lower998 - 0.09561140951853941) < 1e-12)
    #expect(abs(l.lower95 - 0.19510984403725862) < 1e-12)
    #expect(abs(l.upper95 - 0.5401842736098003) < 1e-12)
    #expect(abs(l.upper998 - 0.6396827081285195) < 1e-12)
    // A degenerate target gives no flag.
    #expect(OutcomeFunnel.label(successes: 0, trials: 10, target: 1) == nil)
    #expect(OutcomeFunnel.label(successes: 0, trials: 0, target: 0.5) == nil)
  }

  @Test func flagsMatchAnIndependentFunnelAndSitOnTheRightSide() throws {
    let (a, _) = try ResourceFixture.resources()
    let expected: [(ReferralOutcome.Level, String, String?, FunnelLabel)] = [
      (.district, "004", nil, .low95), (.district, "004", "就労", .low95), (.district, "004", "経済的困窮", .within),
      (.area, "北部圏域", nil, .high95), (.area, "南部圏域", nil, .low95), (.district, "001", nil, .within),
      (.area, "南部圏域", "就労", .within),
    ]
    for (level, key, category, label) in expected {
      let o = try #require(outcome(a, level, key, category))
      #expect(o.exitFlag == label, "\(key) \(category ?? "all")")
    }
    #expect(try #require(outcome(a, .district, "004", nil)).rarelyExits)
    var flagged = 0
    for o in a.resources.outcomes where o.level != .centre {
      guard let flag = o.exitFlag, let rate = o.exitRate, let centre = o.centreExitRate else { continue }
      switch flag {
      case .low95, .low998: #expect(rate < centre); flagged += 1
      case .high95, .high998: #expect(rate > centre); flagged += 1
      case .within: break
      }
    }
    #expect(flagged >= 4)
    #expect(a.resources.outcomes.filter { $0.level == .centre }.allSatisfy { $0.exitFlag == nil })
  }

  @Test func trendCoversTheWindowMonthByMonth() throws {
    let (a, _) = try ResourceFixture.resources()
    let trend = a.resources.outcomeTrend
    #expect(trend.map(\.period.description) == (0..<12).map { Period(year: 2025, month: 11).adding(months: $0).description })
    #expect(trend.reduce(0) { $0 + $1.consultations } == 118)
    #expect(trend.reduce(0) { $0 + $1.referrals } == 68)
    #expect(trend.reduce(0) { $0 + $1.exits } == 25)
    let october = try #require(trend.last)
    #expect(october.consultations == 53 && october.referrals == 31 && october.exits == 9)
  }

  @Test func csvHasTheDocumentedColumnsAndRows() throws {
    let (a, _) = try ResourceFixture.resources()
    let text = ReferralOutcomesWriter.render(a).text
    #expect(text.hasPrefix("\u{FEFF}level,district_code,name,area,category,period,consultations,referrals,exits,referral_rate,referral_low,referral_high,referral_funnel,exit_rate,exit_low,exit_high,exit_funnel,centre_referral_rate,centre_exit_rate,flag\r\n"))
    let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    // header + 5 centre + 12 months + 8 area + 15 district rows
    #expect(lines.count == 1 + 5 + 12 + 8 + 15)
    let row = try #require(lines.first { $0.hasPrefix("district,004,南一丁目,南部圏域,all,") })
    let cells = row.components(separatedBy: ",")
    #expect(cells[5] == "2025-11/2026-10" && cells[6] == "42" && cells[7] == "30" && cells[8] == "3")
    #expect(cells[13] == "0.100000" && cells[16] == "low_95" && cells[18] == "0.367647" && cells[19] == "rarely_exits")
    #expect(lines.contains { $0.hasPrefix("centre_month,,センター全体（月別）,,all,2026-10,53,31,9,") })
  }

  /// `positions(where:)` judges district rows from their stored flags; it must pick the same rows
  /// as filtering the built rows on the same fields.
  @Test func positionsMatchAFilterOverTheBuiltRows() throws {
    let (a, _) = try ResourceFixture.resources()
    let table = a.resources.outcomes
    let predicates: [(ReferralOutcomeTable.RowTag) -> Bool] = [
      { $0.level == .centre },
      { $0.level != .centre && ($0.exitFlag == .low95 || $0.exitFlag == .low998) },
      { $0.allCategories && ($0.exitFlag == .low95 || $0.exitFlag == .low998) },
      { $0.level == .district && $0.exitFlag == .within },
      { $0.exitFlag == nil },
      { _ in true },
    ]
    var nonEmpty = 0
    for include in predicates {
      let expected = table.indices.filter { i in
        let o = table[i]
        return include(ReferralOutcomeTable.RowTag(level: o.level, allCategories: o.category == nil, exitFlag: o.exitFlag))
      }
      #expect(table.positions(where: include) == expected)
      if !expected.isEmpty { nonEmpty += 1 }
    }
    // The fixture has rows of every kind asked for, so the comparisons above are not vacuous.
    #expect(nonEmpty == predicates.count)
  }
}
