import CLibCSV

extension ProposalEngine {
  /// Lookups built once per report, so that checking a rule for every district stays linear
  /// and cheap (a national run has hundreds of thousands of districts and tens of thousands of
  /// segments): what depends only on a district's area is worked out per area.
  ///
  /// An area slot is a district's area index + 1, or 0 for a district without an area. The
  /// lookups keyed by area text ("kind|area", "area|kind", "area|name") are made with the
  /// area's name in `DistrictTable.areas`; a district's own area text is that name (or text
  /// canonically equal to it, which String keys treat as the same key).
  struct Index {
    /// Positions in `analysis.segments` grouped by district, in segment order: district d's
    /// are `segmentOrder[segmentStart[d]..<segmentStart[d + 1]]`.
    private var segmentOrder: [Int] = []
    private var segmentStart: [Int] = []
    /// Per district, its area slot.
    private var slots: [Int32] = []
    /// Per area slot, the area text of the lookup keys ("" for none).
    private var slotNames: [String] = []
    /// "kind|area" of every resource (area "" for districts without one).
    var resourceKindAreas = Set<String>()
    /// Resource gaps flagged, keyed "area|kind".
    var gaps: [String: ResourceGap] = [:]
    /// Per area slot, the name of the area's low-exit outcome row over all categories (the
    /// first such row of the area; nil for slot 0 or none): all the low_exit_rate check reads.
    var lowExitNameOfArea: [String?] = []
    /// Per district, whether `lowExitNameOfDistrict` has its code, worked out once from the few
    /// codes there when every district code is ASCII and distinct (then a code equals a key
    /// exactly when their bytes do, and `DistrictTable.index(of:)` finds the one district);
    /// nil otherwise (each district is then looked up by its code). Saves the low_exit_rate
    /// check a `District` read and a string hash per district.
    var lowExitDistrictFlags: [Bool]? = nil
    /// The names of the districts' low-exit outcome rows over all categories, keyed by code
    /// (the first row per code); checked only when not empty, so that most runs make no key
    /// per district.
    var lowExitNameOfDistrict: [String: String] = [:]
    /// Per indicator id, its position in `ReportContext.indicators` (the first, should an id
    /// appear twice).
    var indicatorPosition: [IndicatorID: Int] = [:]
    /// Per indicator (in `ReportContext.indicators` order), each district's funnel label.
    var funnels: [[FunnelLabel]] = []

    init(_ c: ReportContext) {
      let districts = c.analysis.districts
      // Segments by district: a counting sort keeps their order within each district.
      // (By position: iterating the segments themselves copied each one, retains included.)
      let segments = c.analysis.segments
      segmentStart = Array(repeating: 0, count: districts.count + 1)
      for k in segments.indices { segmentStart[segments[k].district + 1] += 1 }
      for d in 0..<districts.count { segmentStart[d + 1] += segmentStart[d] }
      var next = segmentStart
      segmentOrder = Array(repeating: 0, count: segments.count)
      for k in segments.indices {
        let d = segments[k].district
        segmentOrder[next[d]] = k
        next[d] += 1
      }
      // 4 bytes each: read per district in rank order, a smaller table stays in cache.
      slots = districts.areaIndex.map { Int32(truncatingIfNeeded: ($0 ?? -1) + 1) }
      slotNames = [""] + districts.areas
      // The same keys as one per resource, made once per kind and area.
      // A resource whose kind has the same bytes as one already seen in its area slot gives
      // the same key again: skipped by comparing bytes, without decoding its kind.
      var seen = Set<KindArea>()
      var seenBytes = Array(repeating: [[UInt8]](), count: slotNames.count)
      for r in c.dataset.resources ?? [] {
        let slot = Int(slots[r.district])
        let known = r.withBytes(.kind) { kind in
          seenBytes[slot].contains { known in known.withUnsafeBufferPointer { ResourceDirectory.sameBytes($0, kind) } }
        }
        if known { continue }
        r.withBytes(.kind) { seenBytes[slot].append(Array($0)) }
        if seen.insert(KindArea(kind: r.kind, slot: slot)).inserted {
          resourceKindAreas.insert(r.kind + "|" + (districts.districts[r.district].area ?? ""))
        }
      }
      for (i, ind) in c.indicators.enumerated() where indicatorPosition[ind.summary.indicator] == nil {
        indicatorPosition[ind.summary.indicator] = i
      }
      funnels = c.indicators.map { $0.results.map(\.funnel) }
      for g in c.analysis.resources.gaps where g.isGap && gaps[g.area + "|" + g.kind] == nil { gaps[g.area + "|" + g.kind] = g }
      let outcomes = c.analysis.resources.outcomes
      var lowExitNameOfAreaKey: [String: String] = [:]
      for k in outcomes.positions(where: { $0.allCategories && ($0.exitFlag == .low95 || $0.exitFlag == .low998) }) {
        let o = outcomes[k]
        switch o.level {
        case .district: if lowExitNameOfDistrict[o.key] == nil { lowExitNameOfDistrict[o.key] = o.name }
        case .area: if lowExitNameOfAreaKey[o.key] == nil { lowExitNameOfAreaKey[o.key] = o.name }
        default: break
        }
      }
      lowExitNameOfArea = [nil] + districts.areas.map { lowExitNameOfAreaKey[$0] }
      if !lowExitNameOfDistrict.isEmpty, Index.codesAreDistinctASCII(districts) {
        var flags = [Bool](repeating: false, count: districts.count)
        for code in lowExitNameOfDistrict.keys { if let d = districts.index(of: code) { flags[d] = true } }
        lowExitDistrictFlags = flags
      }
    }

