import Foundation
import Testing

@testable import Chiiki

/// One case of the hardening corpus: a folder under `Fixtures/malformed/` (must fail) or
/// `Fixtures/awkward/` (must succeed). The case's CSV files are laid over the `tiny` city
/// (unless `base: none`), and `case.txt` says what to expect:
///
///     # free text: what the case is about
///     expect: statistics.csv:7:6 | numerator '-3' is negative     (an error: exact location + phrase)
///     expect-warning: cases.csv | no consultations in 2026-12    (a warning, same form)
///     errors: 25                                                  (exact error count; default: one per expect)
///     more: … and 5 more errors                                   (a line of the rendered report)
///     remove: cases.csv                                           (leave a tiny file out)
///     period: 2026-12                                             (run period, as --period)
///     expect-encoding: cp932                                      (every input read as this)
///     expect-text: 港町, 一丁目                                    (appears in some output file)
///     base: none                                                  (a complete folder)
///
/// A location is `file`, `file:line` or `file:line:column`; an absent part must be absent in
/// the diagnostic too (a missing file has no line; a missing column has no column).
struct CorpusCase: CustomTestStringConvertible, Sendable {
  struct Expected: Sendable, CustomStringConvertible {
    var file: String
    var line: Int?
    var column: Int?
    var phrase: String

    init(_ text: Substring) {
      let halves = text.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      let location = halves[0].split(separator: ":").map(String.init)
      file = location[0]
      line = location.count > 1 ? Int(location[1]) : nil
      column = location.count > 2 ? Int(location[2]) : nil
      phrase = halves.count > 1 ? halves[1] : ""
    }

    func matches(_ d: Diagnostic) -> Bool {
      d.file == file && d.line == line && d.column == column && d.message.contains(phrase)
    }

    var description: String {
      [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":") + " | " + phrase
    }
  }

  var group: String
  var name: String
  var errors: [Expected] = []
  var warnings: [Expected] = []
  var errorCount: Int?
  var more: [String] = []
  var removed: [String] = []
  var period: Period?
  var encoding: InputEncoding?
  var texts: [String] = []
  var hasBase = true

  var testDescription: String { "\(group)/\(name)" }
  var folder: String { Fixtures.path(group) + "/" + name }

  init(group: String, name: String) {
    self.group = group
    self.name = name
    let spec = (try? String(contentsOfFile: Fixtures.path(group) + "/\(name)/case.txt", encoding: .utf8)) ?? ""
    for line in spec.split(separator: "\n") where !line.hasPrefix("#") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon]
      let value = line[line.index(after: colon)...].drop { $0 == " " }
      switch key {
      case "expect": errors.append(Expected(value))
      case "expect-warning": warnings.append(Expected(value))
      case "errors": errorCount = Int(value)
      case "more": more.append(String(value))
      case "remove": removed.append(String(value))
      case "period": period = try? Period.parse(String(value))
      case "expect-encoding": encoding = InputEncoding(name: String(value))
      case "expect-text": texts.append(String(value))
      case "base": hasBase = value != "none"
      default: Issue.record("\(group)/\(name)/case.txt: unknown key '\(key)'")
      }
    }
  }

  static func all(_ group: String) -> [CorpusCase] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.path(group))) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { CorpusCase(group: group, name: $0) }
  }

  /// The data folder of the case, in a fresh temporary folder (removed by the caller).
  func materialize() -> TempDir {
    let dir = hasBase ? Fixtures.copy("tiny") : TempDir()
    for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where file != "case.txt" {
      try? FileManager.default.removeItem(atPath: dir.file(file))
      try? FileManager.default.copyItem(atPath: folder + "/" + file, toPath: dir.file(file))
    }
    for file in removed { try? FileManager.default.removeItem(atPath: dir.file(file)) }
    return dir
  }
}

/// Every file under a folder (relative path -> bytes), to compare folders byte for byte.
func folderContents(_ path: String) -> [String: Data] {
  var out: [String: Data] = [:]
  guard let walker = FileManager.default.enumerator(atPath: path) else { return out }
  while let relative = walker.nextObject() as? String {
    let full = (path as NSString).appendingPathComponent(relative)
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
      out[relative] = FileManager.default.contents(atPath: full)
    }
  }
  return out
}

/// A stand-in earlier report for a period folder: files whose bytes a failing run must not change.
func writeEarlierReport(at path: String) {
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  _ = FileManager.default.createFile(atPath: path + "/outreach_targets.csv", contents: Data("\u{FEFF}rank,district_code\r\n1,001\r\n".utf8))
  _ = FileManager.default.createFile(atPath: path + "/manifest.json", contents: Data("{\"earlier\": true}\n".utf8))
}
