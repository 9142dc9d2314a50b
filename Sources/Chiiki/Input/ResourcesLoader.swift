/// Reads resources.csv (optional): the centre's list of social resources.
///
/// The text of every row goes straight from the field bytes into one `ResourceTexts` buffer
/// (`ResourceRowReader`): no `String` per cell but the resource id, and column positions looked
/// up once per file. Cells that are not plain (undecodable, CP932 text, spaces at an edge,
/// empty required cells) take `RowFields`' checked path, which words every diagnostic.
public enum ResourcesLoader {
  public static let schema = TableSchema(
    file: "resources.csv", required: ["resource_id", "name", "kind", "district_code"],
    optional: ["capacity", "target", "address", "contact", "hours", "url", "public"])

  /// `codes`, when given, looks district codes up by their bytes (same result, no String hash).
  /// With a `hasher`, every byte of the file is also fed to it as it is read.
  public static func load(
    path: String, districts: DistrictTable, encoding: InputEncoding?, log: inout DiagnosticLog,
    codes: DistrictByteIndex? = nil, hasher: UnsafeMutablePointer<SHA256>? = nil
  ) throws(ChiikiError) -> ([Resource], CSVReadSummary) {
    let size = fileSize(path) ?? 0
    var rows = ResourceRows(districts: districts, codes: codes, fileSize: size)
    let summary = try readTable(path: path, schema: schema, encoding: encoding, log: &log, hasher: hasher, into: &rows)
    return (rows.reader.finish(), summary)
  }
}

/// The rows of resources.csv, checked and collected one by one (`ResourcesLoader.load`).
struct ResourceRows: RowConsumer {
  let districts: DistrictTable
  let codes: DistrictByteIndex?
  var reader: ResourceRowReader
  var firstLine: ResourceIDLines

  init(districts: DistrictTable, codes: DistrictByteIndex?, fileSize: Int) {
    self.districts = districts
    self.codes = codes
    reader = ResourceRowReader(fileSize: fileSize)
    firstLine = ResourceIDLines(expected: min(fileSize / 128, 1 << 22))
  }

  mutating func consume(_ row: RowFields, _ log: inout DiagnosticLog) {
    guard let id = reader.begin(row, &log, codes: codes) else { return }
    guard reader.text(.name, row, &log, required: true), reader.text(.kind, row, &log, required: true),
      let d = reader.district(row, districts, codes, &log)
    else { return reader.drop() }
    if let previous = firstLine.insert(id, line: row.record.line) {
      row.error("resource_id", "resource_id '\(id)' is used twice (first at line \(previous))", &log)
      return reader.drop()
    }
    guard let capacity = reader.capacity(row, &log), let isPublic = reader.isPublic(row, &log) else { return reader.drop() }
    // Undecodable optional text is reported and kept as "" (the row stays).
    for field in [Resource.Field.target, .address, .contact, .hours, .url] { reader.optionalText(field, row, &log) }
    reader.keep(id: id, district: d, capacity: capacity, isPublic: isPublic)
  }
}
