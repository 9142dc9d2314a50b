import CLibCSV
import Foundation

/// The resident- and partner-facing list of social resources, grouped by area (日常生活圏域,
/// from the resource's district) and kind: the model both renderers share.
///
/// Only public resources go in. Areas follow districts.csv's area order; resources in districts
/// without an area come last under "other districts" (or, when no district has an area, one
/// section for the whole city). Kinds follow `ResourceKinds.preferredOrder`; resources within a
/// kind are sorted by district code, name and id.
struct ResourceDirectory {
  /// Bytes a renderer writing to a file holds before sending them on.
  static var chunk: Int { 1 << 20 }

  /// One listed resource with what both renderers show of it, worked out once.
  struct Entry {
    /// The resource's position in `resources`.
    var index: Int
    /// Which text the resource's address shows (`ResourceDirectory.withAddressBytes(of:)` gives
    /// its bytes): decided once from the bytes, so that no address `String` is built and kept
    /// per entry.
    var addressForm: AddressForm
    /// How its URL shows (`ResourceDirectory.link(of:)` gives the link): 0, as text (or there is
    /// no URL); 1, as a link to the URL as given; k + 2, as a link to `trimmedLinks[k]` (a URL
    /// that `linkableURL` trims). A number, not the link's `String`: copying an entry retained
    /// the string, a cache miss per entry in directory order.
    var linkSlot: Int32
  }

  /// Which text a resource's address shows: the address as given with the district's name
  /// beside it, unless the address already names the district (an empty address: the name).
  enum AddressForm: UInt8 {
    /// The district's name (the address is empty).
    case districtName
    /// The address as given (it names the district).
    case given
    /// The address, then the district's name in brackets (`Labels.parenthesised`).
    case givenWithDistrict
  }
  struct Kind {
    var name: String
    var entries: [Entry]
  }
  struct Area {
    var name: String
    var kinds: [Kind]
    var count: Int { kinds.reduce(0) { $0 + $1.entries.count } }
  }

  /// All resources as given (entries point into them; a resource is never copied).
  let resources: [Resource]
  /// The names of the listed resources' districts (for the district part of an address).
  let districtNames: DistrictNameBytes
  /// The links that differ from their URL as given (see `Entry.linkSlot`).
  let trimmedLinks: [String]
  /// `labels.parenthesised` around a name: the UTF-8 before and after it.
  let parenthesisOpen: [UInt8]
  let parenthesisClose: [UInt8]
  var areas: [Area]
  var count: Int { areas.reduce(0) { $0 + $1.count } }

