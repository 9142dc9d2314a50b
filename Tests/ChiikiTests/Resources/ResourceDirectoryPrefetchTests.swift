import Testing

@testable import Chiiki

/// `ResourceDirectory.prefetch` and `DistrictNameBytes.prefetch` are cache hints: asking for
/// every entry (the first, the last, resources with empty fields) or every district reads only
/// inside the tables and changes nothing.
@Suite struct ResourceDirectoryPrefetchTests {
  @Test func prefetchEveryEntryChangesNothing() {
    for seed in 1...5 as ClosedRange<UInt64> {
      let (resources, table) = ResourceDirectoryOrderTests.city(seed: seed, codes: ["001", "002", "003"])
      let directory = ResourceDirectory(resources: resources, districts: table, labels: Labels(.ja))
      let before = ResourceDirectoryOrderTests.ids(directory)
      var visited = 0
      for area in directory.areas {
        for kind in area.kinds {
          // Past the end too: the hints for entries that do not exist are skipped.
          for k in 0...(kind.entries.count + ResourceDirectory.prefetchAhead) {
            directory.prefetch(kind.entries, before: k)
          }
          visited += kind.entries.count
        }
      }
      #expect(visited == directory.count && visited > 2 * ResourceDirectory.prefetchAhead)
      #expect(ResourceDirectoryOrderTests.ids(directory) == before)
    }
  }

  @Test func namePrefetchChangesNoName() {
    let (_, table) = ResourceDirectoryOrderTests.city(seed: 2, codes: ["001", "002", "003", "004"])
    let used = [true, false, true, true]
    let names = DistrictNameBytes(table, used: used)
    for d in 0..<table.count {
      names.prefetch(d)
      let name = names.withName(d) { String(decoding: $0, as: UTF8.self) }
      #expect(name == (used[d] ? table.districts[d].name : ""))
    }
  }
}
