/// The checked rows of cases.csv kept until the run period is known (`CasesAccumulator` when
/// the run period is not given), 8 bytes a row in file order.
///
/// A national file has millions of rows whose parts are small: a month close to the others, a
/// district index, sex, band and category slots, and counts that are nearly always tiny. Each
/// row is packed into one UInt64 (the `BufferedCase` it replaces took 28 bytes). A row whose
/// parts do not fit is kept whole in `escaped`, its word holding only its index there, so any
/// row that `BufferedCase` could hold is kept, and given back exactly.
///
/// The word has no line number: the replay needs a row's line only when the row is the first
/// of its band in the run's window (`CaseData.bandFirstSeen`), and that row is the first
/// buffered row of its (month, band slot), whose line `firstLines` keeps. Rows are stored in
/// chunks (no doubling copy of one large array); `compact` drops rows in place, and
/// `drainChunks` frees each chunk once it has given its rows back.
struct CaseRowBuffer {
  /// Rows a chunk holds (`WordChunks`: 2 MiB, so that a freed chunk goes back to the system
  /// rather than leaving a hole in a heap; smaller chunks kept ~60 MB resident after the read).
  static let chunkRows = WordChunks.size

  // Packed word, escape bit clear: month offset (8 bits) | sex (2) | band slot (6) |
  // category slot (8) | district (22) | consultations (7) | referrals (5) | exits (5).
  private static let escapeBit: UInt64 = 1 << 63
  private static let monthShift: UInt64 = 55
  private static let sexShift: UInt64 = 53
  private static let bandShift: UInt64 = 47
  private static let categoryShift: UInt64 = 39
  private static let districtShift: UInt64 = 17
  private static let consultationsShift: UInt64 = 10
  private static let referralsShift: UInt64 = 5
  static let monthOffsets = 1 << 8
  static let bandSlots = 1 << 6
  static let categorySlots = 1 << 8
  static let districts = 1 << 22
  static let maxConsultations = (1 << 7) - 1
  static let maxReferrals = (1 << 5) - 1
  static let maxExits = (1 << 5) - 1

  /// Full chunks, in file order.
  private var chunks: [[UInt64]] = []
  /// The chunk being filled (appends touch one array, not an array in an array).
  private var current: [UInt64] = []
  /// Rows held.
  private(set) var count = 0
  /// Rows that do not fit a word, whole; an escaped word's low bits index this list. Entries
  /// of rows dropped by `compact` stay (such rows are rare).
  private var escaped: [BufferedCase] = []
  /// The month index that offset 0 stands for: set by the first row, so that months up to
  /// 128 before or 127 after it fit.
  private var monthBase: Int? = nil
  /// Per (month offset, band slot), `offset << 6 | slot`: the first line of a packed row with
  /// them (0: none yet).
  private var firstLines: [Int] = Array(repeating: 0, count: CaseRowBuffer.monthOffsets * CaseRowBuffer.bandSlots)
  /// The earliest month index among the rows held (Int.max when none).
  private(set) var oldestMonth = Int.max
  /// Per category slot, the latest month offset of a packed row with it (-1: none), so that
  /// the replay knows which slots its rows can have (`occurringSlots`).
  private var latestCategoryOffset: [Int16] = Array(repeating: -1, count: CaseRowBuffer.categorySlots)

  init() {}

  /// Rows kept whole in `escaped` (dropped ones included).
  var escapedCount: Int { escaped.count }

  /// Appends a checked row; false when it cannot be kept at all (a part too large even for
  /// `BufferedCase`), and then the caller reads the file again.
  @inline(__always) mutating func append(_ c: CheckedCase) -> Bool {
    let month = c.period.monthIndex
    if _slowPath(monthBase == nil) { monthBase = month &- CaseRowBuffer.monthOffsets / 2 }
    let offset = month &- monthBase.unsafelyUnwrapped
    // Each part in its range (as unsigned: a negative part is out of range too).
    @inline(__always) func fits(_ v: Int, below limit: Int) -> Bool { UInt(bitPattern: v) < UInt(limit) }
    guard c.period.month != nil, fits(offset, below: CaseRowBuffer.monthOffsets), fits(c.sex, below: 4),
      fits(c.bandSlot, below: CaseRowBuffer.bandSlots), fits(c.categorySlot, below: CaseRowBuffer.categorySlots),
      fits(c.district, below: CaseRowBuffer.districts), fits(c.consultations, below: CaseRowBuffer.maxConsultations + 1),
      fits(c.referrals, below: CaseRowBuffer.maxReferrals + 1), fits(c.exits, below: CaseRowBuffer.maxExits + 1), c.line > 0
    else { return appendWhole(c) }
    let word =
      UInt64(offset) << CaseRowBuffer.monthShift | UInt64(c.sex) << CaseRowBuffer.sexShift
      | UInt64(c.bandSlot) << CaseRowBuffer.bandShift | UInt64(c.categorySlot) << CaseRowBuffer.categoryShift
      | UInt64(c.district) << CaseRowBuffer.districtShift | UInt64(c.consultations) << CaseRowBuffer.consultationsShift
      | UInt64(c.referrals) << CaseRowBuffer.referralsShift | UInt64(c.exits)
    let t = offset << 6 | c.bandSlot
    if firstLines[t] == 0 { firstLines[t] = c.line }
    if latestCategoryOffset[c.categorySlot] < offset { latestCategoryOffset[c.categorySlot] = Int16(truncatingIfNeeded: offset) }
    WordChunks.append(word, to: &current, full: &chunks)
    count += 1
    if month < oldestMonth { oldestMonth = month }
    return true
  }

