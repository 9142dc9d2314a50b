import Foundation
import Testing

@testable import Chiiki

/// SegmentEngine's district-by-district passes (SegmentModel, SegmentRanking) against the
/// implementation they replaced, which kept arrays over every segment: kept here, verbatim, as
/// the reference. Every row must be the same, bit for bit, for each need-index method and for
/// limits that take the heap path and the array fallback (more rows than positive scores).
@Suite struct SegmentStreamingTests {
  /// The SegmentEngine.run of before the streaming passes (commit 9acbd3d).
  enum ReferenceSegmentEngine {
    static func run(
      outputs: [SegmentEngine.Input], dataset: Dataset, banding: [AgeBand], configuration: Configuration, limit: Int
    ) -> SegmentEngine.Result {
      let n = dataset.districts.count
      let g = banding.count
      let units = n * 2 * g
      let statBands = dataset.statistics.bands
      let statToCommon = statBands.bands.map { AgeBanding.container(of: $0, in: banding) }
      let level = configuration.confidenceLevel

      // Per indicator, one at a time: O and E of every segment (bands summed in age order, so the
      // result does not depend on the order of input rows), the Empirical-Bayes prior of the
      // smoothed ratio (NaN = not applicable), the indicator's term of the need index and of each
      // group's need shares. Only the prior is kept: the rows of the best segments work their O,
      // E and smoothed ratio out again, by the same sums.
      let configs = outputs.map(\.config)
      let weights = configs.map(\.weight)
      var needAcc = NeedIndex.Accumulator(units: units, method: configuration.composite)
      // ReachEngine.needShares within each sex x age group, summed over the indicators in order.
      var shareSum = [Double](repeating: 0, count: units)
      var shareWeight = [Double](repeating: 0, count: 2 * g)
      var priors: [EmpiricalBayes.Prior?] = []
      priors.reserveCapacity(outputs.count)
      let sortedBands = statBands.sortedIndices
      let groups = 2 * g
      for (i, output) in outputs.enumerated() {
        var o = [Double](repeating: 0, count: units)
        var e = [Double](repeating: 0, count: units)
        let grid = output.grid
        // The cells that count, in the order of the sums: bands in age order, then sex.
        var cells: [(base: Int, group: Int, rate: Double)] = []
        for b in sortedBands where grid.hasBand(b) {
          guard let k = statToCommon[b] else { continue }
          for sex in Sex.allCases {
            guard let rate = output.rates[b * 2 + sex.rawValue] else { continue }
            cells.append((grid.offset(district: 0, sex: sex, band: b), sex.rawValue * g + k, rate))
          }
        }
        // District by district, so that a district's segments are written side by side; each
        // segment still takes its cells in the order above. Ranges of districts on all cores.
        let cellList = cells
        // Plain values (the grid stores 16-bit codes with an overflow table).
        let numeratorValues = grid.numeratorValues()
        let denominatorValues = grid.denominatorValues()
        o.withUnsafeMutableBufferPointer { oBuffer in
          e.withUnsafeMutableBufferPointer { eBuffer in
            guard let oBase = oBuffer.baseAddress, let eBase = eBuffer.baseAddress else { return }
            let oOut = SegmentEngine.DisjointWrites(base: oBase)
            let eOut = SegmentEngine.DisjointWrites(base: eBase)
            SegmentEngine.forEachRange(n) { districts in
              numeratorValues.withUnsafeBufferPointer { num in
                denominatorValues.withUnsafeBufferPointer { den in
                  for d in districts {
                    let row = d * groups
                    for cell in cellList {
                      let x = num[cell.base + d]
                      let y = den[cell.base + d]
                      guard CellMark.isCount(x), CellMark.isCount(y) else { continue }
                      oOut.base[row + cell.group] += Double(x)
                      eOut.base[row + cell.group] += Double(y) * cell.rate
                    }
                  }
                }
              }
            }
          }
        }
        let prior = EmpiricalBayes.poissonGammaPrior(observed: o, expected: e)
        priors.append(prior)
        do {
          // Each segment's smoothed ratio, on all cores.
          var smoothed = [Double](repeating: .nan, count: units)
          if let prior {
            let observed = o
            let expected = e
            smoothed.withUnsafeMutableBufferPointer { buffer in
              guard let base = buffer.baseAddress else { return }
              let out = SegmentEngine.DisjointWrites(base: base)
              SegmentEngine.forEachRange(units) { range in
                for u in range where expected[u] > 0 { out.base[u] = prior.smoothed(observed: observed[u], expected: expected[u]) }
              }
            }
          }
          e = []
          needAcc.add(config: configs[i], values: smoothed)
        }
        let w = weights[i]
        // Each group's total over districts (in district order), then each segment's share of it.
        let all = SegmentEngine.groupTotals(o, groups: groups, districts: n)
        let shared = (0..<groups).map { all[$0] > 0 && w > 0 }
        for j in 0..<groups where shared[j] { shareWeight[j] += w }
        let observed = o
        shareSum.withUnsafeMutableBufferPointer { buffer in
          guard let base = buffer.baseAddress else { return }
          let out = SegmentEngine.DisjointWrites(base: base)
          SegmentEngine.forEachRange(n, minimumChunk: 4096) { districts in
            for d in districts {
              let row = d * groups
              for j in 0..<groups where shared[j] { out.base[row + j] += w * observed[row + j] / all[j] }
            }
          }
        }
      }
      let need = needAcc.finish()

      // Consultations of known sex and age, moved onto the common banding (case bands in order).
      var observed = [Double](repeating: 0, count: units)
      var caseCells: [(base: Int, group: Int)] = []
      for (cb, k) in dataset.cases.bands.bands.map({ AgeBanding.container(of: $0, in: banding) }).enumerated() {
        guard let k else { continue }
        for s in 0..<2 { caseCells.append(((cb * 3 + s) * n, s * g + k)) }
      }
      dataset.cases.windowBySegment.withUnsafeBufferPointer { window in
        observed.withUnsafeMutableBufferPointer { observed in
          for d in 0..<n {
            let row = d * groups
            for cell in caseCells { observed[row + cell.group] += Double(window[cell.base + d]) }
          }
        }
      }
      // Expected consultations within each sex x age group.
      var expected = shareSum
      shareSum = []
      let groupTotal = SegmentEngine.groupTotals(observed, groups: groups, districts: n)
      let even = n > 0 ? 1 / Double(n) : 0
      expected.withUnsafeMutableBufferPointer { expected in
        for d in 0..<n {
          let row = d * groups
          for j in 0..<groups {
            let totalWeight = shareWeight[j]
            if totalWeight > 0 {
              expected[row + j] = expected[row + j] / totalWeight * groupTotal[j]
            } else {
              expected[row + j] = even * groupTotal[j]
            }
          }
        }
      }
      let reachPrior = EmpiricalBayes.poissonGammaPrior(observed: observed, expected: expected)
      // Every unit's score, on all cores.
      var scores = [Double](repeating: 0, count: units)
      do {
        let observed = observed
        let expected = expected
        scores.withUnsafeMutableBufferPointer { buffer in
          guard let base = buffer.baseAddress else { return }
          let out = SegmentEngine.DisjointWrites(base: base)
          SegmentEngine.forEachRange(units) { range in
            for u in range {
              let reliability = expected[u] > 0 ? (reachPrior?.weight(observed: observed[u], expected: expected[u]) ?? 0) : 0
              let reach = Reach(observed: observed[u], expected: expected[u], ratioInterval: nil, reliability: reliability)
              out.base[u] = PriorityRanking.score(needIndex: need[u], reach: reach)
            }
          }
        }
      }
      let order = SegmentEngine.topOrder(scores: scores, need: need, expected: expected, limit: limit)

      // O and E of one indicator for one segment: the sums of the first pass, term for term.
      @Sendable func indicatorCounts(_ i: Int, d: Int, s: Int, k: Int) -> (o: Double, e: Double) {
        let output = outputs[i]
        let grid = output.grid
        let sex: Sex = s == 0 ? .male : .female
        var o = 0.0
        var e = 0.0
        for b in sortedBands where grid.hasBand(b) && statToCommon[b] == k {
          guard let rate = output.rates[b * 2 + s] else { continue }
          let off = grid.offset(district: d, sex: sex, band: b)
          let x = grid.numerator(at: off)
          let y = grid.denominator(at: off)
          guard CellMark.isCount(x), CellMark.isCount(y) else { continue }
          o += Double(x)
          e += Double(y) * rate
        }
        return (o, e)
      }

      let population = dataset.population
      let populationPeriod = population.flatMap { $0.latestPeriod(notAfter: dataset.runPeriod) ?? $0.grids.keys.min() }
      // Rows are worked out in unit order (memory order of every array and grid read here), in
      // ranges on all cores, each put in its rank's place: the same rows as one by one in rank
      // order, read with far fewer cache misses. Each range keeps its own memo of exact intervals.
      let byUnit = order.indices.sorted(by: { order[$0] < order[$1] })
      let rowChunks = max(1, min(8, byUnit.count / 4096))
      let rowChunkSize = (byUnit.count + rowChunks - 1) / max(1, rowChunks)
      let finalObserved = observed
      let finalExpected = expected
      let finalScores = scores
      let finalPriors = priors
      let built = ParallelMap.map(rowChunks) { c -> [(rank: Int, row: SegmentPriority)] in
        var poissonIntervals = ExactPoissonIntervals(level: level)
        var out: [(rank: Int, row: SegmentPriority)] = []
        for rank in byUnit[min(byUnit.count, c * rowChunkSize)..<min(byUnit.count, (c + 1) * rowChunkSize)] {
          let u = order[rank]
          let d = u / (2 * g)
          let s = (u / g) % 2
          let k = u % g
          let sex: Sex = s == 0 ? .male : .female
          let observedU = finalObserved[u]
          let expectedU = finalExpected[u]
          var interval: Interval? = nil
          if expectedU > 0 {
            let ci = poissonIntervals.memoised(count: observedU)
            interval = Interval(lower: ci.lower / expectedU, upper: ci.upper / expectedU)
          }
          let reliability = expectedU > 0 ? (reachPrior?.weight(observed: observedU, expected: expectedU) ?? 0) : 0
          let r = Reach(observed: observedU, expected: expectedU, ratioInterval: interval, reliability: reliability)
          let evidence = configs.indices.compactMap { i -> IndicatorEvidence? in
            let (o, e) = indicatorCounts(i, d: d, s: s, k: k)
            guard e > 0 else { return nil }
            let smoothed = finalPriors[i]?.smoothed(observed: o, expected: e) ?? .nan
            let ci = poissonIntervals.memoised(count: o)
            return IndicatorEvidence(
              config: configs[i], smoothed: smoothed, ratio: o / e,
              interval: Interval(lower: ci.lower / e, upper: ci.upper / e))
          }
          let people = population.flatMap { pop in
            populationPeriod.flatMap { pop.population(period: $0, district: d, sex: sex, band: banding[k]).map(Double.init) }
          }
          out.append((rank, SegmentPriority(
            district: d, sex: sex, band: banding[k], rank: rank + 1, score: finalScores[u], needIndex: need[u], reach: r,
            population: people, drivers: PriorityRanking.drivers(indicatorRatios: evidence, reach: r, lowData: false))))
        }
        return out
      }
      var rows = [SegmentPriority?](repeating: nil, count: order.count)
      for chunk in built {
        for (rank, row) in chunk { rows[rank] = row }
      }
      return SegmentEngine.Result(segments: rows.map { $0! }, total: units)
    }
  }

