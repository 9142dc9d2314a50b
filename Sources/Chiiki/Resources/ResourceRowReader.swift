/// The rows of resources.csv collected into `ResourceTexts` (see `ResourcesLoader`): a row's
/// text fields are appended in `Resource.Field` order as they are checked, and dropped again if
/// the row turns out invalid. Every cell reads as `RowFields.text` / `requiredText` would give
/// it, with the same diagnostics in the same order (plain cells by their bytes, the rest
/// through `RowFields`).
struct ResourceRowReader {
  /// Column positions, found once from the header of the file.
  private struct Columns {
    var text: [Int?]
    var district: Int?
    var capacity: Int?
    var isPublic: Int?

    init(_ header: HeaderMap) {
      text = ResourceRowReader.names.map { header[$0] }
      district = header["district_code"]
      capacity = header["capacity"]
      isPublic = header["public"]
    }
  }

  /// The text columns, in `Resource.Field` order.
  private static let names = ["resource_id", "name", "kind", "target", "address", "contact", "hours", "url"]

  private var columns: Columns? = nil
  private var builder = ResourceTexts.Builder()
  private var stores: [ResourceTexts] = []
  /// Per kept row: its store and record there, district, capacity and public flag.
  private var kept: [(store: Int32, record: Int32, district: Int32, capacity: Int?, isPublic: Bool)] = []
  private var ids: [String] = []

  init(fileSize: Int) {
    builder.reserve(bytes: fileSize, records: fileSize / 128)
    kept.reserveCapacity(fileSize / 128)
    ids.reserveCapacity(fileSize / 128)
  }

  /// Starts a row with its resource id; nil (diagnostic logged) when the id is not usable.
  mutating func begin(_ row: RowFields, _ log: inout DiagnosticLog, codes: DistrictByteIndex? = nil) -> String? {
    if columns == nil { columns = Columns(row.header) }
    let record = row.record
    // Districts come in random order: start the slot's cache miss now, so that it overlaps
    // the id and text fields read before `district`.
    if let codes, let column = columns?.district, column < record.count { codes.prefetch(record.field(column)) }
    // A CP932 row can grow by half when decoded; start another store before 4 GiB.
    let size = record.count == 0 ? 0 : record.endOffsets[record.count - 1]
    if builder.isFull(adding: 2 * size + 64) {
      stores.append(builder.finish())
      builder = ResourceTexts.Builder()
    }
    guard text(.id, row, &log, required: true) else { return nil }
    let id = builder.lastField { String(decoding: $0, as: UTF8.self) }
    return id
  }

  /// Appends a text field as `requiredText` (required) or `text` gives it; false when the cell
  /// is not usable (its error logged).
  mutating func text(_ field: Resource.Field, _ row: RowFields, _ log: inout DiagnosticLog, required: Bool) -> Bool {
    let name = ResourceRowReader.names[field.rawValue]
    if let column = columns?.text[field.rawValue] {
      let bytes = row.record.field(column)
      if ResourceRowReader.isPlain(bytes, utf8: row.record.encoding == .utf8) {
        builder.append(bytes)
        return true
      }
    } else if !required {
      builder.append(UnsafeBufferPointer(start: nil, count: 0))
      return true
    }
    guard let text = required ? row.requiredText(name, &log) : row.text(name, &log) else { return false }
    builder.append(text)
    return true
  }

  /// An optional text field; undecodable text is reported and kept as "".
  mutating func optionalText(_ field: Resource.Field, _ row: RowFields, _ log: inout DiagnosticLog) {
    if !text(field, row, &log, required: false) { builder.append("") }
  }

  // (The readers below are `mutating` only so that a call reads the reader in place, never a
  // copy of it, arrays and all.)

  /// The row's district (by its bytes when `codes` is given; the checked path words the error).
  mutating func district(_ row: RowFields, _ districts: DistrictTable, _ codes: DistrictByteIndex?, _ log: inout DiagnosticLog) -> Int? {
    guard let codes, let column = columns?.district else { return row.district(districts, &log) }
    return row.district(at: column, codes: codes, districts, &log)
  }

