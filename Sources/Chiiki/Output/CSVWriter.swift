/// Builds CSV text the way Excel on a Japanese PC opens correctly: UTF-8 with BOM, CRLF line
/// ends, RFC 4180 quoting, and no cell that a spreadsheet could run as a formula.
public struct CSVWriter: Sendable {
  /// The document so far, as UTF-8 bytes.
  public private(set) var data: [UInt8]
  /// Where the rows go as they are built, a chunk at a time (nil: all stay in `data`). With a
  /// sink, `data` holds only what has not been flushed; call `finish()` at the end.
  public var sink: OutputSink? = nil

  /// Starts a document with the BOM and the header row.
  public init(header: [String], bom: Bool = true) {
    data = bom ? [0xEF, 0xBB, 0xBF] : []
    data.reserveCapacity(1 << 16)
    appendRow(header)
  }

  /// The document as text.
  public var text: String { String(decoding: data, as: UTF8.self) }

  /// Appends one row; every cell is neutralised and quoted as needed.
  public mutating func appendRow(_ cells: [String]) {
    var first = true
    for cell in cells {
      if !first { data.append(0x2C) }
      first = false
      let utf8 = cell.utf8
      // Fast path: most cells (numbers, codes, plain names) need neither quoting nor neutralising.
      if let lead = utf8.first, !CSVWriter.riskyLeadBytes.contains(lead),
        !utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
      {
        data.append(contentsOf: utf8)
      } else {
        data.append(contentsOf: CSVWriter.escape(CSVWriter.neutralise(cell)).utf8)
      }
    }
    data.append(0x0D)
    data.append(0x0A)
    if let sink, data.count >= CSVWriter.chunk {
      sink.write(data)
      data.removeAll(keepingCapacity: true)
    }
  }

  private static let chunk = 1 << 20

  /// Sends what is left to the sink (no-op without one).
  public mutating func finish() {
    guard let sink else { return }
    sink.write(data)
    data = []
  }

  /// First bytes after which a cell may need neutralising: = + - @ tab CR, and 0xEF, the lead
  /// byte of the full-width ＝ ＋ － ＠.
  private static let riskyLeadBytes: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D, 0xEF]

  /// Quotes a cell when it holds a comma, quote or line break (RFC 4180).
  public static func escape(_ cell: String) -> String {
    guard cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return cell }
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