  /// What the Analyzer gives segments: each indicator's prepared rates and grid.
  /// The segment model of a generated city (loaded with the default configuration), and its dataset.
  static func model(districts: Int, seed: UInt64) throws -> (SegmentModel, Dataset) {
    let city = try GeneratedCity(CityGenerator.Options(districts: districts, areas: 3, seed: seed, caseMonths: 24))
    defer { city.remove() }
    let options = LoadOptions(dataDirectory: city.directory)
    let dataset = try DatasetLoader.load(options)
    let inputs = SegmentStreamingTests.inputs(dataset, options.configuration)
    let statBands = Set(inputs.flatMap { o in (0..<o.grid.bandCount).map { dataset.statistics.bands.bands[$0] } })
    let banding = try #require(AgeBanding.commonBanding(Array(statBands), dataset.cases.bands.bands))
    return (SegmentModel(inputs: inputs, dataset: dataset, banding: banding), dataset)
  }

  static func inputs(_ dataset: Dataset, _ configuration: Configuration) -> [SegmentEngine.Input] {
    dataset.statistics.indicators.compactMap {
      IndicatorEngine.prepare(indicator: $0, dataset: dataset, configuration: configuration)
    }.map { SegmentEngine.Input(config: $0.config, rates: $0.rates, grid: $0.grid) }
  }

