/// The columns of a 住民基本台帳 「地域・年齢別人口」 file (自治体標準オープンデータセット), found by
/// header text so that column order, extra columns and the known header variants all work:
/// `0-4歳の男性`, `85歳以上の女性`, the 目黒区 typo `85歳の男性以上`, `100歳以上の男性`,
/// `不詳者の男性` / `年齢不詳の女性`.
struct JukiColumns {
  /// One age column: the sex and the band, or nil band for unknown age (不詳).
  struct AgeColumn {
    var index: Int
    var sex: Sex
    var band: AgeBand?
    var header: String
  }

  var code: Int?
  var keyCode: Int?
  var name: Int?
  var date: Int?
  var cityCode: Int?
  var cityName: Int?
  var total: Int?
  var sexTotals: [Sex: Int] = [:]
  var households: Int?
  var ageColumns: [AgeColumn] = []
  /// Headers not used, as (column index, text).
  var ignored: [(Int, String)] = []

  /// The column that gives the district code: 地域コード, else KEY_CODE, else 地域名.
  var districtCode: Int? { code ?? keyCode ?? name }

  init(headers: [String]) {
    for (i, raw) in headers.enumerated() {
      let h = TextNormalizer.normalizeToken(raw).replacing(" ", with: "")
      switch h {
      case "地域コード", "町丁コード", "町丁目コード": code = i
      case "KEY_CODE", "key_code": keyCode = i
      case "地域名", "町丁名", "町丁目名", "地区名": name = i
      case "調査年月日", "調査日", "基準日": date = i
      case "都道府県コード又は市区町村コード", "市区町村コード", "全国地方公共団体コード": cityCode = i
      case "市区町村名": cityName = i
      case "総人口", "総数", "人口総数": total = i
      case "男性", "男", "男性人口": sexTotals[.male] = i
      case "女性", "女", "女性人口": sexTotals[.female] = i
      case "世帯数", "世帯": households = i
      default:
        if let column = JukiColumns.ageColumn(h, index: i, header: raw) {
          ageColumns.append(column)
        } else {
          ignored.append((i, raw))
        }
      }
    }
  }

  /// Reads `0-4歳の男性`, `85歳以上の女性`, `85歳の男性以上`, `男0～4歳`, `不詳者の男性`.
  static func ageColumn(_ h: String, index: Int, header: String) -> AgeColumn? {
    let hasMale = h.contains("男")
    let hasFemale = h.contains("女")
    guard hasMale != hasFemale else { return nil }
    let sex: Sex = hasMale ? .male : .female
    var rest = h
    for marker in ["の男性", "の女性", "男性", "女性", "の男", "の女", "男", "女"] {
      rest = rest.replacing(marker, with: "")
    }
    if rest.contains("不詳") || rest.contains("不明") {
      return AgeColumn(index: index, sex: sex, band: nil, header: header)
    }
    guard rest.contains("歳") || rest.contains("才") || rest.contains("+") else { return nil }
    guard let band = AgeBand.parse(rest) else { return nil }
    return AgeColumn(index: index, sex: sex, band: band, header: header)
  }
}
