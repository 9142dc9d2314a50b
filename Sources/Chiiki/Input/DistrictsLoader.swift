/// Reads districts.csv: unique codes, display names, optional area and households.
public enum DistrictsLoader {
  public static let schema = TableSchema(
    file: "districts.csv", required: ["district_code", "district_name"], optional: ["area", "households"])

  public static func load(path: String, encoding: InputEncoding?, log: inout DiagnosticLog) throws(ChiikiError) -> (DistrictTable, CSVReadSummary) {
    var list: [District] = []
    // Each accepted code's index in `lines` (its line): also its index in `list` when no row
    // is refused after its code is taken, which `DistrictTable` then reuses as its lookup.
    var firstSeen: [String: Int] = [:]
    var lines: [Int] = []
    let summary = try readTable(path: path, schema: schema, encoding: encoding, log: &log) { row, log in
      guard let code = row.requiredText("district_code", &log) else { return }
      guard let name = row.requiredText("district_name", &log) else { return }
      if let previous = firstSeen[code] {
        row.error("district_code", "district_code '\(code)' is declared twice (first at line \(lines[previous]))", &log)
        return
      }
      firstSeen[code] = lines.count
      lines.append(row.record.line)
      let area = row.text("area", &log).flatMap { $0.isEmpty ? nil : $0 }
      var households: Int? = nil
      if row.header["households"] != nil {
        switch row.count("households", &log) {
        case .value(let v): households = v
        case .missing: households = nil
        case .invalid, nil: return
        }
      }
      list.append(District(code: DistrictCode(code), name: name, area: area, households: households))
    }
    if list.isEmpty && !log.hasErrors {
      log.add(Diagnostic(.error, file: schema.file, line: 2, "no districts: the file has a header but no rows"))
    }
    return (DistrictTable(list, positions: lines.count == list.count ? firstSeen : nil), summary)
  }
}
