import Testing

@testable import Chiiki

/// `CaseRowBuffer` packs rows into 8 bytes (whole rows that do not fit go to a side list): it
/// must give back exactly the rows a plain list of `CheckedCase` keeps, in the same order, with
/// compactions at any point, and the first line of each (month, band slot).
@Suite struct CaseRowBufferTests {
  /// A random row; `wide` makes some parts too large for the packed word.
  func row(_ state: inout UInt64, line: Int, wide: Bool) -> CheckedCase {
    func next(_ n: Int) -> Int { Int(splitMix(&state) % UInt64(n)) }
    let big = wide && next(4) == 0
    let month = 2024 * 12 + next(30) - 15 + (big && next(3) == 0 ? 400 * (next(2) == 0 ? 1 : -1) : 0)
    let consultations = big && next(2) == 0 ? 100 + next(100_000) : next(20)
    let referrals = big && next(3) == 0 ? next(consultations + 1) : min(consultations, next(8))
    let exits = big && next(3) == 0 ? next(referrals + 1) : min(referrals, next(4))
    return CheckedCase(
      period: Period(year: 0, month: 1).adding(months: month), district: big && next(5) == 0 ? (1 << 22) + next(100) : next(300_000),
      sex: next(3), bandSlot: big && next(4) == 0 ? 64 + next(100) : next(12),
      categorySlot: big && next(4) == 0 ? 256 + next(1000) : next(15),
      consultations: consultations, referrals: referrals, exits: exits, line: line)
  }

  /// Every row `drainChunks` hands over, decoded with the static word accessors (a packed
  /// word) or taken from the escaped rows, in order; the buffer is empty afterwards. (A packed
  /// word has no line: `line` is 0.)
  static func drained(_ buffer: inout CaseRowBuffer) -> [CheckedCase] {
    let base = buffer.monthBaseIndex ?? 0
    var rows: [CheckedCase] = []
    buffer.drainChunks { words, escaped in
      for w in words {
        if CaseRowBuffer.isEscaped(w) {
          rows.append(escaped[CaseRowBuffer.escapedIndex(w)].checked)
        } else {
          rows.append(CheckedCase(
            period: Period(year: 0, month: 1).adding(months: base + CaseRowBuffer.monthOffset(w)), district: CaseRowBuffer.district(w),
            sex: CaseRowBuffer.sex(w), bandSlot: CaseRowBuffer.bandSlot(w), categorySlot: CaseRowBuffer.categorySlot(w),
            consultations: CaseRowBuffer.consultations(w), referrals: CaseRowBuffer.referrals(w), exits: CaseRowBuffer.exits(w), line: 0))
        }
      }
    }
    return rows
  }

  /// The rows `walk` reads (with their lines), all of them.
  static func walked(_ buffer: CaseRowBuffer) -> [CheckedCase] {
    var rows: [CheckedCase] = []
    buffer.walk { rows.append($0); return true }
    return rows
  }

  func same(_ a: CheckedCase, _ b: CheckedCase) -> Bool {
    a.period == b.period && a.district == b.district && a.sex == b.sex && a.bandSlot == b.bandSlot
      && a.categorySlot == b.categorySlot && a.consultations == b.consultations && a.referrals == b.referrals && a.exits == b.exits
  }

  @Test(arguments: [(UInt64(1), false), (UInt64(2), true), (UInt64(3), true)])
  func givesBackWhatAPlainListKeeps(seed: UInt64, wide: Bool) {
    var state = seed
    var buffer = CaseRowBuffer()
    var plain: [CheckedCase] = []
    var line = 2
    var droppedPlain = (rows: 0, consultations: 0)
    var droppedBuffer = (rows: 0, consultations: 0)
    for i in 0..<600_000 {
      line += 1 + Int(splitMix(&state) % 3)
      let r = row(&state, line: line, wide: wide)
      let kept = buffer.append(r)
      #expect(kept)
      plain.append(r)
      if i % 150_000 == 149_999 {
        let firstKept = 2024 * 12 - 15 + i / 50_000
        let d = buffer.compact(before: firstKept)
        droppedBuffer.rows += d.rows
        droppedBuffer.consultations += d.consultations
        let dropped = plain.filter { $0.period.monthIndex < firstKept }
        droppedPlain.rows += dropped.count
        droppedPlain.consultations += dropped.reduce(0) { $0 + $1.consultations }
        plain.removeAll { $0.period.monthIndex < firstKept }
        #expect(buffer.count == plain.count)
        #expect(buffer.oldestMonth == plain.map(\.period.monthIndex).min() ?? Int.max)
      }
    }
    #expect(droppedBuffer == droppedPlain)
    #expect(droppedPlain.rows > 0)
    if wide { #expect(buffer.escapedCount > 0) } else { #expect(buffer.escapedCount == 0) }
    let walked = Self.walked(buffer)
    let back = Self.drained(&buffer)
    #expect(buffer.count == 0)
    #expect(Self.walked(buffer).isEmpty)
    #expect(back.count == plain.count)
    #expect(walked.count == plain.count)
    var firstLine: [[Int]: Int] = [:]
    var mismatches = 0
    var firstsChecked = 0
    for ((a, w), b) in zip(zip(back, walked), plain) {
      if !same(a, b) || !same(w, b) { mismatches += 1 }
      // The line is exact for the first row of each (month, band slot).
      let key = [b.period.monthIndex, b.bandSlot]
      if firstLine[key] == nil {
        firstLine[key] = b.line
        firstsChecked += 1
        if w.line != b.line { mismatches += 1 }
      }
    }
    #expect(mismatches == 0)
    #expect(firstsChecked > 100)
  }

  @Test func refusesOnlyWhatABufferedCaseCannotHold() {
    var buffer = CaseRowBuffer()
    let ok = CheckedCase(
      period: Period(year: 2026, month: 1), district: 1, sex: 0, bandSlot: 1, categorySlot: 1,
      consultations: 1 << 31, referrals: 0, exits: 0, line: 2)
    let keptOK = buffer.append(ok)
    #expect(keptOK)
    var tooBig = ok
    tooBig.consultations = 1 << 33
    let keptTooBig = buffer.append(tooBig)
    #expect(!keptTooBig)
    var yearly = ok
    yearly.period = Period(year: 2026, month: nil)
    let keptYearly = buffer.append(yearly)
    #expect(!keptYearly)
    let back = Self.drained(&buffer)
    #expect(back.count == 1 && back[0].consultations == 1 << 31 && back[0].line == 2)
    #expect(buffer.count == 0)
  }
}