  /// `append` for a row whose parts do not fit the word: kept whole in `escaped`.
  @inline(never) private mutating func appendWhole(_ c: CheckedCase) -> Bool {
    guard let whole = BufferedCase(c) else { return false }
    WordChunks.append(CaseRowBuffer.escapeBit | UInt64(escaped.count), to: &current, full: &chunks)
    escaped.append(whole)
    count += 1
    oldestMonth = Swift.min(oldestMonth, c.period.monthIndex)
    return true
  }

  /// The month index of a word.
  @inline(__always) private func month(_ word: UInt64) -> Int {
    if CaseRowBuffer.isEscaped(word) { return Int(escaped[CaseRowBuffer.escapedIndex(word)].month) }
    return monthBase.unsafelyUnwrapped + CaseRowBuffer.monthOffset(word)
  }

  /// The consultations of a word.
  @inline(__always) private func consultations(_ word: UInt64) -> Int {
    if CaseRowBuffer.isEscaped(word) { return Int(escaped[CaseRowBuffer.escapedIndex(word)].consultations) }
    return CaseRowBuffer.consultations(word)
  }

  /// Drops the rows whose month is before `firstKept`, in place and keeping the order; returns
  /// how many rows it dropped and their consultations.
  mutating func compact(before firstKept: Int) -> (rows: Int, consultations: Int) {
    guard oldestMonth < firstKept else { return (0, 0) }
    if !current.isEmpty { chunks.append(current) }
    current = []
    var droppedRows = 0
    var droppedConsultations = 0
    var oldest = Int.max
    var wc = 0  // chunk and position written next
    var wi = 0
    for rc in chunks.indices {
      for ri in 0..<chunks[rc].count {
        let word = chunks[rc][ri]
        let m = month(word)
        if m < firstKept {
          droppedRows += 1
          droppedConsultations += consultations(word)
          continue
        }
        chunks[wc][wi] = word
        oldest = Swift.min(oldest, m)
        wi += 1
        if wi == CaseRowBuffer.chunkRows {
          wc += 1
          wi = 0
        }
      }
    }
    // Chunk wc keeps wi rows; the chunks after it are emptied.
    if wi == 0 {
      chunks.removeSubrange(wc...)
    } else {
      chunks[wc].removeSubrange(wi...)
      chunks.removeSubrange((wc + 1)...)
    }
    if let last = chunks.last, last.count < CaseRowBuffer.chunkRows { current = chunks.removeLast() }
    count -= droppedRows
    oldestMonth = oldest
    return (droppedRows, droppedConsultations)
  }

  /// Gives every row back in file order and empties the buffer: hands over each chunk of words
  /// (then frees it), with the escaped rows. Read a packed word with the static accessors and
  /// `monthBaseIndex`, an escaped one (`isEscaped`) as `escaped[escapedIndex(word)]`. The replay
  /// adds millions of rows this way without building a `CheckedCase` and a `Period` for each.
  mutating func drainChunks(_ body: (_ words: UnsafeBufferPointer<UInt64>, _ escaped: [BufferedCase]) -> Void) {
    var all = chunks
    if !current.isEmpty { all.append(current) }
    chunks = []
    current = []
    count = 0
    oldestMonth = Int.max
    let whole = escaped
    escaped = []
    for i in all.indices {
      all[i].withUnsafeBufferPointer { body($0, whole) }
      all[i] = []  // each chunk's memory goes back as soon as its rows are given back
    }
  }

  /// Whether a word stands for an escaped row.
  @inline(__always) static func isEscaped(_ w: UInt64) -> Bool { w & escapeBit != 0 }
  /// The index in the escaped rows of an escaped word.
  @inline(__always) static func escapedIndex(_ w: UInt64) -> Int { Int(truncatingIfNeeded: w & ~escapeBit) }

  /// The month index that a packed word's month offset 0 stands for (nil when no row was added).
  var monthBaseIndex: Int? { monthBase }

