/// indicators.csv: one row per district x indicator (districts by code, indicators by id).
public enum IndicatorsWriter {
  static let header = [
    "district_code", "indicator", "observed", "expected", "ratio", "ratio_low", "ratio_high", "crude_rate",
    "crude_low", "crude_high", "smoothed_ratio", "funnel", "district_name", "period", "denominator",
    "shrinkage_weight", "funnel_unadjusted", "excluded_cells", "previous_period", "previous_ratio",
    "change_ratio", "change_low", "change_high", "change_significant",
  ]

  /// The text cells that repeat, rendered once (`RenderedCells`) instead of checked for
  /// quoting and neutralising on every row: per indicator its id, period and previous period;
  /// the funnel labels; the change's yes/no. A district's code and name are rendered once for
  /// its indicators' rows.
  public static func render(_ analysis: Analysis, sink: OutputSink? = nil) -> CSVWriter {
    var csv = CSVWriter(header: header)
    csv.sink = sink
    let summaries = analysis.indicatorSummaries
    // Entries 3i, 3i + 1, 3i + 2: indicator i's id, period and previous period.
    var indicatorCells = RenderedCells()
    for s in summaries {
      indicatorCells.add(s.indicator.rawValue)
      indicatorCells.add(s.period.description)
      indicatorCells.add(s.previousPeriod?.description ?? "")
    }
    // Entry `label.slot`: the label; then "yes" and "no".
    var words = RenderedCells()
    for label in FunnelLabel.allCases { words.add(label.rawValue) }
    let yes = words.count, no = yes + 1
    words.add("yes")
    words.add("no")
    let wordsLongest = words.longestEntry
    // The most bytes a row's numbers take: 2 whole, 10 with 6 places, 3 with 8, one count.
    let numbersBound = 2 * CSVRowRoom.fixedBytes(0) + 10 * CSVRowRoom.fixedBytes(6) + 3 * CSVRowRoom.fixedBytes(8) + CSVRowRoom.intBytes
    // Entries 0 and 1: the code and the name of the current district.
    var districtCells = RenderedCells()
    for (d, district) in analysis.districts.districts.enumerated() {
      districtCells.removeAll()
      districtCells.add(district.code.rawValue)
      districtCells.add(district.name)
      for i in summaries.indices {
        let r = analysis.indicatorResults[i][d]
        let reported = r.expected > 0
        // Worked out from the trend store on each read: once per row.
        let change = r.change
        // The row in one reserved room (`CSVRowRoom`): the bytes of the cell methods.
        let code = districtCells.entry(0), name = districtCells.entry(1)
        let indicator = indicatorCells.entry(3 * i), period = indicatorCells.entry(3 * i + 1)
        let previousPeriod = indicatorCells.entry(3 * i + 2)
        let texts = code.count + name.count + indicator.count + period.count + previousPeriod.count + 5
        var room = csv.rowRoom(texts + numbersBound + 3 * (1 + wordsLongest) + 2)
        room.put(code)
        room.putCell(indicator)
        room.fixed0(r.observed)
        room.fixed6(r.expected)
        room.fixed6(r.ratio)
        room.fixed6(r.ratioInterval?.lower)
        room.fixed6(r.ratioInterval?.upper)
        room.fixed8(r.crudeRate)
        room.fixed8(r.crudeInterval?.lower)
        room.fixed8(r.crudeInterval?.upper)
        room.fixed6(reported ? r.smoothedRatio : nil)
        if reported { room.putCell(words.entry(r.funnel.slot)) } else { room.comma() }
        room.putCell(name)
        room.putCell(period)
        room.fixed0(r.denominator)
        room.fixed6(r.shrinkageWeight)
        if reported { room.putCell(words.entry(r.funnelUnadjusted.slot)) } else { room.comma() }
        room.int(r.excludedCells)
        room.putCell(previousPeriod)
        room.fixed6(r.previousRatio)
        room.fixed6(change?.rateRatio)
        room.fixed6(change?.interval.lower)
        room.fixed6(change?.interval.upper)
        if let change { room.putCell(words.entry(change.isSignificant ? yes : no)) } else { room.comma() }
        room.endRow()
        csv.commitRow(room)
      }
    }
    return csv
  }
}
