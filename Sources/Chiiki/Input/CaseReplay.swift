import CLibCSV

/// Adds the buffered rows of cases.csv into `CaseData` once the run period is known
/// (`CasesAccumulator.finish` when the run period was not given): the same result as
/// `CasesAccumulator.add` on each row in file order, at a fraction of the cost.
///
/// `add` finds or creates each row's category and band index in `CaseData` (which grows the
/// window arrays) and adds through Swift arrays, nested ones for the city and area totals:
/// about a dozen uniqueness and bounds checks a row. Here a first walk makes every index the
/// rows will need, in the order `add` would (categories by their first row in the kept months,
/// bands by their first window row, with that row's line), and stops as soon as every slot has
/// one (usually within the first rows). The arrays then keep their size, so the rows are added
/// through pointers, with the window lines of the row 12 ahead prefetched (rows come month by
/// month and district by district, some fifty arrays side by side: too many streams for the
/// hardware prefetcher).
struct CaseReplay {
  /// Category slot -> `CaseData` category index (-1: none yet), as `CasesAccumulator` keeps it.
  var categoryIndex: [Int]
  /// Band slot -> `CaseData` band index (-1: none yet); slot 0 is the unknown age.
  var bandIndex: [Int]
  let categoryNames: [String]
  /// Band of each slot (slot 0: unknown age).
  let slotBands: [AgeBand?]
  /// Area of each district, `areaCount` for none.
  let areaOfDistrict: [Int]
  let areaCount: Int
  /// 1-based column of age_group, for `bandFirstSeen`.
  let ageColumn: Int?

