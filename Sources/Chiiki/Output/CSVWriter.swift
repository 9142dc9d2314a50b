/// Builds CSV text the way Excel on a Japanese PC opens correctly: UTF-8 with BOM, CRLF line
/// ends, RFC 4180 quoting, and no cell that a spreadsheet could run as a formula.
public struct CSVWriter: Sendable {
  /// The document so far (with a sink: what has not been sent on yet), built in place.
  var bytes: CSVBytes
  /// The document so far, as UTF-8 bytes (a copy of `bytes`).
  public internal(set) var data: [UInt8] {
    get { bytes.array }
    set { bytes = CSVBytes(newValue) }
  }
  /// Whether the row being built has a cell yet (the next cell needs a comma before it).
  var rowStarted = false
  /// Where the rows go as they are built, a chunk at a time (nil: all stay in `data`). With a
  /// sink, `data` holds only what has not been flushed; call `finish()` at the end.
  public var sink: OutputSink? = nil

  /// Starts a document with the BOM and the header row.
  public init(header: [String], bom: Bool = true) {
    bytes = CSVBytes(bom ? [0xEF, 0xBB, 0xBF] : [], capacity: 1 << 16)
    appendRow(header)
  }

  /// The document as text.
  public var text: String { bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) } }

  /// Appends one row; every cell is neutralised and quoted as needed.
  public mutating func appendRow(_ cells: [String]) {
    for cell in cells { appendCell(cell) }
    endRow()
  }

  /// Bytes held before they go to the sink.
  static var chunk: Int { 1 << 20 }

  /// Sends what is left to the sink (no-op without one).
  public mutating func finish() {
    guard let sink else { return }
    bytes.withUnsafeBytes { sink.write($0) }
    bytes = CSVBytes()
  }

  /// Whether a cell starting with `byte` may need neutralising: = + - @ tab CR, and 0xEF, the
  /// lead byte of the full-width ＝ ＋ － ＠.
  @inline(__always)
  static func isRiskyLead(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D, 0xEF: return true
    default: return false
    }
  }

  /// Whether `byte` makes a cell need quoting: comma, quote, LF or CR.
  @inline(__always)
  static func needsQuote(_ byte: UInt8) -> Bool {
    byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D
  }

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

extension CSVWriter {
  /// A writer of cells alone (no BOM, no header): the scratch writer `RenderedCells` renders
  /// its entries with.
  init(headerless: ()) {
    bytes = CSVBytes()
  }
}
