import Foundation

@testable import Chiiki

/// The reference for `ResourcesLoader`: the loader as it was before the text moved into one
/// byte buffer (commit c05d59b, a `String` per cell and a header lookup per cell), kept here to
/// check the new one against on awkward input.
enum ReferenceResourcesLoader {
  static func load(
    path: String, districts: DistrictTable, encoding: InputEncoding?, log: inout DiagnosticLog,
    codes: DistrictByteIndex? = nil
  ) throws(ChiikiError) -> ([Resource], CSVReadSummary) {
    var list: [Resource] = []
    var firstLine: [String: Int] = [:]
    let summary = try readTable(path: path, schema: ResourcesLoader.schema, encoding: encoding, log: &log) { row, log in
      guard let id = row.requiredText("resource_id", &log), let name = row.requiredText("name", &log),
        let kind = row.requiredText("kind", &log), let d = district(row, districts, codes, &log)
      else { return }
      if let previous = firstLine[id] {
        row.error("resource_id", "resource_id '\(id)' is used twice (first at line \(previous))", &log)
        return
      }
      firstLine[id] = row.record.line
      var capacity: Int? = nil
      switch row.count("capacity", &log) {
      case .value(let v): capacity = v
      case .missing: capacity = nil
      case .invalid, nil: return
      }
      guard let publicText = row.text("public", &log) else { return }
      let isPublic: Bool
      switch TextNormalizer.normalizeToken(publicText).lowercased() {
      case "", "yes", "y", "true", "1", "はい", "公開", "○": isPublic = true
      case "no", "n", "false", "0", "いいえ", "非公開", "×": isPublic = false
      default:
        row.error("public", "public '\(publicText)' must be yes or no", &log)
        return
      }
      list.append(Resource(
        id: id, name: name, kind: kind, district: d, capacity: capacity,
        target: row.text("target", &log) ?? "", address: row.text("address", &log) ?? "",
        contact: row.text("contact", &log) ?? "", hours: row.text("hours", &log) ?? "",
        url: row.text("url", &log) ?? "", isPublic: isPublic))
    }
    list.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    return (list, summary)
  }

  /// The row's district: by its bytes when `codes` is given (falling back to the text lookup,
  /// which also words the error), else by its text.
  private static func district(_ row: RowFields, _ districts: DistrictTable, _ codes: DistrictByteIndex?, _ log: inout DiagnosticLog) -> Int? {
    guard let codes, let column = row.header["district_code"] else { return row.district(districts, &log) }
    return row.district(at: column, codes: codes, districts, &log)
  }
}
