import Testing

@testable import Chiiki

/// `CaseReplay` adds the buffered rows of cases.csv straight from their packed words, after a
/// walk that makes the category and band indices and stops once every slot that the kept rows
/// can have has one (`CaseRowBuffer.occurringSlots`). It must give what adding each row in file
/// order gives (`CasesAccumulator.add`, re-done plainly here), and the walk must not read every
/// row when a slot was made by a rejected row or by rows before the kept months only.
@Suite struct CaseReplayTests {
  let categoryNames = ["就労", "住まい", "債務", "健康", "家族", "孤立"]
  let slotBands: [AgeBand?] = [nil] + ["0-14", "15-39", "40-64", "65+", "20-29"].map { AgeBand.parse($0)! }
  let districtCount = 50
  let areaOfDistrict = (0..<50).map { $0 % 4 == 3 ? 3 : $0 % 3 }  // 3 areas; 3 = no area
  let runPeriod = Period(year: 2026, month: 3)

  /// What `CasesAccumulator.add` makes of `rows` in file order, given as a plain loop.
  func reference(_ rows: [CheckedCase]) -> CaseData {
    var data = CaseData(districtCount: districtCount, areaCount: 3, runPeriod: runPeriod, windowMonths: 12)
    let n = districtCount
    for row in rows {
      data.rows += 1
      if row.period > runPeriod {
        data.rowsAfterRun += 1
        continue
      }
      guard let m = data.monthSlot(row.period) else {
        data.rowsBeforeKept += 1
        data.consultationsBeforeKept += row.consultations
        continue
      }
      let c = data.categoryIndex(categoryNames[row.categorySlot])
      let d = row.district
      data.monthly[m * n + d] &+= UInt32(row.consultations)
      data.cityMonthlyByCategory[m][c] &+= UInt32(row.consultations)
      let area = areaOfDistrict[d]
      data.areaMonthlyConsultations[m][area] &+= UInt32(row.consultations)
      data.areaMonthlyReferrals[m][area] &+= UInt32(row.referrals)
      data.areaMonthlyExits[m][area] &+= UInt32(row.exits)
      guard m >= data.monthsKept - data.windowMonths else { continue }
      data.windowConsultations[c * n + d] &+= UInt32(row.consultations)
      data.windowReferrals[c * n + d] &+= UInt32(row.referrals)
      data.windowExits[c * n + d] &+= UInt32(row.exits)
      if row.sex == 2 { data.unknownSexConsultations += row.consultations }
      if let band = slotBands[row.bandSlot] {
        let b = data.bandIndex(band)
        if b == data.bandFirstSeen.count { data.bandFirstSeen.append(CellLocation(line: row.line, column: 4)) }
        data.windowBySegment[(b * 3 + row.sex) * n + d] &+= UInt32(row.consultations)
      } else {
        data.windowUnknownAge[row.sex * n + d] &+= UInt32(row.consultations)
        data.unknownAgeConsultations += row.consultations
      }
    }
    return data
  }

  /// What the replay leaves in `CaseData`: OnePassCasesTests' summary without its first line
  /// (months kept, referral and exit flags), which the hand-built reference does not set.
  func summary(_ c: CaseData) -> [String] { Array(OnePassCasesTests.summary(c).dropFirst()) }

  /// Replays `rows` (buffered in file order) as `CasesAccumulator.finish` does; returns the
  /// cases and how many rows the index walk read.
  func replay(_ rows: [CheckedCase]) -> (CaseData, walked: Int) {
    var buffer = CaseRowBuffer()
    for r in rows {
      let kept = buffer.append(r)
      #expect(kept)
    }
    var data = CaseData(districtCount: districtCount, areaCount: 3, runPeriod: runPeriod, windowMonths: 12)
    var replay = CaseReplay(
      categoryIndex: Array(repeating: -1, count: categoryNames.count), bandIndex: Array(repeating: -1, count: slotBands.count),
      categoryNames: categoryNames, slotBands: slotBands, areaOfDistrict: areaOfDistrict, areaCount: 3, ageColumn: 4)
    replay.run(&buffer, into: &data)
    #expect(buffer.count == 0)
    return (data, replay.rowsWalked)
  }

  func row(_ month: Period, _ d: Int, sex: Int, band: Int, category: Int, _ c: Int, line: Int) -> CheckedCase {
    CheckedCase(
      period: month, district: d, sex: sex, bandSlot: band, categorySlot: category, consultations: c, referrals: c / 2,
      exits: c / 4, line: line)
  }

