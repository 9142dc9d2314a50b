import Foundation

/// The planted structure of a fictional city: towns and districts, areas, kinds, sizes, needs
/// and the centre's reach. Built once by `CityGenerator.init`; every file is written from it.
struct CityLayout: Sendable {
  let seed: UInt64
  /// Town names by town index.
  let towns: [String]
  /// Area (日常生活圏域) names by area index.
  let areas: [String]
  private(set) var districts: [DistrictPlan]
  /// Digits of the town part of district codes (4 for ordinary cities; more at national scale).
  let townDigits: Int
  /// Index of the area with the highest true unemployment need (the planted resource gap).
  private(set) var gapArea = 0
  /// Expected consultations per month by district x category (n x 7, before seasonality).
  private(set) var categoryRates: [Double] = []
  /// Population per district x sex x ten-year case band at the current period (n x 16).
  private(set) var casePopulation: [Int32] = []

  init(options: CityGenerator.Options) {
    seed = options.seed
    var rng = SampleRandom(options.seed, .layout)
    areas = CityLayout.areaNames(options.areas)
    let n = options.districts

    // Area-level character: one area carries markedly more unemployment.
    let hotArea = rng.int(options.areas)
    var areaUnemployment = [Double](repeating: 1, count: options.areas)
    var areaWelfare = [Double](repeating: 1, count: options.areas)
    for a in 0..<options.areas {
      areaUnemployment[a] = rng.logNormal(0.06) * (a == hotArea ? 1.3 : 1)
      areaWelfare[a] = rng.logNormal(0.08) * (a == hotArea ? 1.1 : 1)
    }

    // Towns, each with its 丁目, laid out area by area.
    var order = Array(TownNames.base.indices)
    rng.shuffle(&order)
    var towns: [String] = []
    var plans: [DistrictPlan] = []
    plans.reserveCapacity(n)
    while plans.count < n {
      let t = towns.count
      let area = min(options.areas - 1, plans.count * options.areas / n)
      let kind = CityLayout.drawKind(area: area, &rng)
      let chomes = CityLayout.drawChomeCount(kind, &rng)
      towns.append(TownNames.variant(TownNames.base[order[t % order.count]], round: t / order.count))
      for c in 0..<min(max(chomes, 1), n - plans.count) {
        plans.append(CityLayout.drawDistrict(
          index: plans.count, town: t, chome: chomes == 0 ? 0 : c + 1, area: area, kind: kind, seed: options.seed,
          areaNeed: SIMD3(areaUnemployment[area], areaWelfare[area], 1)))
      }
    }
    self.towns = towns
    var digits = 4
    while towns.count >= CityLayout.power10(digits) { digits += 1 }
    townDigits = digits
    districts = plans

    plantSizesAndHotSpots(&rng)
    fillFromPopulation()
    plantReach(&rng)
    findGapArea()
    computeCaseRates(per100k: options.consultationsPer100k)
  }

  // MARK: - Names

  static func areaNames(_ k: Int) -> [String] {
    let names = ["北部圏域", "中部圏域", "南部圏域", "東部圏域", "西部圏域"]
    switch k {
    case 1: return ["市内全域"]
    case 2: return ["北部圏域", "南部圏域"]
    case 3...5: return Array(names.prefix(k))
    default: return (1...k).map { "第" + String($0) + "圏域" }
    }
  }

  /// The district code: town number then 丁目 number (00 when none), zero-padded, as 町丁字コード.
  func code(_ d: Int) -> String {
    let plan = districts[d]
    return CityLayout.padded(plan.town + 1, townDigits) + CityLayout.padded(plan.chome, 2)
  }

  func name(_ d: Int) -> String {
    TownNames.districtName(town: towns[districts[d].town], chome: districts[d].chome)
  }

  static func padded(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }

  static func power10(_ k: Int) -> Int { (0..<k).reduce(1) { acc, _ in acc * 10 } }

  // MARK: - Drawing districts

  /// Kind mixes by area character (北部: rural and 団地, 中部: centre and old town, 南部: suburbs…).
  private static let areaMixes: [[(DistrictKind, Double)]] = [
    [(.rural, 0.35), (.publicHousing, 0.25), (.oldTown, 0.2), (.suburb, 0.2)],
    [(.centre, 0.45), (.oldTown, 0.35), (.publicHousing, 0.1), (.suburb, 0.1)],
    [(.suburb, 0.55), (.oldTown, 0.15), (.publicHousing, 0.15), (.rural, 0.15)],
    [(.oldTown, 0.35), (.publicHousing, 0.3), (.suburb, 0.25), (.centre, 0.1)],
    [(.suburb, 0.4), (.rural, 0.35), (.oldTown, 0.25)],
  ]

  private static func drawKind(area: Int, _ rng: inout SampleRandom) -> DistrictKind {
    let mix = areaMixes[area % areaMixes.count]
    var u = rng.uniform()
    for (kind, p) in mix {
      if u < p { return kind }
      u -= p
    }
    return mix[mix.count - 1].0
  }

