import Foundation
import Testing

@testable import Chiiki

/// Runs the loader and analyser on a folder and renders the meeting report.
enum ReportRun {
  static func analysis(_ dir: String, language: ReportLanguage = .ja) throws -> (Analysis, Dataset) {
    var config = Configuration()
    config.language = language
    let dataset = try DatasetLoader.load(LoadOptions(dataDirectory: dir, configuration: config))
    return (try Analyzer.analyze(dataset, configuration: config), dataset)
  }

  static func render(_ dir: String, language: ReportLanguage = .ja, options: ReportOptions = ReportOptions()) throws -> (md: String, html: String) {
    let (a, d) = try analysis(dir, language: language)
    let files = MeetingReport.render(a, dataset: d, options: options)
    let md = files.first { $0.name == "meeting_summary.md" }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    let html = files.first { $0.name == "meeting_summary.html" }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    return (md, html)
  }

  /// The repository root (for `data/`).
  static var repositoryRoot: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
  }
}

/// Markdown tables of a document: header cells and rows of cells (escapes kept as written).
enum MarkdownTables {
  static func parse(_ text: String) -> [(header: [String], rows: [[String]])] {
    var tables: [(header: [String], rows: [[String]])] = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var i = 0
    while i < lines.count {
      if lines[i].hasPrefix("|"), i + 1 < lines.count, lines[i + 1].hasPrefix("|---") || lines[i + 1].hasPrefix("|:") {
        let header = cells(lines[i])
        var rows: [[String]] = []
        i += 2
        while i < lines.count, lines[i].hasPrefix("|") { rows.append(cells(lines[i])); i += 1 }
        tables.append((header, rows))
      } else {
        i += 1
      }
    }
    return tables
  }

  /// Splits a row on unescaped `|`.
  static func cells(_ line: String) -> [String] {
    var out: [String] = []
    var current = ""
    var escaped = false
    for c in line {
      if escaped { current.append(c); escaped = false; continue }
      if c == "\\" { current.append(c); escaped = true; continue }
      if c == "|" { out.append(current.trimmingCharacters(in: .whitespaces)); current = "" } else { current.append(c) }
    }
    return Array(out.dropFirst())
  }
}

/// A line diff (longest common subsequence) for golden-file failures.
enum LineDiff {
  static func unified(_ expected: String, _ actual: String, context: Int = 2) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let n = a.count, m = b.count
    var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
      }
    }
    var ops: [(Character, String, Int)] = []
    var i = 0, j = 0
    while i < n || j < m {
      if i < n, j < m, a[i] == b[j] { ops.append((" ", a[i], i + 1)); i += 1; j += 1 }
      else if j < m, i == n || lcs[i][j + 1] >= lcs[i + 1][j] { ops.append(("+", b[j], i + 1)); j += 1 }
      else { ops.append(("-", a[i], i + 1)); i += 1 }
    }
    var keep = [Bool](repeating: false, count: ops.count)
    for (k, op) in ops.enumerated() where op.0 != " " {
      for x in max(0, k - context)...min(ops.count - 1, k + context) { keep[x] = true }
    }
    var out: [String] = []
    var last = -2
    for (k, op) in ops.enumerated() where keep[k] {
      if k != last + 1 { out.append("@@ expected line \(op.2) @@") }
      out.append("\(op.0)\(op.1)")
      last = k
    }
    return out.joined(separator: "\n")
  }
}
