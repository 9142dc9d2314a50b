import Foundation

/// The resident- and partner-facing list of social resources, grouped by area (日常生活圏域,
/// from the resource's district) and kind: the model both renderers share.
///
/// Only public resources go in. Areas follow districts.csv's area order; resources in districts
/// without an area come last under "other districts" (or, when no district has an area, one
/// section for the whole city). Kinds follow `ResourceKinds.preferredOrder`; resources within a
/// kind are sorted by district code, name and id.
struct ResourceDirectory {
  struct Kind {
    var name: String
    var resources: [Resource]
  }
  struct Area {
    var name: String
    var kinds: [Kind]
    var count: Int { kinds.reduce(0) { $0 + $1.resources.count } }
  }

  var areas: [Area]
  var count: Int { areas.reduce(0) { $0 + $1.count } }

  init(resources: [Resource], districts: DistrictTable, labels: Labels) {
    let visible = resources.filter(\.isPublic)
    var slots: [(name: String, members: [Resource])] = districts.areas.enumerated().map { a, name in
      (name, visible.filter { districts.areaIndex[$0.district] == a })
    }
    let unplaced = visible.filter { districts.areaIndex[$0.district] == nil }
    if !unplaced.isEmpty {
      slots.append((districts.areas.isEmpty ? labels.directoryWholeCity : labels.directoryOtherArea, unplaced))
    }
    areas = slots.filter { !$0.members.isEmpty }.map { slot in
      let kinds = ResourceKinds.sorted(slot.members.map(\.kind)).map { kind in
        Kind(name: kind, resources: slot.members.filter { $0.kind == kind }.sorted { a, b in
          let ca = districts.districts[a.district].code, cb = districts.districts[b.district].code
          if ca != cb { return ca < cb }
          if a.name != b.name { return a.name.utf8.lexicographicallyPrecedes(b.name.utf8) }
          return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        })
      }
      return Area(name: slot.name, kinds: kinds)
    }
  }

  /// The address with the district's name beside it, unless the address already names it.
  static func address(_ r: Resource, districts: DistrictTable, labels: Labels) -> String {
    let district = districts.districts[r.district].name
    if r.address.isEmpty { return district }
    return r.address.contains(district) ? r.address : r.address + labels.parenthesised(district)
  }

  /// The URL if it is a plain http(s) address that can safely become a link, else nil (shown
  /// as text). Rejects every other scheme (`javascript:`, `data:`, ...), whitespace, control
  /// characters and characters that could break out of a Markdown link or an attribute.
  static func linkableURL(_ text: String) -> String? {
    let url = text.trimmingCharacters(in: .whitespacesAndNewlines)
    let lower = url.lowercased()
    let scheme = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
    guard scheme > 0 else { return nil }
    let host = url.unicodeScalars.dropFirst(scheme)
    guard let first = host.first, first != "/" else { return nil }
    for s in url.unicodeScalars {
      if s.value <= 0x20 || s.value == 0x7F || "<>\"'`\\{}|^".unicodeScalars.contains(s) { return nil }
      if s.properties.generalCategory == .control || s.properties.generalCategory == .format { return nil }
    }
    return url
  }
}