  /// How many 丁目 a town has (0 = none, as in 桜台).
  private static func drawChomeCount(_ kind: DistrictKind, _ rng: inout SampleRandom) -> Int {
    switch kind {
    case .rural: return rng.chance(0.75) ? 0 : 1 + rng.int(3)
    case .suburb: return rng.chance(0.15) ? 0 : 1 + rng.int(5)
    case .oldTown: return rng.chance(0.2) ? 0 : 1 + rng.int(4)
    case .centre: return 1 + rng.int(4)
    case .publicHousing: return 1 + rng.int(3)
    }
  }

  private static func drawDistrict(
    index: Int, town: Int, chome: Int, area: Int, kind: DistrictKind, seed: UInt64, areaNeed: SIMD3<Double>
  ) -> DistrictPlan {
    var rng = SampleRandom(seed, .district, index)
    let size = min(9_000, max(400, kind.typicalSize * rng.logNormal(0.45)))
    let deprivation = rng.normal()
    let tilt = kind.needTilt
    let need = SIMD3(
      tilt.unemployment * areaNeed.x * rng.logNormal(0.12) * exp(0.15 * deprivation),
      tilt.welfare * areaNeed.y * rng.logNormal(0.18) * exp(0.30 * deprivation),
      tilt.ltc * rng.logNormal(0.07) * exp(0.05 * deprivation))
    let previous = SIMD3(need.x * rng.logNormal(0.04), need.y * rng.logNormal(0.04), need.z * rng.logNormal(0.03))
    return DistrictPlan(
      town: town, chome: chome, area: area, kind: kind, targetSize: size, need: need, previousNeed: previous,
      participation: rng.logNormal(0.04), ageing: rng.logNormal(0.12))
  }

  /// Plants a few tiny and a couple of large districts, high-need hot spots, districts whose
  /// need rose this year, and e-Stat style districts.
  private mutating func plantSizesAndHotSpots(_ rng: inout SampleRandom) {
    let n = districts.count
    guard n >= 10 else { return }
    var order = Array(0..<n)
    rng.shuffle(&order)
    var cursor = 0
    func take(_ count: Int, where ok: (DistrictPlan) -> Bool) -> [Int] {
      var chosen: [Int] = []
      var scanned = 0
      while chosen.count < count && scanned < n {
        let d = order[cursor % n]
        cursor += 1
        scanned += 1
        if ok(districts[d]) { chosen.append(d) }
      }
      return chosen
    }
    for d in take(max(1, n * 3 / 100), where: { _ in true }) {
      districts[d].targetSize = rng.uniform(120, 300)
      districts[d].tiny = true
    }
    for d in take(max(2, n * 2 / 100), where: { $0.kind != .rural && !$0.tiny }) {
      districts[d].targetSize = rng.uniform(8_000, 14_000)
    }
    // Hot spots where deprivation concentrates (not in suburbs or farmland).
    for d in take(max(2, n * 4 / 100), where: { !$0.tiny && $0.kind != .rural && $0.kind != .suburb }) {
      districts[d].need.x *= 1.5
      districts[d].need.y *= 1.8
      districts[d].previousNeed.x *= 1.5
      districts[d].previousNeed.y *= 1.8
      districts[d].highNeed = true
    }
    for d in take(max(2, n * 5 / 100), where: { !$0.tiny }) {
      // Need rose by about 30% over the year.
      if rng.chance(0.5) {
        districts[d].previousNeed.x = districts[d].need.x / 1.3
      } else {
        districts[d].previousNeed.y = districts[d].need.y / 1.3
      }
    }
    for d in take(max(1, n / 100), where: { $0.targetSize >= 1_500 }) {
      districts[d].estatStyle = true
    }
  }

  /// Draws each district's population once to fix totals, households and expected counts.
  private mutating func fillFromPopulation() {
    var cells: [Int] = []
    casePopulation = [Int32](repeating: 0, count: districts.count * 16)
    for d in districts.indices {
      DistrictPopulation.generate(districts[d], seed: seed, index: d, into: &cells)
      var plan = districts[d]
      var total = 0
      var expected = SIMD3<Double>.zero
      var baseline = SIMD3<Double>.zero
      for sex in 0..<2 {
        for b in 0..<SampleBands.count {
          let people = cells[DistrictPopulation.index(period: 1, sex: sex, band: b)]
          total += people
          let p = Double(people)
          let labour = p * min(1, SampleRates.participation(sex: sex, band: b) * plan.participation)
          let u = SampleRates.unemploymentRate(sex: sex, band: b)
          let w = SampleRates.welfareRate(sex: sex, band: b)
          let l = SampleRates.ltcRate(sex: sex, band: b)
          baseline += SIMD3(labour * u, p * w, p * l)
          expected += SIMD3(
            labour * SampleRates.scaled(u, plan.need.x), p * SampleRates.scaled(w, plan.need.y),
            p * SampleRates.scaled(l, plan.need.z))
          if b >= 2 {
            let k = min(7, (b - 2) / 2)
            casePopulation[d * 16 + sex * 8 + k] += Int32(people)
          }
        }
      }
      plan.population = total
      plan.households = Int((Double(total) / plan.kind.householdSize).rounded())
      plan.expected = expected
      plan.baseline = baseline
      districts[d] = plan
    }
  }

