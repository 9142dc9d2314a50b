#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads districts.csv: unique codes, display names, optional area and households.
public enum DistrictsLoader {
  public static let schema = TableSchema(
    file: "districts.csv", required: ["district_code", "district_name"], optional: ["area", "households"])

  /// `hasher` (when given) is fed every byte of the file as it is read.
  public static func load(
    path: String, encoding: InputEncoding?, log: inout DiagnosticLog, hasher: UnsafeMutablePointer<SHA256>? = nil
  ) throws(ChiikiError) -> (DistrictTable, CSVReadSummary) {
    var acc = DistrictsAccumulator(expectedRows: lineCount(path))
    let summary = try readTable(path: path, schema: schema, encoding: encoding, log: &log, hasher: hasher, into: &acc)
    if acc.list.isEmpty && !log.hasErrors {
      log.add(Diagnostic(.error, file: schema.file, line: 2, "no districts: the file has a header but no rows"))
    }
    return (DistrictTable(acc.list, ascendingASCII: acc.codes.isAscendingASCII), summary)
  }
}

/// The state of a districts.csv read. A struct consumer rather than a closure: a closure's
/// captured variables live in boxes that every row retains and checks for exclusive access.
struct DistrictsAccumulator: RowConsumer {
  var list: [District] = []
  /// Each taken code, with its index in `lines` (its line), to find codes declared twice.
  var codes: DistrictCodeSet
  var lines: [Int] = []
  private var columns: (code: Int?, name: Int?, area: Int?, households: Int?)? = nil
  /// Area cell bytes -> the area text: few areas, so most rows build no String for theirs.
  private var areas = FieldCache<String?>()

  /// `expectedRows` sizes the tables at once.
  init(expectedRows: Int) {
    codes = DistrictCodeSet(expected: expectedRows)
    list.reserveCapacity(expectedRows)
    lines.reserveCapacity(expectedRows)
  }

  mutating func consume(_ row: RowFields, _ log: inout DiagnosticLog) {
    if _slowPath(columns == nil) {
      let h = row.header
      columns = (h["district_code"], h["district_name"], h["area"], h["households"])
    }
    let c = columns.unsafelyUnwrapped
    guard let code = row.requiredText(at: c.code, "district_code", &log) else { return }
    guard let name = row.requiredText(at: c.name, "district_name", &log) else { return }
    if let previous = codes.take(code) {
      row.error("district_code", "district_code '\(code)' is declared twice (first at line \(lines[previous]))", &log)
      return
    }
    lines.append(row.record.line)
    var area: String? = nil
    if let column = c.area, let known = areas.value(for: row.record.field(column)) {
      area = known
    } else if let text = row.text(at: c.area, "area", &log) {
      area = text.isEmpty ? nil : text
      if let column = c.area { areas.insert(row.record.field(column), area) }
    }
    var households: Int? = nil
    if c.households != nil {
      switch row.count(at: c.households, "households", &log) {
      case .value(let v): households = v
      case .missing: households = nil
      case .invalid, nil: return
      }
    }
    list.append(District(code: DistrictCode(code), name: name, area: area, households: households))
  }
}

/// The number of line feeds in a file, plus one (0 if it cannot be read): an upper bound on its
/// records, read in one quick pass (districts.csv is small) to size tables before filling them.
func lineCount(_ path: String) -> Int {
  let fd = open(path, O_RDONLY)
  guard fd >= 0 else { return 0 }
  defer { close(fd) }
  let size = 1 << 20
  let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
  defer { buffer.deallocate() }
  var lines = 1
  while true {
    let n = read(fd, buffer, size)
    if n <= 0 { break }
    var p = buffer
    let end = buffer + n
    while p < end, let hit = memchr(p, 0x0A, end - p) {
      lines += 1
      p = UnsafeMutableRawPointer(hit) + 1
    }
  }
  return lines
}
