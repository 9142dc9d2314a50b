/// Fictional but ordinary Japanese town names (町名) and the 漢数字 of 丁目, for district names
/// such as 港町一丁目, 緑が丘二丁目, 桜台.
enum TownNames {
  /// Base town names. They are common enough across Japan to belong to no one city.
  static let base: [String] = [
    "港町", "本町", "旭町", "栄町", "緑が丘", "桜台", "若葉台", "青葉台", "元町", "新町",
    "寿町", "幸町", "末広町", "朝日町", "日の出町", "富士見町", "春日町", "住吉町", "八幡町", "弥生町",
    "錦町", "白山", "花園", "美園", "清水町", "高砂町", "松原", "梅ケ丘", "泉町", "柳町",
    "城山", "宮前", "大和町", "昭和町", "平和町", "千代田", "浜町", "汐見台", "緑町", "桜木町",
    "桜ケ丘", "松が丘", "藤が丘", "百合ケ丘", "ひばりが丘", "つつじが丘", "希望ケ丘", "光が丘", "星が丘", "泉が丘",
    "緑台", "旭台", "若松町", "松葉町", "青葉町", "若葉町", "双葉町", "本郷", "新田", "上町",
    "中町", "仲町", "宮町", "宮本町", "天神町", "稲荷町", "神明町", "大手町", "鍛冶町", "紺屋町",
    "大工町", "材木町", "魚町", "呉服町", "田町", "駅前", "駅南", "川原町", "川端町", "浜田町",
    "高田", "高松町", "山手町", "山下町", "坂下", "堤町", "桜川", "梅田町", "柳川町", "水元",
    "清水ケ丘", "南台", "北台", "東台", "西台", "豊町", "豊田町", "福田町", "吉田町", "石川町",
    "今井町", "久保町", "昭栄町", "緑ケ浜", "汐入", "潮見町", "入船町", "船町", "御幸町", "相生町",
    "曙町", "緑園", "向陽台", "陽光台", "朝霧台", "西原", "東原", "中原", "野田", "岡本",
    "南町", "北町", "東町", "西町", "中央", "松山町", "竹の内", "花咲町", "桃山", "菊水町",
    "青山", "白鳥町", "鶴見町", "亀田町", "若宮", "美浜", "見晴台", "千歳町", "長者町", "常盤台",
  ]

  /// Prefixes that turn a used name into a new one, as real cities do (東緑が丘, 新港町).
  static let prefixes: [String] = ["東", "西", "南", "北", "新", "上", "下", "中", "元"]

  /// The `round`-th variant of a base name: the name itself, then prefixed, then numbered.
  static func variant(_ name: String, round: Int) -> String {
    if round == 0 { return name }
    if round <= prefixes.count { return prefixes[round - 1] + name }
    return name + "第" + String(round - prefixes.count + 1)
  }

  private static let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

  /// 漢数字 for 1...99 as written in 丁目 (一, 十, 十二, 二十三).
  static func kanji(_ n: Int) -> String {
    guard n > 0, n < 100 else { return String(n) }
    let tens = n / 10
    let ones = n % 10
    var text = ""
    if tens > 1 { text += digits[tens] }
    if tens > 0 { text += "十" }
    text += digits[ones]
    return text
  }

  /// The district name of `chome` (0 = a town without 丁目).
  static func districtName(town: String, chome: Int) -> String {
    chome == 0 ? town : town + kanji(chome) + "丁目"
  }
}