  /// The capacity: `.some(nil)` when missing, nil when invalid (error logged).
  mutating func capacity(_ row: RowFields, _ log: inout DiagnosticLog) -> Int?? {
    if let column = columns?.capacity {
      switch CellParsing.count(row.record.field(column)) {
      case .value(let v): return .some(v)
      case .missing: return .some(nil)
      case .invalid: break
      }
    } else {
      return .some(nil)
    }
    switch row.count("capacity", &log) {
    case .value(let v): return .some(v)
    case .missing: return .some(nil)
    case .invalid, nil: return nil
    }
  }

  /// The public flag; nil when the cell is not yes or no (error logged).
  mutating func isPublic(_ row: RowFields, _ log: inout DiagnosticLog) -> Bool? {
    if let column = columns?.isPublic {
      if let flag = ResourceRowReader.plainPublicFlag(row.record.field(column)) { return flag }
    } else {
      return true
    }
    guard let publicText = row.text("public", &log) else { return nil }
    switch TextNormalizer.normalizeToken(publicText).lowercased() {
    case "", "yes", "y", "true", "1", "はい", "公開", "○": return true
    case "no", "n", "false", "0", "いいえ", "非公開", "×": return false
    default:
      row.error("public", "public '\(publicText)' must be yes or no", &log)
      return nil
    }
  }

  /// Forgets the fields appended for a row that is not kept.
  mutating func drop() { builder.dropPartial() }

  /// Keeps the row whose fields were all appended.
  mutating func keep(id: String, district: Int, capacity: Int?, isPublic: Bool) {
    kept.append((Int32(stores.count), Int32(builder.count - 1), Int32(truncatingIfNeeded: district), capacity, isPublic))
    ids.append(id)
  }

  /// The kept resources, sorted by the bytes of their ids.
  mutating func finish() -> [Resource] {
    // Not cut to size: the room reserved for the whole file and left over was never touched,
    // so it takes no memory, and cutting it would copy every text (~26 MB nationally).
    stores.append(builder.finish(trimming: false))
    builder = ResourceTexts.Builder()
    let order = ids.indices.sorted { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) }
    return order.map { i in
      let k = kept[i]
      return Resource(texts: stores[Int(k.store)], record: Int(k.record), district: Int(k.district), capacity: k.capacity, isPublic: k.isPublic)
    }
  }

  /// Whether `bytes` read as text are themselves, trimmed: not empty, valid (ASCII in any
  /// encoding, UTF-8 in a UTF-8 file) and without a space, tab or ideographic space (U+3000,
  /// E3 80 80) at an edge: what `TextNormalizer.trimSpaces` removes. (`RowFields.hasNoEdgeSpace`
  /// refuses any first byte E3 and last byte 80, which sends names that begin with kana or end
  /// with ダ or 局 to the checked path; here the whole character is compared.)
  static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>, utf8: Bool) -> Bool {
    guard let first = bytes.first, let last = bytes.last else { return false }
    guard first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 else { return false }
    // (ASCII bytes are plain in any encoding; in UTF-8 the checks below pass them too.)
    guard utf8 else { return StrictUTF8.isASCII(bytes) }
    let n = bytes.count
    if n >= 3 && first == 0xE3 && bytes[1] == 0x80 && bytes[2] == 0x80 { return false }
    if n >= 3 && bytes[n - 3] == 0xE3 && bytes[n - 2] == 0x80 && last == 0x80 { return false }
    return StrictUTF8.isValid(bytes)
  }

  /// The public flag of a plain cell, read from its bytes: true for "", yes, y, true, 1 and
  /// false for no, n, false, 0 (ASCII letters in any case); nil (checked path) for any other
  /// cell. The same answer as lowercasing the ASCII bytes into a String and matching that
  /// against those words (what the loader did before), without a String per row.
  @inline(__always) static func plainPublicFlag(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    let n = bytes.count
    if n == 0 { return true }
    guard n <= 5, isPlain(bytes, utf8: false) else { return nil }
    var word: UInt64 = 0
    for k in 0..<n {
      var b = bytes[k]
      if b >= 0x80 { return nil }
      if b >= 0x41 && b <= 0x5A { b += 0x20 }
      word |= UInt64(b) &<< UInt64(k &* 8)
    }
    switch (n, word) {
    case (3, 0x73_65_79), (1, 0x79), (4, 0x65_75_72_74), (1, 0x31): return true  // yes y true 1
    case (2, 0x6F_6E), (1, 0x6E), (5, 0x65_73_6C_61_66), (1, 0x30): return false  // no n false 0
    default: return nil
    }
  }
}