  init(resources: [Resource], districts: DistrictTable, labels: Labels) {
    self.resources = resources
    // Public resources by area in one pass (in input order within each area).
    var byArea = Array(repeating: [Int](), count: districts.areas.count)
    var unplaced: [Int] = []
    // Each listed resource's address form and link, worked out here in input order (reading
    // its texts where they lie) rather than in the directory's order, where each read is a
    // jump through the texts.
    var used = [Bool](repeating: false, count: districts.count)
    for r in resources where r.isPublic { used[r.district] = true }
    let names = DistrictNameBytes(districts, used: used)
    districtNames = names
    // Each used district's area index (-1: none), read in district order into a table a
    // quarter the size of `areaIndex` (read per resource, in input order: a jump each time).
    var areaOf = [Int32](repeating: -1, count: districts.count)
    for d in used.indices where used[d] {
      if let a = districts.areaIndex[d] { areaOf[d] = Int32(truncatingIfNeeded: a) }
    }
    var forms = [AddressForm](repeating: .districtName, count: resources.count)
    var linkSlots = [Int32](repeating: 0, count: resources.count)
    var trimmed: [String] = []
    for i in resources.indices {
      // The district tables this loop reads at random (the resource's area and its
      // district's name), asked for some resources ahead.
      if i &+ 16 < resources.count {
        let d = resources[i &+ 16].district
        areaOf.withUnsafeBufferPointer { chiiki_prefetch_for_write($0.baseAddress! + d) }
        names.prefetch(d)
      }
      guard resources[i].isPublic else { continue }
      forms[i] = ResourceDirectory.addressForm(resources[i], names: names)
      if !resources[i].isEmpty(.url) {
        // `linkableURL`, decided on the bytes in place when they are printable ASCII (then the
        // link is the URL as given).
        if let ascii = resources[i].withBytes(.url, ResourceDirectory.printableASCIILink) {
          if ascii { linkSlots[i] = 1 }
        } else if let link = ResourceDirectory.linkableURLByScalars(resources[i].url) {
          if link == resources[i].url, link.utf8.elementsEqual(resources[i].url.utf8) {
            linkSlots[i] = 1
          } else {
            linkSlots[i] = Int32(truncatingIfNeeded: trimmed.count + 2)
            trimmed.append(link)
          }
        }
      }
      let a = Int(areaOf[resources[i].district])
      if a >= 0 {
        if byArea.indices.contains(a) { byArea[a].append(i) }
      } else {
        unplaced.append(i)
      }
    }
    trimmedLinks = trimmed
    let parenthesised = Array(labels.parenthesised("\u{0}").utf8)
    let cut = parenthesised.firstIndex(of: 0) ?? parenthesised.count
    parenthesisOpen = Array(parenthesised[..<cut])
    parenthesisClose = cut < parenthesised.count ? Array(parenthesised[(cut + 1)...]) : []
    var slots: [(name: String, members: [Int])] = Array(zip(districts.areas, byArea))
    if !unplaced.isEmpty {
      slots.append((districts.areas.isEmpty ? labels.directoryWholeCity : labels.directoryOtherArea, unplaced))
    }
    let order = CodeOrder(used: used, districts)
    areas = slots.filter { !$0.members.isEmpty }.map { slot in
      // Grouped by kind without a `String` (and its hash) per resource: the few distinct kind
      // byte sequences first (in order of first appearance, the instances a `Set` of all the
      // kinds keeps), then their groups joined by text (equal text, one kind).
      var distinct: [String] = []
      var distinctBytes: [[UInt8]] = []
      var groups: [[Int]] = []
      for m in slot.members {
        let j = resources[m].withBytes(.kind) { bytes in
          distinctBytes.firstIndex { known in
            known.withUnsafeBufferPointer { ResourceDirectory.sameBytes($0, bytes) }
          }
        }
        if let j {
          groups[j].append(m)
        } else {
          distinct.append(resources[m].kind)
          distinctBytes.append(resources[m].withBytes(.kind) { Array($0) })
          groups.append([m])
        }
      }
      var byKind: [String: [Int]] = [:]
      for (j, kind) in distinct.enumerated() {
        // Byte-different spellings of one kind (e.g. NFC and NFD) share its group, in input
        // order (members are ascending), as grouping by the text itself gives.
        if let earlier = byKind[kind] { byKind[kind] = (earlier + groups[j]).sorted() } else { byKind[kind] = groups[j] }
      }
      let kinds = ResourceKinds.sorted(distinct).map { kind in
        // Names and ids are decoded only for resources in the same district (most comparisons
        // are settled by the district).
        func sameDistrictPrecedes(_ i: Int, _ j: Int) -> Bool {
          let (a, b) = (resources[i].name, resources[j].name)
          if a != b { return a.utf8.lexicographicallyPrecedes(b.utf8) }
          return resources[i].id.utf8.lexicographicallyPrecedes(resources[j].id.utf8)
        }
        let members = byKind[kind] ?? []
        let sorted: [Int]
        if let ranks = order.ranks {
          // The same comparisons on (district rank, position) pairs, so that most of them read
          // two integers side by side instead of two resources (the same sort, the same
          // answers: the same order, ties included).
          let keyed = members.map { (rank: ranks[resources[$0].district], index: $0) }.sorted { x, y in
            x.rank != y.rank ? x.rank < y.rank : sameDistrictPrecedes(x.index, y.index)
          }
          sorted = keyed.map(\.index)
        } else {
          sorted = members.sorted { i, j in
            if let before = order.precedes(resources[i].district, resources[j].district) { return before }
            return sameDistrictPrecedes(i, j)
          }
        }
        return Kind(name: kind, entries: sorted.map { i in
          Entry(index: i, addressForm: forms[i], linkSlot: linkSlots[i])
        })
      }
      return Area(name: slot.name, kinds: kinds)
    }
  }

