/// The districts of districts.csv, in a stable order (sorted by code), with lookup by code.
public struct DistrictTable: Sendable {
  public let districts: [District]
  /// Code -> index, kept only when some code is not ASCII; all-ASCII codes (the usual case)
  /// are found by a binary search of `districts`, which are in byte order of their codes.
  private let position: [String: Int]?
  /// Sorted distinct area names (日常生活圏域), empty if no district has one.
  public let areas: [String]
  /// Per district, its index in `areas`, or nil.
  public let areaIndex: [Int?]

  public init(_ list: [District]) { self.init(list, ascendingASCII: false) }

  /// `init(_:)`, for a loader that has seen that the codes of `list` are all ASCII and strictly
  /// increasing (districts.csv usually is): then nothing is checked or sorted again.
  init(_ list: [District], ascendingASCII: Bool) {
    // Strictly increasing codes: sorting would give `list` itself.
    let inOrder = ascendingASCII || list.withUnsafeBufferPointer { p in
      p.indices.dropFirst().allSatisfy { p[$0 - 1].code < p[$0].code }
    }
    let sorted = inOrder ? list : list.sorted { $0.code < $1.code }
    districts = sorted
    let allASCII = ascendingASCII || sorted.withUnsafeBufferPointer { p in
      p.allSatisfy { StrictUTF8.isASCII($0.code.rawValue) }
    }
    if allASCII {
      position = nil
    } else {
      var position: [String: Int] = [:]
      position.reserveCapacity(sorted.count)
      for (i, d) in sorted.enumerated() { position[d.code.rawValue] = i }
      self.position = position
    }
    // Districts of one area tend to follow each other: a run of one area hashes its name once.
    // (Read in place: a copy of each District would retain its Strings.)
    var names = Set<String>()
    sorted.withUnsafeBufferPointer { p in
      var previous: String? = nil
      for i in p.indices {
        guard let area = p[i].area, area != previous else { continue }
        names.insert(area)
        previous = area
      }
    }
    let areaNames = names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    areas = areaNames
    let areaPosition = Dictionary(uniqueKeysWithValues: areaNames.enumerated().map { ($1, $0) })
    areaIndex = sorted.withUnsafeBufferPointer { p in
      var lastArea: String? = nil
      var lastIndex: Int? = nil
      return p.indices.map { i -> Int? in
        guard let area = p[i].area else { return nil }
        if area != lastArea {
          lastArea = area
          lastIndex = areaPosition[area]
        }
        return lastIndex
      }
    }
  }

  public var count: Int { districts.count }

  /// Whether every district code is ASCII (then no String dictionary is kept).
  var codesAreASCII: Bool { position == nil }

  /// Index of the district with this code, or nil if districts.csv does not declare it.
  /// (Equal as Strings are equal: with all-ASCII codes, a code that is not ASCII can only
  /// equal the ASCII text `DistrictTable.asciiEquivalent` gives, which is searched for.)
  public func index(of code: String) -> Int? {
    if let position { return position[code] }
    guard var key = DistrictTable.asciiEquivalent(code) else { return nil }
    let found = key.withUTF8 { bytes -> Int? in
      districts.withUnsafeBufferPointer { p -> Int? in
        var low = 0
        var high = p.count
        while low < high {
          let mid = (low + high) / 2
          var candidate = p[mid].code.rawValue
          let order = candidate.withUTF8 { compareBytes($0, bytes) }
          if order == 0 {
            // The last of equal codes, as the dictionary a list with repeats built kept.
            var last = mid
            while last + 1 < p.count, p[last + 1].code.rawValue == p[mid].code.rawValue { last += 1 }
            return last
          }
          if order < 0 { low = mid + 1 } else { high = mid }
        }
        return nil
      }
    }
    guard let found, districts[found].code.rawValue == code else { return nil }
    return found
  }

  /// The ASCII text that `code` equals as a String, or nil if no ASCII text does: `code`
  /// itself when ASCII, else `code` with each of the three scalars whose canonical
  /// decomposition is ASCII (U+037E ;, U+1FEF `, U+212A K) replaced, if nothing else is left
  /// that is not ASCII. (Two Strings are equal when their canonical decompositions are, and
  /// ASCII text decomposes to itself.)
  static func asciiEquivalent(_ code: String) -> String? {
    if StrictUTF8.isASCII(code) { return code }
    var bytes: [UInt8] = []
    for scalar in code.unicodeScalars {
      switch scalar.value {
      case 0..<0x80: bytes.append(UInt8(scalar.value))
      case 0x037E: bytes.append(0x3B)
      case 0x1FEF: bytes.append(0x60)
      case 0x212A: bytes.append(0x4B)
      default: return nil
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// A registry of age bands in order of first appearance, so that dense arrays can be indexed
/// by a small integer. `sorted` gives the display order.
public struct BandSet: Sendable, Hashable {
  public private(set) var bands: [AgeBand] = []
  private var position: [AgeBand: Int] = [:]

  public init() {}

  public var count: Int { bands.count }

  /// The index of `band`, registering it if new.
  public mutating func index(for band: AgeBand) -> Int {
    if let i = position[band] { return i }
    position[band] = bands.count
    bands.append(band)
    return bands.count - 1
  }

  public func index(of band: AgeBand) -> Int? { position[band] }

  /// Band indices in age order.
  public var sortedIndices: [Int] { bands.indices.sorted { bands[$0] < bands[$1] } }
}
