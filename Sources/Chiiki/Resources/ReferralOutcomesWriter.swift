/// referral_outcomes.csv: referrals (つなぎ) and exits (出口) over the window.
///
/// Rows, in this order: the centre (`level` = centre) for all categories and per category; the
/// centre per month of the window (`centre_month`, all categories: the trend); each area; each
/// district (by code). `category` is `all` on all-categories rows. `period` is the window
/// `YYYY-MM/YYYY-MM` or, on trend rows, the month. Rates are proportions (0–1) with Wilson
/// intervals; `*_funnel` places a district or area on a proportion funnel around the centre-wide
/// rate of the same category; `flag` says `rarely_exits` (exit funnel low_95/low_99.8) and
/// `rarely_referred` (referral funnel low). Counts are raw: this file stays in the centre.
public enum ReferralOutcomesWriter {
  public static let header = [
    "level", "district_code", "name", "area", "category", "period", "consultations", "referrals", "exits",
    "referral_rate", "referral_low", "referral_high", "referral_funnel", "exit_rate", "exit_low", "exit_high",
    "exit_funnel", "centre_referral_rate", "centre_exit_rate", "flag",
  ]

  public static func render(_ analysis: Analysis, sink: OutputSink? = nil) -> CSVWriter {
    var csv = CSVWriter(header: header)
    csv.sink = sink
    let rows = Rows(analysis)
    rows.appendHead(to: &csv)
    rows.appendDistricts(to: &csv)
    return csv
  }

  /// The rows of the file in two parts: `appendHead` (centre, trend and area rows), then
  /// `appendDistricts` (all but a few), which renders a district's and a category's cells
  /// once instead of per row.
  struct Rows: Sendable {
    let analysis: Analysis
    let window: String
    let exits: Bool
    let centreName: String
    let monthName: String
    static let exitsWord = "rarely_exits"
    static let referredWord = "rarely_referred"
    /// The words of the figures' text cells, rendered once (`RenderedCells`) instead of checked
    /// per row: entry `label.slot`, a funnel label; then the flags (`flagSlot`).
    let words: RenderedCells
    static var flagSlot: Int { FunnelLabel.allCases.count }
    /// The longest entry of `words`, in bytes.
    let wordsLongest: Int

    init(_ analysis: Analysis) {
      self.analysis = analysis
      let r = analysis.resources
      let labels = Labels(analysis.configuration.language)
      window = r.window.map { "\($0.first)/\($0.last)" } ?? ""
      exits = r.outcomesHaveExits
      centreName = labels.outcomeCentreName
      monthName = labels.outcomeMonthName
      var words = RenderedCells()
      for label in FunnelLabel.allCases { words.add(label.rawValue) }
      words.add(Rows.exitsWord + ";" + Rows.referredWord)
      words.add(Rows.exitsWord)
      words.add(Rows.referredWord)
      self.words = words
      wordsLongest = words.longestEntry
    }

    /// Positions in `analysis.resources.outcomes` of the district rows.
    var districtPositions: Range<Int> {
      let outcomes = analysis.resources.outcomes
      return (outcomes.centreRows.count + outcomes.areaRows.count)..<outcomes.endIndex
    }

    func append(_ o: ReferralOutcome, to csv: inout CSVWriter) {
      csv.appendCell(o.level.rawValue)
      csv.appendCell(o.level == .district ? o.key : "")
      csv.appendCell(o.level == .centre ? centreName : o.name)
      csv.appendCell(o.area ?? "")
      csv.appendCell(o.category?.rawValue ?? "all")
      csv.appendCell(window)
      appendFigures(o, to: &csv)
    }

    /// The cells of `o` from `consultations` on, and the row's end (after the row's first
    /// cells), in one reserved room.
    @inline(__always)
    func appendFigures(_ o: ReferralOutcome, to csv: inout CSVWriter) {
      var room = csv.rowRoom(figuresBound)
      appendFigures(o, to: &room)
      csv.commitRow(room)
    }

    /// The most bytes `appendFigures` writes: 3 counts, 8 rates, 3 words (each after a comma)
    /// and CR LF.
    var figuresBound: Int {
      3 * CSVRowRoom.intBytes + 8 * CSVRowRoom.fixedBytes(6) + 3 * (1 + wordsLongest) + 2
    }