  /// Whether two byte runs hold the same bytes (`elementsEqual`, by the word-wise `sameBytes`).
  static func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard a.count > 0, let x = a.baseAddress, let y = b.baseAddress else { return true }
    return Chiiki.sameBytes(x, y, a.count)
  }

  /// The order of resources by their district's code: `precedes(a, b)` is what
  /// `code(a) != code(b) ? code(a) < code(b) : nil` gives, from small integers when every code is
  /// ASCII (districts are sorted by code bytes, and ASCII text is equal only when its bytes are).
  struct CodeOrder {
    private let districts: DistrictTable
    /// Per district, the rank of its code among the codes of the listed resources' districts
    /// (equal bytes, equal rank; -1 for other districts); empty when some code is not ASCII.
    private var rank: [Int] = []

    /// `used`: per district, whether a listed resource names it (a district marked but not
    /// named by a listed resource gets a rank that is never read, in code order like the rest).
    init(used: [Bool], _ districts: DistrictTable) {
      self.districts = districts
      var rank = Array(repeating: -1, count: districts.count)
      var previous: String? = nil
      var r = -1
      for d in used.indices where used[d] {
        let code = districts.districts[d].code.rawValue
        if code.utf8.contains(where: { $0 >= 0x80 }) { return }
        if previous.map({ !$0.utf8.elementsEqual(code.utf8) }) ?? true { r += 1 }
        previous = code
        rank[d] = r
      }
      self.rank = rank
    }

    /// Per district, its rank (see `rank`), when every code is ASCII; nil otherwise.
    var ranks: [Int]? { rank.isEmpty ? nil : rank }

    func precedes(_ a: Int, _ b: Int) -> Bool? {
      if !rank.isEmpty { return rank[a] != rank[b] ? rank[a] < rank[b] : nil }
      let ca = districts.districts[a].code, cb = districts.districts[b].code
      return ca != cb ? ca < cb : nil
    }
  }

  /// Calls `body` with the UTF-8 (valid) of the entry's address as its `addressForm` says: the
  /// address, the district's name, or the address then the name in `labels.parenthesised`
  /// (built in `scratch`).
  func withAddressBytes(of entry: Entry, scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    let r = resources[entry.index]
    switch entry.addressForm {
    case .given:
      r.withBytes(.address, body)
    case .districtName:
      districtNames.withName(r.district, body)
    case .givenWithDistrict:
      // `address + labels.parenthesised(name)`: String concatenation joins the bytes.
      scratch.removeAll(keepingCapacity: true)
      r.withBytes(.address) { scratch.append(contentsOf: $0) }
      scratch.append(contentsOf: parenthesisOpen)
      districtNames.withName(r.district) { scratch.append(contentsOf: $0) }
      scratch.append(contentsOf: parenthesisClose)
      scratch.withUnsafeBufferPointer(body)
    }
  }

  /// Whether the entry's address is empty (only the district's name, and that empty).
  func addressIsEmpty(_ entry: Entry) -> Bool {
    entry.addressForm == .districtName && districtNames.isEmpty(resources[entry.index].district)
  }

  /// The link an entry's URL becomes (`linkableURL` of it), nil when it shows as text.
  func link(of entry: Entry) -> String? {
    switch entry.linkSlot {
    case 0: return nil
    case 1: return resources[entry.index].url
    default: return trimmedLinks[Int(entry.linkSlot) - 2]
    }
  }

  /// Which form a resource's address takes (an empty address gives the district's name; an
  /// address that `AddressMatch.contains` the name is kept as it is), decided on the address's
  /// bytes in place.
  static func addressForm(_ r: Resource, names: DistrictNameBytes) -> AddressForm {
    if r.isEmpty(.address) { return .districtName }
    let named = r.withBytes(.address) { address in
      names.withName(r.district) { AddressMatch.plainContains(utf8: address, $0) }
    } ?? names.withName(r.district) { AddressMatch.contains(r.address, String(decoding: $0, as: UTF8.self)) }
    return named ? .given : .givenWithDistrict
  }

  /// The URL if it is a plain http(s) address that can safely become a link, else nil (shown
  /// as text). Rejects every other scheme (`javascript:`, `data:`, ...), whitespace, control
  /// characters and characters that could break out of a Markdown link or an attribute.
  static func linkableURL(_ text: String) -> String? {
    if let decided = text.utf8.withContiguousStorageIfAvailable(printableASCIILink), let linkable = decided {
      return linkable ? text : nil
    }
    return linkableURLByScalars(text)
  }

  /// `linkableURL` scalar by scalar: the definition, used for text that is not all printable ASCII.
  static func linkableURLByScalars(_ text: String) -> String? {
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

  /// `linkableURL` decided on the bytes when they are all printable ASCII (no space or control,
  /// so trimming changes nothing and every character is one byte); nil otherwise.
  static func printableASCIILink(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    for b in bytes where b <= 0x20 || b >= 0x7F { return nil }
    func hasScheme(_ scheme: StaticString) -> Bool {
      let n = scheme.utf8CodeUnitCount
      guard bytes.count >= n else { return false }
      for i in 0..<n {
        let b = bytes[i]
        if (b >= 0x41 && b <= 0x5A ? b + 0x20 : b) != scheme.utf8Start[i] { return false }
      }
      return true
    }
    let scheme = hasScheme("https://") ? 8 : hasScheme("http://") ? 7 : 0
    guard scheme > 0, bytes.count > scheme, bytes[scheme] != 0x2F else { return false }
    for b in bytes {
      switch b {
      case 0x3C, 0x3E, 0x22, 0x27, 0x60, 0x5C, 0x7B, 0x7D, 0x7C, 0x5E: return false
      default: continue
      }
    }
    return true
  }
}