  /// Adds every row of `rows` (emptied) into `data`, whose counters already hold the rows that
  /// were not buffered.
  mutating func run(_ rows: inout CaseRowBuffer, into data: inout CaseData) {
    makeIndices(rows, &data)
    let n = data.districtCount
    let monthsKept = data.monthsKept
    let firstWindow = monthsKept - data.windowMonths
    let firstKept = data.firstKeptMonth.monthIndex
    let lastMonth = data.runPeriod.monthIndex
    let categories = data.categories.count
    let areaSlots = areaCount + 1
    // The nested per-month city and area totals, flat for the replay, put back after.
    var city = [UInt32](repeating: 0, count: monthsKept * categories)
    var areaC = [UInt32](repeating: 0, count: monthsKept * areaSlots)
    var areaR = areaC
    var areaE = areaC
    var counts = (rows: 0, afterRun: 0, beforeKept: 0, consultationsBeforeKept: 0, unknownSex: 0, unknownAge: 0)
    let categoryIndex = self.categoryIndex
    let bandIndex = self.bandIndex
    let areaOfDistrict = self.areaOfDistrict
    data.monthly.withUnsafeMutableBufferPointer { monthly in
      data.windowConsultations.withUnsafeMutableBufferPointer { wc in
        data.windowReferrals.withUnsafeMutableBufferPointer { wr in
          data.windowExits.withUnsafeMutableBufferPointer { we in
            data.windowBySegment.withUnsafeMutableBufferPointer { segment in
              data.windowUnknownAge.withUnsafeMutableBufferPointer { unknownAge in
                rows.drain(ahead: 12) { row, upcoming in
                  if let u = upcoming, u.district < n, u.categorySlot < categoryIndex.count, u.bandSlot < bandIndex.count, u.sex < 3 {
                    let c = categoryIndex[u.categorySlot]
                    if c >= 0 {
                      chiiki_prefetch_for_write(wc.baseAddress! + (c * n + u.district))
                      chiiki_prefetch_for_write(wr.baseAddress! + (c * n + u.district))
                      chiiki_prefetch_for_write(we.baseAddress! + (c * n + u.district))
                    }
                    let b = bandIndex[u.bandSlot]
                    if u.bandSlot == 0 {
                      chiiki_prefetch_for_write(unknownAge.baseAddress! + (u.sex * n + u.district))
                    } else if b >= 0 {
                      chiiki_prefetch_for_write(segment.baseAddress! + ((b * 3 + u.sex) * n + u.district))
                    }
                  }
                  counts.rows += 1
                  let month = row.period.monthIndex
                  let consultations = row.consultations
                  if month > lastMonth {
                    counts.afterRun += 1
                    return
                  }
                  let m = month - firstKept
                  guard m >= 0 && m < monthsKept else {
                    counts.beforeKept += 1
                    counts.consultationsBeforeKept += consultations
                    return
                  }
                  // `makeIndices` made the index of every slot a kept row has (and of every
                  // band a window row has).
                  let c = categoryIndex[row.categorySlot]
                  let d = row.district
                  let add = UInt32(truncatingIfNeeded: consultations)
                  monthly[m * n + d] &+= add
                  city[m * categories + c] &+= add
                  let area = m * areaSlots + areaOfDistrict[d]
                  areaC[area] &+= add
                  areaR[area] &+= UInt32(truncatingIfNeeded: row.referrals)
                  areaE[area] &+= UInt32(truncatingIfNeeded: row.exits)
                  guard m >= firstWindow else { return }
                  wc[c * n + d] &+= add
                  wr[c * n + d] &+= UInt32(truncatingIfNeeded: row.referrals)
                  we[c * n + d] &+= UInt32(truncatingIfNeeded: row.exits)
                  let s = row.sex
                  if s == 2 { counts.unknownSex += consultations }
                  if row.bandSlot != 0 {
                    segment[(bandIndex[row.bandSlot] * 3 + s) * n + d] &+= add
                  } else {
                    unknownAge[s * n + d] &+= add
                    counts.unknownAge += consultations
                  }
                }
              }
            }
          }
        }
      }
    }
    for m in 0..<monthsKept {
      for c in 0..<categories { data.cityMonthlyByCategory[m][c] &+= city[m * categories + c] }
      for a in 0..<areaSlots {
        data.areaMonthlyConsultations[m][a] &+= areaC[m * areaSlots + a]
        data.areaMonthlyReferrals[m][a] &+= areaR[m * areaSlots + a]
        data.areaMonthlyExits[m][a] &+= areaE[m * areaSlots + a]
      }
    }
    data.rows += counts.rows
    data.rowsAfterRun += counts.afterRun
    data.rowsBeforeKept += counts.beforeKept
    data.consultationsBeforeKept += counts.consultationsBeforeKept
    data.unknownSexConsultations += counts.unknownSex
    data.unknownAgeConsultations += counts.unknownAge
  }

  /// Makes the `CaseData` indices `add` would make, in its order, walking the rows until every
  /// category slot and every known band slot has one.
  private mutating func makeIndices(_ rows: CaseRowBuffer, _ data: inout CaseData) {
    let firstKept = data.firstKeptMonth.monthIndex
    let lastMonth = data.runPeriod.monthIndex
    var missing = categoryIndex.filter { $0 < 0 }.count + (1..<Swift.max(1, slotBands.count)).filter { bandIndex[$0] < 0 }.count
    guard missing > 0 else { return }
    rows.walk { row in
      let m = row.period.monthIndex - firstKept
      guard row.period.monthIndex <= lastMonth, m >= 0, m < data.monthsKept else { return true }
      if categoryIndex[row.categorySlot] < 0 {
        categoryIndex[row.categorySlot] = data.categoryIndex(categoryNames[row.categorySlot])
        missing -= 1
      }
      if m >= data.monthsKept - data.windowMonths, let band = slotBands[row.bandSlot], bandIndex[row.bandSlot] < 0 {
        let b = data.bandIndex(band)
        bandIndex[row.bandSlot] = b
        if b == data.bandFirstSeen.count { data.bandFirstSeen.append(CellLocation(line: row.line, column: ageColumn)) }
        missing -= 1
      }
      return missing > 0
    }
  }
}
