import Foundation

extension CityLayout {
  /// The planted truth as CSV, one row per district; never part of the data folder.
  func writeTruth(to out: BufferedFileWriter) throws(SampleError) {
    try out.header([
      "district_code", "district_name", "area", "kind", "population", "households", "need_unemployment",
      "need_welfare", "need_ltc", "previous_need_unemployment", "previous_need_welfare", "previous_need_ltc",
      "expected_unemployed", "expected_welfare", "expected_ltc", "reach", "reach_class", "high_need",
      "expected_monthly_consultations", "gap_area",
    ])
    func fixed(_ x: Double) -> String {
      let scaled = (x * 1000).rounded()
      let whole = Int(scaled) / 1000
      let frac = abs(Int(scaled) % 1000)
      return String(whole) + "." + CityLayout.padded(frac, 3)
    }
    for d in districts.indices {
      let p = districts[d]
      let cells = [
        code(d), name(d), areas[p.area], p.kind.rawValue, String(p.population), String(p.households),
        fixed(p.need.x), fixed(p.need.y), fixed(p.need.z), fixed(p.previousNeed.x), fixed(p.previousNeed.y),
        fixed(p.previousNeed.z), fixed(p.expected.x), fixed(p.expected.y), fixed(p.expected.z), fixed(p.reach),
        p.reachClass.rawValue, p.highNeed ? "yes" : "no", fixed(p.monthlyConsultations),
        p.area == gapArea ? "yes" : "no",
      ]
      for (c, cell) in cells.enumerated() {
        if c > 0 { try out.comma() }
        try out.write(cell: cell)
      }
      try out.endRow()
    }
  }
}