    /// `appendFigures` written in the room of the row (after its first cells).
    @inline(__always)
    func appendFigures(_ o: ReferralOutcome, to room: inout CSVRowRoom) {
      room.int(o.consultations)
      room.int(o.referrals)
      if exits { room.int(o.exits) } else { room.comma() }
      room.fixed6(o.referralRate)
      room.fixed6(o.referralInterval?.lower)
      room.fixed6(o.referralInterval?.upper)
      appendWord(o.referralFlag?.slot, to: &room)
      room.fixed6(o.exitRate)
      room.fixed6(o.exitInterval?.lower)
      room.fixed6(o.exitInterval?.upper)
      appendWord(o.exitFlag?.slot, to: &room)
      room.fixed6(o.centreReferralRate)
      room.fixed6(o.centreExitRate)
      // The flag cell: both words, one of them, or empty.
      let rarelyExits = o.rarelyExits
      let rarelyReferred = o.referralFlag == .low95 || o.referralFlag == .low998
      appendWord(rarelyExits || rarelyReferred ? Rows.flagSlot + (rarelyExits ? (rarelyReferred ? 0 : 1) : 2) : nil, to: &room)
      room.endRow()
    }

    /// A comma and word `slot` of `words` (nothing after the comma for nil).
    @inline(__always)
    func appendWord(_ slot: Int?, to room: inout CSVRowRoom) {
      if let slot { room.putCell(words.entry(slot)) } else { room.comma() }
    }

    /// The centre rows, the centre's months and the area rows.
    func appendHead(to csv: inout CSVWriter) {
      let r = analysis.resources
      let f = NumberFormat.fixed
      let level = analysis.configuration.confidenceLevel
      let centre = r.outcomes.centreRows
      for o in centre { append(o, to: &csv) }
      for month in r.outcomeTrend {
        let refRate = month.consultations > 0 ? Double(month.referrals) / Double(month.consultations) : nil
        let refCI = month.consultations > 0 ? ConfidenceIntervals.wilson(successes: Double(month.referrals), trials: Double(month.consultations), level: level) : nil
        let exitRate = exits && month.referrals > 0 ? Double(month.exits) / Double(month.referrals) : nil
        let exitCI = exits && month.referrals > 0 ? ConfidenceIntervals.wilson(successes: Double(month.exits), trials: Double(month.referrals), level: level) : nil
        csv.appendRow([
          "centre_month", "", monthName, "", "all", month.period.description, String(month.consultations),
          String(month.referrals), exits ? String(month.exits) : "",
          f(refRate, 6), f(refCI?.lower, 6), f(refCI?.upper, 6), "", f(exitRate, 6), f(exitCI?.lower, 6), f(exitCI?.upper, 6), "",
          f(centre.first?.referralRate, 6), f(centre.first?.exitRate, 6), "",
        ])
      }
      for o in r.outcomes.areaRows { append(o, to: &csv) }
    }

    /// The district rows (`districtPositions`).
    ///
    /// The rows of a district come together: its cells (level, code, name, area) are rendered
    /// once per district and each category's cells (category, period) once, and only
    /// the figures are built per row (`OutcomeSource.districtFigures`); the bytes are those of
    /// `append(outcomes[i])`.
    func appendDistricts(to csv: inout CSVWriter) {
      let outcomes = analysis.resources.outcomes
      let positions = districtPositions
      guard let source = outcomes.source else {
        for i in positions { append(outcomes[i], to: &csv) }
        return
      }
      let districts = source.districts.districts
      // Entry slot + 1 (0 = all categories): the category and period cells.
      var categoryCells = RenderedCells()
      categoryCells.add("all", window)
      for category in source.cases.categories { categoryCells.add(category.rawValue, window) }
      // Entry 0: the level, code, name and area of the current district.
      var districtCells = RenderedCells()
      var current = -1
      let first = outcomes.fixed.count
      for i in positions {
        let r = outcomes.rows[i - first]
        let d = Int(r.district)
        if d != current {
          current = d
          districtCells.removeAll()
          let district = districts[d]
          districtCells.add { cells in
            cells.appendCell(ReferralOutcome.Level.district.rawValue)
            cells.appendCell(district.code.rawValue)
            cells.appendCell(district.name)
            cells.appendCell(district.area ?? "")
          }
        }
        let o = source.districtFigures(r)
        let district = districtCells.entry(0)
        let category = categoryCells.entry(Int(r.category) + 1)
        var room = csv.rowRoom(district.count + 1 + category.count + figuresBound)
        room.put(district)
        room.putCell(category)
        appendFigures(o, to: &room)
        csv.commitRow(room)
      }
    }
  }
}
