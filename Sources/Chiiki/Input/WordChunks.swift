/// Appending to a list of 64-bit words kept in fixed-size chunks (the full ones, then the one
/// being filled) instead of one growing array: growing one array doubles it and holds the old
/// and the new storage at once, and chunks of 2 MiB or more are separate mappings that go
/// back to the system when freed (`MemoryTuning`). Used by cases.csv's buffered rows and its
/// duplicate-cell set.
enum WordChunks {
  /// 2 MiB of words: above the allocator's fixed mmap threshold.
  static let size = 1 << 18

  /// Appends `word` to `current`, first moving a full `current` to `full`.
  @inline(__always)
  static func append(_ word: UInt64, to current: inout [UInt64], full: inout [[UInt64]]) {
    if _slowPath(current.count == size) {
      full.append(current)
      current = []
    }
    if _slowPath(current.isEmpty) { current.reserveCapacity(size) }
    current.append(word)
  }
}
