/// The districts of districts.csv, in a stable order (sorted by code), with lookup by code.
public struct DistrictTable: Sendable {
  public let districts: [District]
  private let position: [String: Int]
  /// Sorted distinct area names (日常生活圏域), empty if no district has one.
  public let areas: [String]
  /// Per district, its index in `areas`, or nil.
  public let areaIndex: [Int?]

  public init(_ list: [District]) { self.init(list, positions: nil) }

  /// `init(_:)`, for a loader that has already mapped each code of `list` to its position in
  /// `list` (codes unique): when `list` is already in code order (districts.csv usually is),
  /// that map is kept instead of building the same one again, and nothing is sorted.
  init(_ list: [District], positions: [String: Int]?) {
    // Strictly increasing codes: sorting would give `list` itself.
    let inOrder = list.indices.dropFirst().allSatisfy { list[$0 - 1].code < list[$0].code }
    let sorted = inOrder ? list : list.sorted { $0.code < $1.code }
    districts = sorted
    if inOrder, let positions, positions.count == sorted.count {
      self.position = positions
    } else {
      var position: [String: Int] = [:]
      position.reserveCapacity(sorted.count)
      for (i, d) in sorted.enumerated() { position[d.code.rawValue] = i }
      self.position = position
    }
    // Districts of one area tend to follow each other: a run of one area hashes its name once.
    var names = Set<String>()
    var previous: String? = nil
    for d in sorted {
      guard let area = d.area, area != previous else { continue }
      names.insert(area)
      previous = area
    }
    let areaNames = names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    areas = areaNames
    let areaPosition = Dictionary(uniqueKeysWithValues: areaNames.enumerated().map { ($1, $0) })
    var lastArea: String? = nil
    var lastIndex: Int? = nil
    areaIndex = sorted.map { d in
      guard let area = d.area else { return nil }
      if area != lastArea {
        lastArea = area
        lastIndex = areaPosition[area]
      }
      return lastIndex
    }
  }

  public var count: Int { districts.count }

  /// Index of the district with this code, or nil if districts.csv does not declare it.
  public func index(of code: String) -> Int? { position[code] }
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