    /// Whether every district code is ASCII and no two are equal (the table is sorted by code
    /// bytes, so equal codes would be neighbours).
    static func codesAreDistinctASCII(_ districts: DistrictTable) -> Bool {
      guard districts.codesAreASCII else { return false }
      // By position (iterating the districts copied each one, its strings retained); two ASCII
      // codes are equal as strings exactly when their bytes are.
      let all = districts.districts
      for k in all.indices.dropFirst() where all[k - 1].code.rawValue == all[k].code.rawValue { return false }
      return true
    }

    /// The area slot of a district.
    func areaSlot(_ district: Int) -> Int { Int(slots[district]) }

    /// Asks the cache for what `check(prepared, district:)` reads of the district at random
    /// (its funnel label for need_high, its area slot otherwise): a hint, nothing changes.
    /// Districts are checked in rank order, a jump through these tables each time.
    @inline(__always)
    func prefetch(_ prepared: Prepared, district d: Int) {
      if prepared.indicator != nil {
        prepared.funnel.withUnsafeBufferPointer { if d < $0.count { chiiki_prefetch_for_write($0.baseAddress! + d) } }
      } else {
        slots.withUnsafeBufferPointer { if d < $0.count { chiiki_prefetch_for_write($0.baseAddress! + d) } }
      }
    }

    /// Positions in `analysis.segments` of a district's segments, in segment order.
    func segmentsOf(_ district: Int) -> ArraySlice<Int> {
      segmentOrder[segmentStart[district]..<segmentStart[district + 1]]
    }

    /// A rule's condition with its per-area answers worked out.
    struct Prepared {
      let condition: ProposalCondition
      /// need_high: the indicator's position in `ReportContext.indicators` (nil: no data).
      var indicator: Int? = nil
      /// need_high: each district's funnel label for that indicator (`Index.funnels[indicator]`,
      /// read from the prepared condition without retaining the inner array per district).
      var funnel: [FunnelLabel] = []
      /// no_resource: per area slot, whether a resource of the kind is there.
      var perArea: [Bool] = []
      /// resource_gap: per area slot, the flagged gap of the kind there.
      var gapPerArea: [ResourceGap?] = []
    }

    func prepare(_ condition: ProposalCondition, _ c: ReportContext) -> Prepared {
      var prepared = Prepared(condition: condition)
      switch condition {
      case .needHigh(let id):
        prepared.indicator = indicatorPosition[id]
        if let i = prepared.indicator { prepared.funnel = funnels[i] }
      case .noResource(let kind): prepared.perArea = slotNames.map { resourceKindAreas.contains(kind + "|" + $0) }
      case .resourceGap(let kind): prepared.gapPerArea = slotNames.map { gaps[$0 + "|" + kind] }
      default: break
      }
      return prepared
    }

    /// A resource kind in an area slot: districts of one area share its name, so one key per
    /// pair gives every "kind|area" there is.
    private struct KindArea: Hashable {
      var kind: String
      var slot: Int
    }
  }
}