  @Test func walkStopsOnceEverySlotTheKeptRowsHaveHasAnIndex() {
    // Category slot 4 only before the kept months, slot 5 in no row (a rejected row made it);
    // band slot 5 only in kept months before the window. Every other slot is in the first
    // window rows, which come first; 20,000 more rows follow.
    var rows: [CheckedCase] = []
    var line = 2
    func add(_ r: CheckedCase) {
      rows.append(r)
      line += 1
    }
    for d in 0..<4 { add(row(runPeriod, d, sex: d % 3, band: 1 + d, category: d, 1 + d, line: line)) }
    add(row(runPeriod.adding(months: -30), 7, sex: 0, band: 1, category: 4, 5, line: line))
    add(row(runPeriod.adding(months: -14), 8, sex: 1, band: 5, category: 0, 3, line: line))
    for i in 0..<20_000 {
      add(row(runPeriod.adding(months: -(i % 24)), i % districtCount, sex: i % 3, band: i % 5, category: i % 4, i % 7, line: line))
    }
    let (data, walked) = replay(rows)
    #expect(summary(data) == summary(reference(rows)))
    #expect(walked == 4)
    #expect(data.categories.count == 4 && data.bands.count == 4)
  }

  @Test(arguments: [UInt64(11), 12, 13])
  func sameAsAddingEachRowOnRandomRows(seed: UInt64) {
    var state = seed
    func next(_ n: Int) -> Int { Int(splitMix(&state) % UInt64(n)) }
    var rows: [CheckedCase] = []
    var line = 1
    for _ in 0..<40_000 {
      line += 1 + next(2)
      let month = runPeriod.adding(months: -next(40))
      // Some rows do not fit the packed word (large counts) and are kept whole.
      let c = next(50) == 0 ? 1_000 + next(100_000) : next(9)
      rows.append(
        CheckedCase(
          period: month, district: next(districtCount), sex: next(3), bandSlot: next(slotBands.count),
          categorySlot: next(categoryNames.count - 1), consultations: c, referrals: next(c + 1), exits: 0, line: line))
    }
    let (data, _) = replay(rows)
    #expect(summary(data) == summary(reference(rows)))
    #expect(data.rowsBeforeKept > 0)
  }

  /// `occurringSlots` against a scan of the rows held, with compactions and escaped rows: the
  /// categories, and the first line of each band in the window.
  @Test(arguments: [UInt64(21), 22])
  func occurringSlotsAreTheSlotsOfTheRowsHeld(seed: UInt64) {
    var state = seed
    func next(_ n: Int) -> Int { Int(splitMix(&state) % UInt64(n)) }
    var buffer = CaseRowBuffer()
    var held: [CheckedCase] = []
    let base = 2025 * 12
    for i in 0..<200_000 {
      let wide = next(100) == 0
      let r = CheckedCase(
        period: Period(year: 0, month: 1).adding(months: base + next(36) + i / 20_000), district: next(1_000), sex: next(3),
        bandSlot: wide ? 64 + next(10) : next(20), categorySlot: wide && next(2) == 0 ? 300 + next(5) : next(40),
        consultations: next(5), referrals: 0, exits: 0, line: i + 2)
      let kept = buffer.append(r)
      #expect(kept)
      held.append(r)
      if i % 50_000 == 49_999 {
        let floor = base + i / 20_000
        _ = buffer.compact(before: floor)
        held.removeAll { $0.period.monthIndex < floor }
      }
    }
    #expect(buffer.escapedCount > 0)
    for (firstKept, firstWindow, lastMonth) in [(base + 12, base + 24, base + 35), (base + 30, base + 40, base + 44), (base + 50, base + 50, base + 61)] {
      let slots = buffer.occurringSlots(
        firstKept: firstKept, firstWindow: firstWindow, lastMonth: lastMonth, categorySlots: 310, bandSlots: 80)
      let categories = (0..<310).map { s in held.contains { $0.categorySlot == s && $0.period.monthIndex >= firstKept } }
      let bandFirstLines = (0..<80).map { s in
        held.first { $0.bandSlot == s && $0.period.monthIndex >= firstWindow && $0.period.monthIndex <= lastMonth }?.line ?? 0
      }
      #expect(slots.categories == categories)
      #expect(slots.bandFirstLines == bandFirstLines)
      #expect(bandFirstLines.filter { $0 > 0 }.count > (firstWindow < base + 45 ? 20 : -1))
    }
  }
}
