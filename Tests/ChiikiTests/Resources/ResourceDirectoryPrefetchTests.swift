import Testing

@testable import Chiiki

/// `ResourceDirectory.prefetch` is a cache hint: asking for every entry (the first, the last,
/// resources with empty fields) reads only inside the records and changes nothing.
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
}
