/// Builds CSV text the way Excel on a Japanese PC opens correctly: UTF-8 with BOM, CRLF line
/// ends, RFC 4180 quoting, and no cell that a spreadsheet could run as a formula.
public struct CSVWriter: Sendable {
  public private(set) var text: String

  /// Starts a document with the BOM and the header row.
  public init(header: [String], bom: Bool = true) {
    text = bom ? "\u{FEFF}" : ""
    text.reserveCapacity(1 << 16)
    appendRow(header)
  }

  /// Appends one row; every cell is neutralised and quoted as needed.
  public mutating func appendRow(_ cells: [String]) {
    var first = true
    for cell in cells {
      if !first { text += "," }
      first = false
      text += CSVWriter.escape(CSVWriter.neutralise(cell))
    }
    text += "\r\n"
  }

  /// The bytes to write (UTF-8).
  public var data: [UInt8] { Array(text.utf8) }

  /// Quotes a cell when it holds a comma, quote or line break (RFC 4180).
  public static func escape(_ cell: String) -> String {
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
    var quoted = "\""
    for c in cell {
      if c == "\"" { quoted += "\"\"" } else { quoted.append(c) }
    }
    quoted += "\""
    return quoted
  }

  /// Makes text inert in a spreadsheet: a cell starting with `=`, `+`, `-`, `@`, a tab or a
  /// carriage return (OWASP CSV injection) gets a leading apostrophe. Plain numbers such as
  /// `-0.25` are left alone so that they stay numbers.
  public static func neutralise(_ cell: String) -> String {
    guard let first = cell.unicodeScalars.first else { return cell }
    guard riskyFirst.contains(first) else { return cell }
    if isPlainNumber(cell) { return cell }
    return "'" + cell
  }

  private static let riskyFirst: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

  static func isPlainNumber(_ cell: String) -> Bool {
    var sawDigit = false
    var sawDot = false
    for (i, c) in cell.unicodeScalars.enumerated() {
      if i == 0 && (c == "-" || c == "+") { continue }
      if c == "." && !sawDot { sawDot = true; continue }
      if ("0"..."9").contains(c) { sawDigit = true; continue }
      return false
    }
    return sawDigit
  }
}
