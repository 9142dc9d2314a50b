extension CityLayout {
  /// Share of consultations whose sex, or age, the centre did not record.
  static let unknownSex = 0.02
  static let unknownAge = 0.04

  /// cases.csv (period, district_code, sex, age_group, category, consultations, referrals,
  /// exits), month by month, one row per non-empty cell. Each district's monthly count is
  /// Poisson around its need-driven, reach-scaled rate; each consultation then draws its
  /// category, sex and ten-year band from the district's population and the category's profile.
  /// Returns the number of consultations written.
  func writeCases(to out: BufferedFileWriter, months: [Period]) throws(SampleError) -> Int {
    try out.header(["period", "district_code", "sex", "age_group", "category", "consultations", "referrals", "exits"])
    let categories = SampleCategory.all
    let categoryCount = categories.count
    let sexSlots = 3  // male, female, unknown
    let ageSlots = 9  // eight ten-year bands, unknown
    var counts = [Int](repeating: 0, count: sexSlots * ageSlots * categoryCount * 3)
    var touched: [Int] = []
    var categoryCumulative = [Double](repeating: 0, count: categoryCount)
    var cellCumulative = [Double](repeating: 0, count: 16)
    var total = 0

    for (m, period) in months.enumerated() {
      let season = SampleCategory.season[(period.month ?? 1) - 1]
      let periodBytes = Array((period.description + ",").utf8)
      for d in districts.indices {
        let plan = districts[d]
        var rng = SampleRandom(seed, .cases, d, m)
        let n = rng.poisson(plan.monthlyConsultations * season)
        guard n > 0 else { continue }
        var running = 0.0
        for c in 0..<categoryCount {
          running += categoryRates[d * categoryCount + c]
          categoryCumulative[c] = running
        }
        for _ in 0..<n {
          let c = categoryCumulative.withUnsafeBufferPointer { rng.pick(cumulative: $0) }
          let category = categories[c]
          var cellRunning = 0.0
          for s in 0..<2 {
            let sexFactor = s == 0 ? category.male : category.female
            for k in 0..<8 {
              cellRunning += Double(casePopulation[d * 16 + s * 8 + k]) * category.ageProfile[k] * sexFactor
              cellCumulative[s * 8 + k] = cellRunning
            }
          }
          let cell = cellCumulative.withUnsafeBufferPointer { rng.pick(cumulative: $0) }
          let sex = rng.chance(Self.unknownSex) ? 2 : cell / 8
          let age = rng.chance(Self.unknownAge) ? 8 : cell % 8
          let referred = rng.chance(category.referral)
          let exitChance =
            c == SampleCategory.workIndex && plan.area == gapArea ? SampleCategory.workExitInGapArea : category.exit
          let exited = referred && rng.chance(exitChance)
          let slot = ((sex * ageSlots + age) * categoryCount + c) * 3
          if counts[slot] == 0 { touched.append(slot) }
          counts[slot] += 1
          if referred { counts[slot + 1] += 1 }
          if exited { counts[slot + 2] += 1 }
        }
        total += n
        touched.sort()
        let codeBytes = Array((code(d) + ",").utf8)
        for slot in touched {
          let c = (slot / 3) % categoryCount
          let age = (slot / 3 / categoryCount) % ageSlots
          let sex = slot / 3 / categoryCount / ageSlots
          try out.write(periodBytes)
          try out.write(codeBytes)
          try out.write(sex == 2 ? SampleBands.unknownBytes : SampleBands.sexBytes[sex])
          try out.comma()
          try out.write(age == 8 ? SampleBands.unknownBytes : SampleBands.tenYearBytes[age])
          try out.comma()
          try out.write(SampleCategory.nameBytes[c])
          try out.comma()
          try out.write(int: counts[slot])
          try out.comma()
          try out.write(int: counts[slot + 1])
          try out.comma()
          try out.write(int: counts[slot + 2])
          try out.endRow()
          counts[slot] = 0
          counts[slot + 1] = 0
          counts[slot + 2] = 0
        }
        touched.removeAll(keepingCapacity: true)
      }
    }
    return total
  }
}