  static func rows(_ result: SegmentEngine.Result) -> [String] {
    result.segments.map { s in
      "\(s.district) \(s.sex) \(s.band) \(s.rank) \(s.score.bitPattern) \(s.needIndex.bitPattern) "
        + "\(s.reach.observed.bitPattern) \(s.reach.expected.bitPattern) \(s.reach.reliability.bitPattern) "
        + "\(String(reflecting: s.reach.ratioInterval)) \(String(reflecting: s.population)) \(String(reflecting: s.drivers))"
    }
  }

  /// With every segment ranked (limit units + 5) there are two ranges of rows (one per 4,096
  /// rows), each written straight into its ranks' places (`ParallelMap.scatter`): the rows must
  /// still be the reference's, which assembles them from per-range arrays.
  @Test(arguments: [CompositeMethod.geometricMean, .percentileRank, .exponentialRank])
  func streamedSegmentsMatchTheArrayImplementation(method: CompositeMethod) throws {
    let city = try GeneratedCity(CityGenerator.Options(districts: 460, areas: 3, seed: 5, caseMonths: 24))
    defer { city.remove() }
    var options = LoadOptions(dataDirectory: city.directory)
    options.configuration.composite = method
    let configuration = options.configuration
    let dataset = try DatasetLoader.load(options)
    let outputs = Self.inputs(dataset, configuration)
    let statBands = Set(outputs.flatMap { o in (0..<o.grid.bandCount).map { dataset.statistics.bands.bands[$0] } })
    let banding = try #require(AgeBanding.commonBanding(Array(statBands), dataset.cases.bands.bands))
    let units = dataset.districts.count * 2 * banding.count
    #expect(units >= 2 * 4096)
    for limit in [0, 1, 37, 1000, units + 5] {
      let streamed = SegmentEngine.run(inputs: outputs, dataset: dataset, banding: banding, configuration: configuration, limit: limit)
      let reference = ReferenceSegmentEngine.run(outputs: outputs, dataset: dataset, banding: banding, configuration: configuration, limit: limit)
      #expect(streamed.total == reference.total)
      #expect(streamed.segments.count == min(limit, units))
      #expect(Self.rows(streamed) == Self.rows(reference), "limit \(limit)")
    }
  }
}

/// The consultation prior's last pass runs in blocks of districts on all cores and is summed on
/// one thread: whatever the block size, the fit must be bit for bit the one of a single block
/// summed by one thread (block = every district, the former sequential pass).
@Suite struct SegmentFitBlockTests {
  @Test func blockSizeDoesNotChangeTheFit() throws {
    let (model, dataset) = try SegmentStreamingTests.model(districts: 240, seed: 11)
    func describe(_ fit: SegmentModel.Fit) -> String {
      String(reflecting: (
        fit.priors.map { $0.map { ($0.mean.bitPattern, $0.variance.bitPattern) } },
        fit.reachPrior.map { ($0.mean.bitPattern, $0.variance.bitPattern) }))
    }
    let whole = describe(model.fit(block: dataset.districts.count))
    #expect(model.fit().reachPrior != nil)
    for block in [1, 2, 7, 64, 239] {
      #expect(describe(model.fit(block: block)) == whole, "block \(block)")
    }
    #expect(describe(model.fit()) == whole)
  }
}
