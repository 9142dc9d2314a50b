extension CityLayout {
  /// population.csv (period, district_code, sex, age_group, population) and statistics.csv
  /// (period, district_code, sex, age_group, indicator, numerator, denominator), period by period:
  /// a year before the current period (unless `includePrevious` is false), then the current one.
  ///
  /// statistics.csv holds `unemployment` for ages 15+ with the labour force as denominator,
  /// `welfare` for all ages and `ltc` for 65+ with the denominator left empty (it is filled from
  /// population.csv). Cells whose denominator would be 0 are left out. A few e-Stat markers
  /// appear: `X` for unemployment cells of tiny districts with a labour force under 3, `-` for zeros in e-Stat style
  /// districts.
  func writePopulationAndStatistics(
    population: BufferedFileWriter, statistics: BufferedFileWriter, periods: (previous: Period, current: Period),
    includePrevious: Bool
  ) throws(SampleError) {
    try population.header(["period", "district_code", "sex", "age_group", "population"])
    try statistics.header(["period", "district_code", "sex", "age_group", "indicator", "numerator", "denominator"])
    let unemployment = Array(",unemployment,".utf8)
    let welfare = Array(",welfare,".utf8)
    let ltc = Array(",ltc,".utf8)
    var cells: [Int] = []
    // p = 0 is the previous year, 1 the current one; each has its own random streams, so the
    // current year's numbers do not depend on whether the previous year is written.
    for (p, period) in [(0, periods.previous), (1, periods.current)] where p == 1 || includePrevious {
      let periodBytes = Array((period.description + ",").utf8)
      for d in districts.indices {
        let plan = districts[d]
        DistrictPopulation.generate(plan, seed: seed, index: d, into: &cells)
        var rng = SampleRandom(seed, .statistics, d, p)
        let need = p == 1 ? plan.need : plan.previousNeed
        // Row prefix: "period,code,"
        let prefix = periodBytes + Array((code(d) + ",").utf8)

        for sex in 0..<2 {
          for b in 0..<SampleBands.count {
            try population.write(prefix)
            try population.write(SampleBands.sexBytes[sex])
            try population.comma()
            try population.write(SampleBands.fiveYearBytes[b])
            try population.comma()
            try population.write(int: cells[DistrictPopulation.index(period: p, sex: sex, band: b)])
            try population.endRow()
          }
        }

        func row(_ sex: Int, _ b: Int, _ indicator: [UInt8], _ numerator: Int, _ denominator: Int?, suppressed: Bool)
          throws(SampleError)
        {
          try statistics.write(prefix)
          try statistics.write(SampleBands.sexBytes[sex])
          try statistics.comma()
          try statistics.write(SampleBands.fiveYearBytes[b])
          try statistics.write(indicator)
          if suppressed {
            try statistics.write(byte: UInt8(ascii: "X"))
          } else if numerator == 0 && plan.estatStyle {
            try statistics.write(byte: UInt8(ascii: "-"))
          } else {
            try statistics.write(int: numerator)
          }
          try statistics.comma()
          if let denominator { try statistics.write(int: denominator) }
          try statistics.endRow()
        }

        for sex in 0..<2 {
          for b in SampleBands.working..<SampleBands.count {
            let people = cells[DistrictPopulation.index(period: p, sex: sex, band: b)]
            let labour = rng.binomial(people, min(1, SampleRates.participation(sex: sex, band: b) * plan.participation))
            let unemployed = rng.binomial(
              labour, SampleRates.scaled(SampleRates.unemploymentRate(sex: sex, band: b), need.x))
            guard labour > 0 else { continue }
            try row(sex, b, unemployment, unemployed, labour, suppressed: plan.tiny && labour < 3)
          }
        }
        for sex in 0..<2 {
          for b in 0..<SampleBands.count {
            let people = cells[DistrictPopulation.index(period: p, sex: sex, band: b)]
            let assisted = rng.binomial(people, SampleRates.scaled(SampleRates.welfareRate(sex: sex, band: b), need.y))
            guard people > 0 else { continue }
            try row(sex, b, welfare, assisted, nil, suppressed: false)
          }
        }
        for sex in 0..<2 {
          for b in SampleBands.elderly..<SampleBands.count {
            let people = cells[DistrictPopulation.index(period: p, sex: sex, band: b)]
            let certified = rng.binomial(people, SampleRates.scaled(SampleRates.ltcRate(sex: sex, band: b), need.z))
            guard people > 0 else { continue }
            try row(sex, b, ltc, certified, nil, suppressed: false)
          }
        }
      }
    }
  }
}
