import Foundation
import Testing

@testable import Chiiki

/// Issue 5: a district named `=HYPERLINK("http://x","y")` (and other input text that starts like a
/// formula) must be inert in every CSV output.
@Suite struct FormulaInjectionTests {
  /// Minimal RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF.
  static func cells(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)
    if chars.first == "\u{FEFF}" { chars.removeFirst() }
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if quoted {
        if c == "\"" {
          if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
        } else { field.append(c) }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        row.append(field); field = ""
      } else if c == "\r\n" || c == "\n" {
        row.append(field); field = ""
        rows.append(row); row = []
      } else { field.append(c) }
      i += 1
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
  }

  @Test func formulaTextIsInertInEveryCSV() throws {
    let dir = Fixtures.copy("tiny")
    defer { dir.remove() }
    let hostile = "=HYPERLINK(\"http://x\",\"y\")"
    var districts = try String(contentsOfFile: dir.file("districts.csv"), encoding: .utf8)
    districts = districts.replacingOccurrences(of: "港町一丁目", with: "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
      .replacingOccurrences(of: "北部圏域,100", with: "@SUM(A1),100")
    try districts.write(toFile: dir.file("districts.csv"), atomically: true, encoding: .utf8)
    var cases = try String(contentsOfFile: dir.file("cases.csv"), encoding: .utf8)
    cases = cases.replacingOccurrences(of: "経済的困窮", with: "+cmd|' /C calc'!A0")
    try cases.write(toFile: dir.file("cases.csv"), atomically: true, encoding: .utf8)
    _ = try Pipeline.run(RunOptions(load: LoadOptions(dataDirectory: dir.path), outputDirectory: dir.file("out")))

    var sawHostile = false
    for name in try FileManager.default.contentsOfDirectory(atPath: dir.file("out")) where name.hasSuffix(".csv") {
      let text = try String(contentsOfFile: dir.file("out/" + name), encoding: .utf8)
      for row in Self.cells(text) {
        for cell in row {
          if cell.contains("HYPERLINK") {
            sawHostile = true
            #expect(cell == "'" + hostile, "\(name): \(cell)")
          }
          guard let first = cell.first, "=+-@".contains(first) else { continue }
          // Only plain numbers such as -0.25 may start with a sign.
          #expect(Double(cell) != nil, "\(name): cell '\(cell)' could run as a formula")
        }
      }
    }
    #expect(sawHostile)
  }
}
