import CLibCSV

/// Adds the buffered rows of cases.csv into `CaseData` once the run period is known
/// (`CasesAccumulator.finish` when the run period was not given): the same result as
/// `CasesAccumulator.add` on each row in file order, at a fraction of the cost.
///
/// `add` finds or creates each row's category and band index in `CaseData` (which grows the
/// window arrays) and adds through Swift arrays, nested ones for the city and area totals:
/// about a dozen uniqueness and bounds checks a row. Here a first walk makes every index the
/// rows will need, in the order `add` would (categories by their first row in the kept months,
/// bands by their first window row, with that row's line), and stops as soon as every slot
/// that the rows can need has one. The arrays then keep their size, so the rows are added
/// through pointers, straight from their packed words (no `CheckedCase` per row), with the
/// window lines of the row 12 ahead prefetched (rows come month by month and district by
/// district, some fifty arrays side by side: too many streams for the hardware prefetcher).
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
    var counts = (rows: rows.count, afterRun: 0, beforeKept: 0, consultationsBeforeKept: 0, unknownSex: 0, unknownAge: 0)
    // The kept-month slot of a month (`CaseData.monthSlot`), or one of the two markers.
    let afterRun = -2
    let beforeKept = -1
    let base = rows.monthBaseIndex ?? 0
    func slot(ofMonth month: Int) -> Int {
      if month > lastMonth { return afterRun }
      let m = month - firstKept
      return m >= 0 && m < monthsKept ? m : beforeKept
    }
    // The same for each month offset of a packed word.
    let slotOfOffset = (0..<CaseRowBuffer.monthOffsets).map { slot(ofMonth: base + $0) }
    let categoryIndex = self.categoryIndex
    let bandIndex = self.bandIndex
    let areaOfDistrict = self.areaOfDistrict
    let ahead = 12
    categoryIndex.withUnsafeBufferPointer { categoryIndex in
    bandIndex.withUnsafeBufferPointer { bandIndex in
    areaOfDistrict.withUnsafeBufferPointer { areaOfDistrict in
    slotOfOffset.withUnsafeBufferPointer { slotOfOffset in
    city.withUnsafeMutableBufferPointer { city in
    data.monthly.withUnsafeMutableBufferPointer { monthly in
      data.windowConsultations.withUnsafeMutableBufferPointer { wc in
        data.windowReferrals.withUnsafeMutableBufferPointer { wr in
          data.windowExits.withUnsafeMutableBufferPointer { we in
            data.windowBySegment.withUnsafeMutableBufferPointer { segment in
              data.windowUnknownAge.withUnsafeMutableBufferPointer { unknownAge in
                rows.drainChunks { words, escaped in
                  let count = words.count
                  for r in 0..<count {
                    // Ask for the window lines the row 12 on adds to (rows come month by month
                    // and district by district: too many streams for the hardware prefetcher).
                    if r + ahead < count, case let next = words[r + ahead], !CaseRowBuffer.isEscaped(next) {
                      let u = CaseRowBuffer.district(next)
                      let c = categoryIndex[CaseRowBuffer.categorySlot(next)]
                      if c >= 0 {
                        chiiki_prefetch_for_write(wc.baseAddress! + (c * n + u))
                        chiiki_prefetch_for_write(wr.baseAddress! + (c * n + u))
                        chiiki_prefetch_for_write(we.baseAddress! + (c * n + u))
                      }
                      let bandSlot = CaseRowBuffer.bandSlot(next)
                      let b = bandIndex[bandSlot]
                      if bandSlot == 0 {
                        chiiki_prefetch_for_write(unknownAge.baseAddress! + (CaseRowBuffer.sex(next) * n + u))
                      } else if b >= 0 {
                        chiiki_prefetch_for_write(segment.baseAddress! + ((b * 3 + CaseRowBuffer.sex(next)) * n + u))
                      }
                    }
                    // The row's parts: from its word, or (rarely) from the whole escaped row.
                    let word = words[r]
                    let m: Int
                    let d: Int
                    let categorySlot: Int
                    let bandSlot: Int
                    let s: Int
                    let consultations: Int
                    let referrals: Int
                    let exits: Int
                    if !CaseRowBuffer.isEscaped(word) {
                      m = slotOfOffset[CaseRowBuffer.monthOffset(word)]
                      d = CaseRowBuffer.district(word)
                      categorySlot = CaseRowBuffer.categorySlot(word)
                      bandSlot = CaseRowBuffer.bandSlot(word)
                      s = CaseRowBuffer.sex(word)
                      consultations = CaseRowBuffer.consultations(word)
                      referrals = CaseRowBuffer.referrals(word)
                      exits = CaseRowBuffer.exits(word)
                    } else {
                      let row = escaped[CaseRowBuffer.escapedIndex(word)].checked
                      m = slot(ofMonth: row.period.monthIndex)
                      d = row.district
                      categorySlot = row.categorySlot
                      bandSlot = row.bandSlot
                      s = row.sex
                      consultations = row.consultations
                      referrals = row.referrals
                      exits = row.exits
                    }
                    if m < 0 {
                      if m == afterRun {
                        counts.afterRun += 1
                      } else {
                        counts.beforeKept += 1
                        counts.consultationsBeforeKept += consultations
                      }
                      continue
                    }
                    // `makeIndices` made the index of every slot a kept row has (and of every
                    // band a window row has).
                    let c = categoryIndex[categorySlot]
                    let add = UInt32(truncatingIfNeeded: consultations)
                    monthly[m * n + d] &+= add
                    city[m * categories + c] &+= add
                    let area = m * areaSlots + areaOfDistrict[d]
                    areaC[area] &+= add
                    areaR[area] &+= UInt32(truncatingIfNeeded: referrals)
                    areaE[area] &+= UInt32(truncatingIfNeeded: exits)
                    guard m >= firstWindow else { continue }
                    wc[c * n + d] &+= add
                    wr[c * n + d] &+= UInt32(truncatingIfNeeded: referrals)
                    we[c * n + d] &+= UInt32(truncatingIfNeeded: exits)
                    if s == 2 { counts.unknownSex += consultations }
                    if bandSlot != 0 {
                      segment[(bandIndex[bandSlot] * 3 + s) * n + d] &+= add
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

  /// Rows `makeIndices` read in its last run (for tests: it stops once every slot that the
  /// kept rows can have has its index).
  private(set) var rowsWalked = 0

  /// Makes the `CaseData` indices `add` would make, in its order. Bands come in the order of
  /// their first window row, whose line `CaseRowBuffer.occurringSlots` gives without reading the
  /// rows. Categories come in the order of their first kept row: the rows are walked until
  /// every category slot that a kept row has has an index (a slot made by a rejected row, or by
  /// rows before the kept months only, does not keep the walk going to the last row). The
  /// window arrays are reserved for the new slots first, so that they grow without a copy.
  private mutating func makeIndices(_ rows: CaseRowBuffer, _ data: inout CaseData) {
    let firstKept = data.firstKeptMonth.monthIndex
    let lastMonth = data.runPeriod.monthIndex
    let firstWindow = firstKept + data.monthsKept - data.windowMonths
    let occurring = rows.occurringSlots(
      firstKept: firstKept, firstWindow: firstWindow, lastMonth: lastMonth, categorySlots: categoryIndex.count,
      bandSlots: slotBands.count)
    var missing = categoryIndex.indices.filter { categoryIndex[$0] < 0 && occurring.categories[$0] }.count
    let lines = occurring.bandFirstLines
    let newBands = (1..<Swift.max(1, slotBands.count)).filter { bandIndex[$0] < 0 && lines[$0] > 0 }.sorted { lines[$0] < lines[$1] }
    data.reserve(categories: data.categories.count + missing, bands: data.bands.count + newBands.count)
    for slot in newBands {
      guard let band = slotBands[slot] else { continue }
      let b = data.bandIndex(band)
      bandIndex[slot] = b
      if b == data.bandFirstSeen.count { data.bandFirstSeen.append(CellLocation(line: lines[slot], column: ageColumn)) }
    }
    rowsWalked = 0
    guard missing > 0 else { return }
    rows.walk { row in
      rowsWalked += 1
      let m = row.period.monthIndex - firstKept
      guard row.period.monthIndex <= lastMonth, m >= 0, m < data.monthsKept else { return true }
      if categoryIndex[row.categorySlot] < 0 {
        categoryIndex[row.categorySlot] = data.categoryIndex(categoryNames[row.categorySlot])
        missing -= 1
      }
      return missing > 0
    }
  }
}