  /// Plants the centre's reach: most districts about 1, several well under-reached (chosen
  /// half among the neediest), a few over-reached.
  private mutating func plantReach(_ rng: inout SampleRandom) {
    let n = districts.count
    for d in 0..<n {
      var r = SampleRandom(seed, .district, d, 1)
      districts[d].reach = min(1.3, max(0.75, r.logNormal(0.12)))
    }
    let underCount = n >= 10 ? max(5, n * 15 / 100) : n / 3
    let overCount = n >= 10 ? max(2, n * 5 / 100) : 0
    // Large enough that a year of consultations can show the shortfall.
    var candidates = (0..<n).filter { districts[$0].population >= 2_000 && !districts[$0].tiny }
    if candidates.count < underCount + overCount {
      candidates = (0..<n).filter { !districts[$0].tiny }
    }
    if candidates.count < underCount + overCount { candidates = Array(0..<n) }
    func score(_ d: Int) -> Double {
      let p = districts[d]
      return (p.expected / pointwiseMax(p.baseline, SIMD3(repeating: 1e-9))).sum()
    }
    let ranked = candidates.sorted { score($0) != score($1) ? score($0) > score($1) : $0 < $1 }
    let topCount = max((underCount + 1) / 2, ranked.count * 3 / 10)
    var top = Array(ranked.prefix(topCount))
    var rest = Array(ranked.dropFirst(topCount))
    rng.shuffle(&top)
    rng.shuffle(&rest)
    let fromTop = min((underCount + 1) / 2, top.count)
    var pool = Array(top.dropFirst(fromTop)) + rest
    rng.shuffle(&pool)
    let under = Array(top.prefix(fromTop)) + Array(pool.prefix(underCount - fromTop))
    for d in under {
      districts[d].reach = rng.uniform(0.3, 0.5)
      districts[d].reachClass = .under
    }
    for d in pool.dropFirst(underCount - fromTop).prefix(overCount) {
      districts[d].reach = rng.uniform(1.5, 2.0)
      districts[d].reachClass = .over
    }
  }

  /// The area whose pooled unemployment is highest against the national rates.
  private mutating func findGapArea() {
    var observed = [Double](repeating: 0, count: areas.count)
    var base = [Double](repeating: 0, count: areas.count)
    for p in districts {
      observed[p.area] += p.expected.x
      base[p.area] += p.baseline.x
    }
    var best = 0
    for a in areas.indices where base[a] > 0 {
      if base[best] == 0 || observed[a] / base[a] > observed[best] / base[best] { best = a }
    }
    gapArea = best
  }

  /// Expected monthly consultations by district and category: the city's volume (per 100,000
  /// a month) split by each category's driving need, times the district's reach.
  private mutating func computeCaseRates(per100k: Double) {
    let categories = SampleCategory.all
    var totals = SIMD3<Double>.zero
    var people = 0.0
    for p in districts {
      totals += p.expected
      people += Double(p.population)
    }
    let volume = per100k / 100_000 * people
    categoryRates = [Double](repeating: 0, count: districts.count * categories.count)
    var raw = 0.0
    for (d, p) in districts.enumerated() {
      for (c, category) in categories.enumerated() {
        var share = 0.0
        for i in 0..<3 where totals[i] > 0 { share += category.drivers[i] * p.expected[i] / totals[i] }
        let value = category.share * share * p.reach
        categoryRates[d * categories.count + c] = value
        raw += value
      }
    }
    let scale = raw > 0 ? volume / raw : 0
    for i in categoryRates.indices { categoryRates[i] *= scale }
    for d in districts.indices {
      var sum = 0.0
      for c in categories.indices { sum += categoryRates[d * categories.count + c] }
      districts[d].monthlyConsultations = sum
    }
  }

  // MARK: - Periods

  /// The census-like statistics periods: the latest April not after `end`, and a year earlier
  /// (住民基本台帳 figures are as of 1 April).
  static func statisticsPeriods(end: Period) -> (previous: Period, current: Period) {
    let year = (end.month ?? 12) >= 4 ? end.year : end.year - 1
    return (Period(year: year - 1, month: 4), Period(year: year, month: 4))
  }
}

extension DistrictKind {
  /// Persons per household, so that households come to about population / 2.2 overall.
  var householdSize: Double {
    switch self {
    case .centre: return 1.75
    case .oldTown: return 2.15
    case .suburb: return 2.6
    case .publicHousing: return 1.85
    case .rural: return 2.55
    }
  }
}