  // The parts of a packed word (escape bit clear).
  @inline(__always) static func monthOffset(_ w: UInt64) -> Int { Int(truncatingIfNeeded: w >> monthShift) }
  @inline(__always) static func sex(_ w: UInt64) -> Int { Int(truncatingIfNeeded: (w >> sexShift) & 3) }
  @inline(__always) static func bandSlot(_ w: UInt64) -> Int { Int(truncatingIfNeeded: (w >> bandShift) & UInt64(bandSlots - 1)) }
  @inline(__always) static func categorySlot(_ w: UInt64) -> Int {
    Int(truncatingIfNeeded: (w >> categoryShift) & UInt64(categorySlots - 1))
  }
  @inline(__always) static func district(_ w: UInt64) -> Int { Int(truncatingIfNeeded: (w >> districtShift) & UInt64(districts - 1)) }
  @inline(__always) static func consultations(_ w: UInt64) -> Int {
    Int(truncatingIfNeeded: (w >> consultationsShift) & UInt64(maxConsultations))
  }
  @inline(__always) static func referrals(_ w: UInt64) -> Int { Int(truncatingIfNeeded: (w >> referralsShift) & UInt64(maxReferrals)) }
  @inline(__always) static func exits(_ w: UInt64) -> Int { Int(truncatingIfNeeded: w & UInt64(maxExits)) }

  /// What the replay needs to make its category and band indices without reading every row:
  /// per category slot, whether a row held with it is in or after `firstKept` (never false for
  /// a slot such a row has; true may also stand for a row after the run period), and per band
  /// slot, the line of the first row held with it in the months `firstWindow...lastMonth` (0
  /// when none). `categorySlots` / `bandSlots`: how many slots the caller has.
  func occurringSlots(
    firstKept: Int, firstWindow: Int, lastMonth: Int, categorySlots: Int, bandSlots: Int
  ) -> (categories: [Bool], bandFirstLines: [Int]) {
    var categories = [Bool](repeating: false, count: categorySlots)
    var bandFirstLines = [Int](repeating: 0, count: bandSlots)
    guard let base = monthBase else { return (categories, bandFirstLines) }
    for slot in 0..<Swift.min(categorySlots, CaseRowBuffer.categorySlots) {
      let latest = Int(latestCategoryOffset[slot])
      if latest >= 0 && base + latest >= firstKept { categories[slot] = true }
    }
    // `firstLines` has the first line of every (month offset, band slot) of a packed row
    // (dropped rows' entries stay, but those are before `firstKept`); lines grow in file order.
    func note(_ slot: Int, _ line: Int) {
      if bandFirstLines[slot] == 0 || line < bandFirstLines[slot] { bandFirstLines[slot] = line }
    }
    let from = Swift.min(Swift.max(0, firstWindow - base), CaseRowBuffer.monthOffsets)
    let to = Swift.min(Swift.max(from, lastMonth - base + 1), CaseRowBuffer.monthOffsets)
    for offset in from..<to {
      for slot in 0..<Swift.min(bandSlots, CaseRowBuffer.bandSlots) where firstLines[offset << 6 | slot] != 0 {
        note(slot, firstLines[offset << 6 | slot])
      }
    }
    for e in escaped {
      let c = e.checked
      let month = c.period.monthIndex
      if month >= firstKept && c.categorySlot < categorySlots { categories[c.categorySlot] = true }
      if month >= firstWindow && month <= lastMonth && c.bandSlot < bandSlots { note(c.bandSlot, c.line) }
    }
    return (categories, bandFirstLines)
  }

  /// The months a word's offset stands for (empty when no row was added).
  private var offsetPeriods: [Period] {
    guard let base = monthBase else { return [] }
    return (0..<CaseRowBuffer.monthOffsets).map { Period(year: 0, month: 1).adding(months: base + $0) }
  }

  /// The row a word holds (`periods`: `offsetPeriods`). The `line` of a packed row is the
  /// first line of its (month, band slot) among the rows buffered: its own line whenever it is
  /// the first of its band (see the type's note).
  @inline(__always) private func row(_ word: UInt64, _ periods: [Period]) -> CheckedCase {
    if CaseRowBuffer.isEscaped(word) { return escaped[CaseRowBuffer.escapedIndex(word)].checked }
    let offset = CaseRowBuffer.monthOffset(word)
    let band = CaseRowBuffer.bandSlot(word)
    return CheckedCase(
      period: periods[offset], district: CaseRowBuffer.district(word), sex: CaseRowBuffer.sex(word), bandSlot: band,
      categorySlot: CaseRowBuffer.categorySlot(word), consultations: CaseRowBuffer.consultations(word),
      referrals: CaseRowBuffer.referrals(word), exits: CaseRowBuffer.exits(word), line: firstLines[offset << 6 | band])
  }

  /// Reads the rows in file order, as `drainChunks` gives them, without removing them, until
  /// `body` returns false; each row as `row(_:_:)` decodes it.
  func walk(_ body: (CheckedCase) -> Bool) {
    let periods = offsetPeriods
    for chunk in chunks + [current] {
      for word in chunk where !body(row(word, periods)) { return }
    }
  }
}
