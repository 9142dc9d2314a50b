import Foundation

/// A kind of social resource (社会資源) and how the generator names and places it.
private struct ResourceKind {
  let kind: String
  /// Share of all resources.
  let share: Double
  /// Name templates (`{t}` = town name) with their target group.
  let templates: [(String, String)]
  let hours: [String]
  let capacity: ClosedRange<Int>
  /// Which need draws it to a district: 0 unemployment, 1 welfare, 2 ltc, nil = population only.
  let driver: Int?

  static let all: [ResourceKind] = [
    ResourceKind(
      kind: "就労", share: 0.13,
      templates: [
        ("ハローワーク出張相談 {t}会場", "全世代"), ("{t}就労準備支援センター", "全世代"),
        ("地域若者サポートステーション{t}", "若者"), ("{t}しごと相談コーナー", "中高年"),
      ], hours: ["月〜金 9:00〜17:00", "毎週水曜 10:00〜16:00"], capacity: 30...80, driver: 0),
    ResourceKind(
      kind: "中間的就労", share: 0.10,
      templates: [
        ("{t}みどり農園（中間的就労）", "若者"), ("{t}リサイクル工房", "全世代"),
        ("{t}はたらく体験ファーム", "若者"), ("{t}清掃ワーク事業所", "中高年"),
      ], hours: ["月〜金 9:00〜15:00", "月・水・金 9:30〜14:30"], capacity: 4...15, driver: 0),
    ResourceKind(
      kind: "居場所", share: 0.20,
      templates: [
        ("{t}ふれあいサロン", "高齢者"), ("{t}地域の茶の間", "高齢者"),
        ("コミュニティカフェ{t}ひだまり", "全世代"), ("{t}若者の居場所", "若者"),
      ], hours: ["毎週火・金 13:00〜16:00", "第1・第3土曜 10:00〜15:00"], capacity: 15...40, driver: 2),
    ResourceKind(
      kind: "学習支援", share: 0.13,
      templates: [("{t}学習支援教室", "子ども"), ("まなびのひろば{t}", "子ども"), ("{t}寺子屋", "子ども")],
      hours: ["毎週水・土 17:00〜19:00", "毎週火・木 16:30〜18:30"], capacity: 10...30, driver: 1),
    ResourceKind(
      kind: "食料支援", share: 0.17,
      templates: [("{t}子ども食堂", "子ども"), ("フードパントリー{t}", "ひとり親"), ("{t}フードバンク受付", "全世代")],
      hours: ["第2・第4土曜 11:00〜14:00", "毎月第3日曜 10:00〜12:00"], capacity: 30...120, driver: 1),
    ResourceKind(
      kind: "住まい", share: 0.10,
      templates: [("{t}居住支援相談窓口", "全世代"), ("{t}住まいサポートセンター", "単身者")],
      hours: ["月〜金 9:00〜17:00"], capacity: 5...20, driver: 1),
    ResourceKind(
      kind: "相談", share: 0.17,
      templates: [
        ("{t}地域包括支援センター", "高齢者"), ("{t}社協くらしの相談窓口", "全世代"),
        ("{t}ひきこもり相談室", "若者"), ("{t}子ども家庭相談室", "ひとり親"),
      ], hours: ["月〜金 8:30〜17:15"], capacity: 40...150, driver: nil),
  ]

  static let intermediateWork = 1
  static let housing = 5
}

extension CityLayout {
  /// resources.csv: about three resources per four districts, placed where their need is, with
  /// one or two private shelters (`public` = no) and no 中間的就労 in the gap area. Contacts
  /// and URLs are fictional (0000-00-…, example.jp).
  func writeResources(to out: BufferedFileWriter) throws(SampleError) {
    try out.header([
      "resource_id", "name", "kind", "district_code", "capacity", "target", "address", "contact", "hours", "url",
      "public",
    ])
    var rng = SampleRandom(seed, .resources)
    let n = districts.count
    let total = max(7, Int((Double(n) * 0.75).rounded()))
    let privateShelters = n >= 20 ? 2 : 1
    let idDigits = max(4, String(total).count)
    var usedNames: [String: Int] = [:]
    var number = 0
    var cumulative = [Double](repeating: 0, count: n)

    for (k, kind) in ResourceKind.all.enumerated() {
      var count = max(1, Int((Double(total) * kind.share).rounded()))
      if k == ResourceKind.housing { count = max(count, privateShelters + 1) }
      var running = 0.0
      for d in 0..<n {
        let p = districts[d]
        var w = Double(p.population)
        if let driver = kind.driver { w *= p.need[driver] }
        if k == ResourceKind.intermediateWork && p.area == gapArea { w = 0 }
        running += w
        cumulative[d] = running
      }
      guard running > 0 else { continue }
      for i in 0..<count {
        let d = Self.search(cumulative, rng.uniform() * running)
        let town = towns[districts[d].town]
        let isShelter = k == ResourceKind.housing && i < privateShelters
        let template = kind.templates[rng.int(kind.templates.count)]
        var name = isShelter ? "{t}一時生活支援シェルター" : template.0
        name = name.replacingOccurrences(of: "{t}", with: town)
        let seen = usedNames[name, default: 0] + 1
        usedNames[name] = seen
        if seen > 1 { name += "（" + String(seen) + "）" }
        number += 1
        let capacity = kind.capacity.lowerBound + rng.int(kind.capacity.count)
        let address = isShelter ? "非公開" : self.name(d) + String(1 + rng.int(30)) + "-" + String(1 + rng.int(20))
        let hours = isShelter ? "24時間（要連絡）" : kind.hours[rng.int(kind.hours.count)]
        let cells = [
          "R" + CityLayout.padded(number, idDigits), name, kind.kind, code(d), String(capacity),
          isShelter ? "全世代" : template.1, address, "0000-00-" + CityLayout.padded(number, 4), hours,
          isShelter ? "" : "https://example.jp/chiiki/r" + CityLayout.padded(number, idDigits),
          isShelter ? "no" : "yes",
        ]
        for (c, cell) in cells.enumerated() {
          if c > 0 { try out.comma() }
          try out.write(cell: cell)
        }
        try out.endRow()
      }
    }
  }

  /// The first index whose cumulative weight exceeds `u` (binary search).
  static func search(_ cumulative: [Double], _ u: Double) -> Int {
    var lo = 0
    var hi = cumulative.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }
}
