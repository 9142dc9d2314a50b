import CLibCSV

/// outreach_targets.csv: districts ranked for outreach, with the contract's columns first.
public enum OutreachTargetsWriter {
  static func header(_ analysis: Analysis) -> [String] {
    [
      "rank", "district_code", "district_name", "priority_score", "need_index", "observed_consultations",
      "expected_consultations", "missing_consultations", "consultation_ratio", "households", "leaflets", "reasons",
      "area", "consultation_ratio_low", "consultation_ratio_high", "reliability", "shrunk_missing", "low_data",
      "rank_previous_month", "missing_previous_month", "rank_previous_year", "missing_previous_year",
      "under_reached_3_months",
    ] + analysis.indicatorSummaries.map { "\($0.indicator)_smoothed_ratio" }
  }

  public static func render(_ analysis: Analysis, sink: OutputSink? = nil) -> CSVWriter {
    var csv = CSVWriter(header: header(analysis))
    csv.sink = sink
    let labels = Labels(analysis.configuration.language)
    // The reasons cell's words, made once (`Labels.reasons` without its strings).
    let reasons = ReasonsText(labels, configuration: analysis.configuration)
    let indicatorCount = analysis.indicatorResults.count
    let districtCells = districtCells(analysis)
    let (areaCells, areaOf) = areaCells(analysis.districts)
    var reasonBytes = ByteText(capacity: 512)
    let priorities = analysis.priorities
    // Rows come in rank order, their districts' entries scattered: the tables a row reads are
    // asked for ahead (the ends and area 2 x `ahead` rows before, the bytes `ahead` rows before).
    let ahead = 12
    for k in priorities.indices {
      if k &+ 2 &* ahead < priorities.count {
        let d = priorities[k &+ 2 &* ahead].district
        districtCells.prefetchEnds(3 &* d)
        areaOf.withUnsafeBufferPointer { chiiki_prefetch_for_write($0.baseAddress! + d) }
      }
      if k &+ ahead < priorities.count {
        let d = priorities[k &+ ahead].district
        districtCells.prefetchBytes(3 &* d, 3 &* d &+ 3)
      }
      let p = priorities[k]
      // The row in two reserved rooms (`CSVRowRoom`) around the reasons cell, which is checked
      // for quoting: the bytes of the cell methods.
      let code = districtCells.entry(3 * p.district), name = districtCells.entry(3 * p.district + 1)
      var room = csv.rowRoom(code.count + name.count + 2 + 2 * CSVRowRoom.intBytes + 6 * CSVRowRoom.fixedBytes(6))
      room.int(p.rank, first: true)
      room.putCell(code)
      room.fixed6(p.score)
      room.fixed6(p.needIndex)
      room.fixed0(p.reach.observed)
      room.fixed6(p.reach.expected)
      room.fixed6(p.reach.missing)
      room.fixed6(p.reach.ratio)
      room.putCell(name)
      room.int(p.leaflets)
      csv.commitCells(room)
      reasonBytes.removeAll()
      reasons.append(p.driverSet, to: &reasonBytes)
      reasonBytes.withUnsafeBufferPointer { csv.appendCell(utf8: $0) }
      let area = areaCells.entry(Int(areaOf[p.district]))
      let indicators = indicatorCount > 0 ? districtCells.entry(3 * p.district + 2) : UnsafeBufferPointer(start: nil, count: 0)
      room = csv.rowRoom(area.count + indicators.count + 4 + 6 * CSVRowRoom.fixedBytes(6) + 2 * CSVRowRoom.intBytes + 8 + 2)
      room.putCell(area)
      room.fixed6(p.reach.ratioInterval?.lower)
      room.fixed6(p.reach.ratioInterval?.upper)
      room.fixed6(p.reach.reliability)
      room.fixed6(p.reach.shrunkMissing)
      room.putCell(p.lowData ? "yes" : "no")
      if let previous = p.previousMonth { room.int(previous.rank) } else { room.comma() }
      room.fixed6(p.previousMonth?.missing)
      if let previous = p.previousYear { room.int(previous.rank) } else { room.comma() }
      room.fixed6(p.previousYear?.missing)
      room.putCell(p.underReachedThreeMonths ? "yes" : "no")
      if indicatorCount > 0 { room.putCell(indicators) }
      room.endRow()
      csv.commitRow(room)
    }
    return csv
  }

  /// What a row takes from its district, rendered once per district in district order, the
  /// district's entries side by side: entry 3d, its code and name cells; 3d + 1, its
  /// households cell; 3d + 2, its `*_smoothed_ratio` cells (empty where the indicator has no
  /// expected count). The area cell comes from `areaCells` (a few areas, not one entry per
  /// district: ~3.5 MB less at 220,000 districts, in the write's peak). Rows come in rank order: reading each
  /// row's `District` (its strings retained) and every indicator's `IndicatorResult` was a
  /// cache miss each; one district's entries share one or two cache lines.
  static func districtCells(_ analysis: Analysis) -> RenderedCells {
    let results = analysis.indicatorResults
    // Room for the most the cells can take (code and name at most quoted twice over, the
    // households and each ratio at their longest), so that the bytes are never moved to a
    // larger buffer (that copy was ~11 MB of fresh pages nationally); what is not written is
    // never touched, so it costs no memory.
    let all = analysis.districts.districts
    var textBytes = 0
    for d in all.indices { textBytes += 2 * (all[d].code.rawValue.utf8.count + all[d].name.utf8.count) + 8 }
    let perDistrict = CSVRowRoom.intBytes + results.count * CSVRowRoom.fixedBytes(6)
    let entries = max(3 * all.count, 1)
    var cells = RenderedCells(entries: entries, bytesEach: (textBytes + all.count * perDistrict + entries - 1) / entries)
    for (d, district) in analysis.districts.districts.enumerated() {
      cells.add(district.code.rawValue, district.name)
      cells.add { csv in if let households = district.households { csv.appendInt(households) } else { csv.appendCell("") } }
      cells.add { csv in
        for i in results.indices {
          let r: IndicatorResult? = d < results[i].count ? results[i][d] : nil
          csv.appendFixed(r.flatMap { $0.expected > 0 ? $0.smoothedRatio : nil }, 6)
        }
      }
    }
    return cells
  }

  /// The area cells, one entry per area of `districts.areas` and a last one for a district
  /// without an area (the empty cell), with each district's entry (4 bytes a district).
  static func areaCells(_ districts: DistrictTable) -> (cells: RenderedCells, areaOf: [UInt32]) {
    var cells = RenderedCells(entries: districts.areas.count + 1, bytesEach: 16)
    for area in districts.areas { cells.add(area) }
    cells.add("")
    let none = UInt32(districts.areas.count)
    let areaOf = districts.areaIndex.map { $0.map { UInt32($0) } ?? none }
    return (cells, areaOf)
  }
}
