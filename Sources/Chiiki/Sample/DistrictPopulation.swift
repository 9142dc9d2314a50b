/// Draws a district's population by sex and five-year band, at the current period and one
/// year earlier, from the district's own random stream (so every file sees the same numbers).
enum DistrictPopulation {
  /// Cells per period: 2 sexes x 18 bands.
  static let cellsPerPeriod = 2 * SampleBands.count

  /// Index of a cell in the buffer: period 0 = previous, 1 = current.
  @inline(__always) static func index(period: Int, sex: Int, band: Int) -> Int {
    period * cellsPerPeriod + sex * SampleBands.count + band
  }

  /// Fills `cells` (resized to 2 x 36) for district `index` of `plan`.
  static func generate(_ plan: DistrictPlan, seed: UInt64, index: Int, into cells: inout [Int]) {
    if cells.count != 2 * cellsPerPeriod { cells = Array(repeating: 0, count: 2 * cellsPerPeriod) }
    var rng = SampleRandom(seed, .population, index)
    let tilt = plan.kind.ageTilt
    var shares = [Double](repeating: 0, count: SampleBands.count)
    var total = 0.0
    for b in 0..<SampleBands.count {
      var w = SampleRates.nationalPopulation[b] * tilt[b] * rng.logNormal(0.10)
      if b >= SampleBands.elderly { w *= plan.ageing }
      shares[b] = w
      total += w
    }
    for b in 0..<SampleBands.count {
      let bandPeople = plan.targetSize * shares[b] / total
      let maleShare = SampleRates.maleShare[b]
      for sex in 0..<2 {
        let expected = bandPeople * (sex == 0 ? maleShare : 1 - maleShare)
        let current = draw(expected, &rng)
        cells[Self.index(period: 1, sex: sex, band: b)] = current
        // A year earlier: slightly fewer elderly, slightly more children, some churn.
        let drift = b >= SampleBands.elderly ? 0.975 : (b < 3 ? 1.01 : 1.0)
        cells[Self.index(period: 0, sex: sex, band: b)] = draw(Double(current) * drift * rng.logNormal(0.03), &rng)
      }
    }
  }

  /// A count around `expected`: Poisson when small, a little normal noise when large.
  private static func draw(_ expected: Double, _ rng: inout SampleRandom) -> Int {
    if expected < 30 { return rng.poisson(expected) }
    return max(0, Int((expected * (1 + 0.02 * rng.normal())).rounded()))
  }
}
