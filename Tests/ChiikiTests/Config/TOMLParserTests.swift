import Testing

@testable import Chiiki

@Suite struct ConfigTOMLParserTests {
  @Test func commentsBlankLinesCRLFAndBOM() {
    let text = "\u{FEFF}# heading\r\n\r\n  a = 1 # trailing\r\n\t[t] # table\r\nb = true\r\n"
    guard let root = parseTOML(text) else { return }
    #expect(root.value("a")?.integerValue == 1)
    #expect(root.value("t", "b")?.boolValue == true)
    #expect(root.entry("a")?.keyLocation == TOMLLocation(line: 3, column: 3))
    #expect(root.entry("t")?.keyLocation == TOMLLocation(line: 4, column: 3))
  }

  @Test func basicAndLiteralStrings() {
    let text = #"""
      a = "q\"b\\n\n t\t é\u00e9 \U0001F600 \b\f\r\e"
      b = 'C:\path\no escapes "here"'
      c = ""
      d = "中間的就労"
      """#
    guard let root = parseTOML(text) else { return }
    #expect(root.string("a") == "q\"b\\n\n t\t éé 😀 \u{08}\u{0C}\r\u{1B}")
    #expect(root.string("b") == #"C:\path\no escapes "here""#)
    #expect(root.string("c") == "")
    #expect(root.string("d") == "中間的就労")
  }

  @Test func multilineStrings() {
    let text = "a = \"\"\"\nline 1\r\nline 2 \\\n    joined\"\"\"\nb = '''\n\\raw\n'''\nc = \"\"\"x\"\"\"\"\"\nd = '''''y'''''\n"
    guard let root = parseTOML(text) else { return }
    #expect(root.string("a") == "line 1\nline 2 joined")
    #expect(root.string("b") == "\\raw\n")
    #expect(root.string("c") == "x\"\"")
    #expect(root.string("d") == "''y''")
  }

  @Test func integers() {
    let text = """
      a = 1_000
      b = -5
      c = +3
      d = 0
      e = 0x1F_ff
      f = 0o17
      g = 0b101
      h = 9223372036854775807
      i = -9223372036854775808
      j = -0
      """
    guard let root = parseTOML(text) else { return }
    let expected: [(String, Int)] = [
      ("a", 1000), ("b", -5), ("c", 3), ("d", 0), ("e", 0x1FFF), ("f", 15), ("g", 5),
      ("h", Int.max), ("i", Int.min), ("j", 0),
    ]
    for (key, value) in expected { #expect(root.value(key)?.integerValue == value, "\(key)") }
  }

  @Test func floatsAndBooleans() {
    let text = """
      a = 1.5
      b = -0.25
      c = 1e3
      d = 6.02E+23
      e = 1_000.5
      f = 5e-3
      g = inf
      h = -inf
      i = nan
      j = true
      k = false
      l = 0.0
      """
    guard let root = parseTOML(text) else { return }
    #expect(root.value("a")?.floatValue == 1.5)
    #expect(root.value("b")?.floatValue == -0.25)
    #expect(root.value("c")?.floatValue == 1000)
    #expect(root.value("d")?.floatValue == 6.02e23)
    #expect(root.value("e")?.floatValue == 1000.5)
    #expect(root.value("f")?.floatValue == 0.005)
    #expect(root.value("g")?.floatValue == .infinity)
    #expect(root.value("h")?.floatValue == -.infinity)
    #expect(root.value("i")?.floatValue?.isNaN == true)
    #expect(root.value("j")?.boolValue == true)
    #expect(root.value("k")?.boolValue == false)
    #expect(root.value("l")?.floatValue == 0)
  }

  @Test func multilineArraysWithComments() {
    let text = """
      a = [
        "x", # first
        'y',

        # a comment line
        "z",
      ]
      b = [ [1, 2], [], ["mixed", 1.5] ]
      c = []
      """
    guard let root = parseTOML(text) else { return }
    #expect(root.value("a")?.arrayValue?.compactMap(\.value.stringValue) == ["x", "y", "z"])
    #expect(root.value("a")?.arrayValue?.map(\.location) == [
      TOMLLocation(line: 2, column: 3), TOMLLocation(line: 3, column: 3), TOMLLocation(line: 6, column: 3),
    ])
    let b = root.value("b")?.arrayValue
    #expect(b?.count == 3)
    #expect(b?.first?.value.arrayValue?.compactMap(\.value.integerValue) == [1, 2])
    #expect(root.value("c")?.arrayValue?.isEmpty == true)
  }

  @Test func tablesQuotedAndDottedKeys() {
    let text = """
      [ indicators . "ltc" ]
      weight = 2
      [resources.kinds]
      "中間的就労" = ["unemployment"]
      'a.b' = 1
      x.y."z" = 3
      [fruit]
      apple.color = "red"
      [fruit.apple.texture]
      smooth = true
      [a.b]
      c = 1
      [a]
      d = { e = 1, f.g = "h" }
      """
    guard let root = parseTOML(text) else { return }
    #expect(root.value("indicators", "ltc", "weight")?.integerValue == 2)
    #expect(root.value("resources", "kinds", "中間的就労")?.arrayValue?.count == 1)
    #expect(root.value("resources", "kinds", "a.b")?.integerValue == 1)
    #expect(root.value("resources", "kinds", "x", "y", "z")?.integerValue == 3)
    #expect(root.string("fruit", "apple", "color") == "red")
    #expect(root.value("fruit", "apple", "texture", "smooth")?.boolValue == true)
    #expect(root.value("a", "b", "c")?.integerValue == 1)
    #expect(root.value("a", "d", "e")?.integerValue == 1)
    #expect(root.string("a", "d", "f", "g") == "h")
    #expect(root.entry("indicators")?.keyLocation == TOMLLocation(line: 1, column: 3))
    #expect(root.value("resources", "kinds").map { _ in true } == true)
  }

  @Test func keepsKeyOrderAndValueLocations() {
    guard let root = parseTOML("z = 1\na = 'x'\nm =    [1]\n") else { return }
    #expect(root.entries.map(\.key) == ["z", "a", "m"])
    #expect(root.entries.map(\.node.location) == [
      TOMLLocation(line: 1, column: 5), TOMLLocation(line: 2, column: 5), TOMLLocation(line: 3, column: 8),
    ])
    #expect(root.entry("a")?.node.sourceText == "'x'")
  }

  @Test func columnsCountUnicodeScalars() {
    let errors = configErrors("[resources.kinds]\n\"中間的就労\" = [1]\n")
    #expect(errors.first?.line == 2)
    #expect(errors.first?.column == 12)
  }
}
