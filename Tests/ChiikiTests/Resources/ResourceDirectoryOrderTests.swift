import Foundation
import Testing

@testable import Chiiki

/// The directory's grouping and order against the filter-and-sort it replaced (kept here as the
/// reference), on random cities: ASCII codes (the integer-rank shortcut), codes with non-ASCII
/// text (the string comparison), canonically equal kinds and names, private resources.
@Suite struct ResourceDirectoryOrderTests {
  /// The model's grouping and order before the rewrite (commit 1dcaaab), as resource ids.
  static func reference(_ resources: [Resource], _ districts: DistrictTable, _ labels: Labels) -> [[String]] {
    let visible = resources.filter(\.isPublic)
    var slots: [(name: String, members: [Resource])] = districts.areas.enumerated().map { a, name in
      (name, visible.filter { districts.areaIndex[$0.district] == a })
    }
    let unplaced = visible.filter { districts.areaIndex[$0.district] == nil }
    if !unplaced.isEmpty {
      slots.append((districts.areas.isEmpty ? labels.directoryWholeCity : labels.directoryOtherArea, unplaced))
    }
    return slots.filter { !$0.members.isEmpty }.flatMap { slot in
      ResourceKinds.sorted(slot.members.map(\.kind)).map { kind in
        [slot.name, kind] + slot.members.filter { $0.kind == kind }.sorted { a, b in
          let ca = districts.districts[a.district].code, cb = districts.districts[b.district].code
          if ca != cb { return ca < cb }
          if a.name != b.name { return a.name.utf8.lexicographicallyPrecedes(b.name.utf8) }
          return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }.map(\.id)
      }
    }
  }

  /// A resource's address as the directory shows it, by its definition (the `String` code the
  /// directory's `addressForm` and `withAddressBytes` replaced): the address with the
  /// district's name beside it, unless the address already names it.
  static func address(_ r: Resource, districts: DistrictTable, labels: Labels) -> String {
    let district = districts.districts[r.district].name
    if r.address.isEmpty { return district }
    return AddressMatch.contains(r.address, district) ? r.address : r.address + labels.parenthesised(district)
  }

  static func city(seed: UInt64, codes: [String]) -> ([Resource], DistrictTable) {
    var rng = OutputTestRandom(seed: seed)
    func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
    let areas: [String?] = ["北部", "南部", "東部", nil]
    let table = DistrictTable(codes.map { District(code: DistrictCode($0), name: "町" + $0, area: pick(areas)) })
    let names = ["a", "b", "が", "か\u{3099}", "カフェ", "A", "相談室"]
    let kinds = ["就労", "相談", "その他", "ガ", "カ\u{3099}", "zzz"]
    let resources = (0..<400).map { i in
      Resource(id: "R\(Int(rng.next() % 50))", name: pick(names), kind: pick(kinds), district: Int(rng.next() % UInt64(codes.count)),
               capacity: nil, target: "", address: pick(["", "町1", "1-2", "東京都町001 1-2"]), contact: "", hours: "",
               url: pick(["", "https://x.jp/\(i)", "javascript:x"]), isPublic: rng.next() % 5 != 0)
    }
    return (resources, table)
  }

  static func ids(_ directory: ResourceDirectory) -> [[String]] {
    directory.areas.flatMap { area in area.kinds.map { [area.name, $0.name] + $0.entries.map { directory.resources[$0.index].id } } }
  }

  @Test func asciiCodesKeepTheOrder() {
    for seed in 1...20 as ClosedRange<UInt64> {
      let codes = (0..<30).map { String(format: "%06d", $0 * 7 % 31) } + ["1", "01", "A1", "a1", "000003", "01"]
      let (resources, table) = Self.city(seed: seed, codes: codes)
      let labels = Labels(.ja)
      let directory = ResourceDirectory(resources: resources, districts: table, labels: labels)
      #expect(Self.ids(directory) == Self.reference(resources, table, labels), "seed \(seed)")
    }
  }

  @Test func nonASCIICodesKeepTheOrder() {
    for seed in 1...20 as ClosedRange<UInt64> {
      let codes = ["が1", "か\u{3099}1", "か1", "001", "002", "か\u{30A2}", "ｘ"]
      let (resources, table) = Self.city(seed: seed, codes: codes)
      let labels = Labels(.en)
      let directory = ResourceDirectory(resources: resources, districts: table, labels: labels)
      #expect(Self.ids(directory) == Self.reference(resources, table, labels), "seed \(seed)")
    }
  }

  @Test func entriesCarryAddressAndLink() throws {
    let (resources, table) = Self.city(seed: 3, codes: ["001", "002"])
    let labels = Labels(.ja)
    let directory = ResourceDirectory(resources: resources, districts: table, labels: labels)
    let entries = directory.areas.flatMap { $0.kinds.flatMap(\.entries) }
    #expect(entries.count == resources.filter(\.isPublic).count)
    // One scratch for all entries, as the renderers use it.
    var scratch: [UInt8] = []
    var forms = Set<ResourceDirectory.AddressForm>()
    for e in entries {
      let r = directory.resources[e.index]
      #expect(r.isPublic)
      let address = Self.address(r, districts: table, labels: labels)
      var bytes: [UInt8] = []
      directory.withAddressBytes(of: e, scratch: &scratch) { bytes = Array($0) }
      #expect(bytes == Array(address.utf8))
      #expect(directory.link(of: e) == (r.url.isEmpty ? nil : ResourceDirectory.linkableURL(r.url)))
      #expect(directory.addressIsEmpty(e) == address.isEmpty)
      forms.insert(e.addressForm)
    }
    // Every form was met (the addresses of `city` are chosen so).
    #expect(forms == [.districtName, .given, .givenWithDistrict])
  }
}
