import Foundation

/// A small random city written straight to CSV, for tests that compare the tool against an
/// independent computation on cities it has not seen. Kept apart from the generator in
/// Sources/Chiiki/Sample so the two cannot share a mistake.
struct RandomCity {
  struct Cell { var district: Int; var sex: String; var band: String; var indicator: String; var numerator: Int?; var denominator: Int }

  var rng: UInt64
  let districts: Int
  let bands = ["0-14", "15-39", "40-64", "65-74", "75+"]
  let indicators = ["unemployment", "welfare", "ltc"]
  var cells: [Cell] = []
  var cases: [(period: String, district: Int, sex: String, band: String, category: String, count: Int)] = []

  init(seed: UInt64, districts: Int) {
    rng = seed
    self.districts = districts
  }

  mutating func next() -> UInt64 {
    rng &+= 0x9E37_79B9_7F4A_7C15
    var z = rng
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
  mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }

  mutating func build() {
    for d in 0..<districts {
      let size = int(50...3000)
      let need = 0.5 + uniform() * 1.5
      for (b, band) in bands.enumerated() {
        for sex in ["male", "female"] {
          for indicator in indicators {
            if indicator == "ltc" && b < 3 { continue }
            if indicator == "unemployment" && b == 0 { continue }
            let den = max(1, size / 5 + int(0...200))
            let base = indicator == "ltc" ? (b == 3 ? 0.05 : 0.3) : indicator == "welfare" ? 0.02 : 0.04
            let num = min(den, Int((Double(den) * base * need * (0.6 + uniform() * 0.8)).rounded()))
            let suppressed = uniform() < 0.03
            cells.append(Cell(district: d, sex: sex, band: band, indicator: indicator, numerator: suppressed ? nil : num, denominator: den))
          }
        }
      }
      let reach = 0.3 + uniform() * 1.4
      for m in 1...12 {
        for category in ["就労", "経済的困窮", "健康"] {
          let count = Int((Double(size) / 3000 * need * reach * uniform() * 3).rounded())
          if count > 0 {
            let month = m < 10 ? "0\(m)" : "\(m)"
            let sex = uniform() < 0.05 ? "unknown" : (uniform() < 0.5 ? "male" : "female")
            cases.append(("2026-\(month)", d, sex, ["15-39", "40-64", "65+"][int(0...2)], category, count))
          }
        }
      }
    }
  }

  func code(_ d: Int) -> String { "D" + String(1000 + d) }

  func write(to dir: TempDir) {
    var text = "district_code,district_name,area,households\n"
    for d in 0..<districts { text += "\(code(d)),町\(d),圏域\(d % 3),\(100 + d * 7)\n" }
    dir.write("districts.csv", text)
    text = "period,district_code,sex,age_group,indicator,numerator,denominator\n"
    for c in cells { text += "2026-04,\(code(c.district)),\(c.sex),\(c.band),\(c.indicator),\(c.numerator.map(String.init) ?? "X"),\(c.denominator)\n" }
    dir.write("statistics.csv", text)
    text = "period,district_code,sex,age_group,category,consultations\n"
    for c in cases { text += "\(c.period),\(code(c.district)),\(c.sex),\(c.band),\(c.category),\(c.count)\n" }
    dir.write("cases.csv", text)
  }
}

/// Reads an output CSV (BOM, CRLF; cells from the tool need no unquoting in these tests).
func readOutputCSV(_ path: String) -> [[String: String]] {
  guard var text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
  if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
  let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
  guard let header = lines.first?.components(separatedBy: ",") else { return [] }
  return lines.dropFirst().map { line in
    Dictionary(uniqueKeysWithValues: zip(header, line.components(separatedBy: ",")))
  }
}
