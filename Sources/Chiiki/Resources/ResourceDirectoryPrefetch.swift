import CLibCSV

/// Cache hints for the directory's renderers: entries come in directory order (area, kind,
/// district code), their resources' records in input order, so each entry's record (the
/// `Resource`, its text offsets and some 200 bytes of text) is a jump through memory. The
/// renderers ask for an entry's record some entries before they write it.
extension ResourceDirectory {
  /// How many entries ahead the text is asked for (the `Resource` itself twice as far).
  static var prefetchAhead: Int { 8 }

  /// Hints for the entries after `entries[k]` (nothing changes; a renderer calls it before
  /// appending entry `k`).
  @inline(__always)
  func prefetch(_ entries: [Entry], before k: Int) {
    let ahead = ResourceDirectory.prefetchAhead
    let far = k &+ 2 &* ahead
    if far < entries.count {
      let i = entries[far].index
      resources.withUnsafeBufferPointer { chiiki_prefetch_for_write($0.baseAddress! + i) }
    }
    let near = k &+ ahead
    guard near < entries.count else { return }
    resources.withUnsafeBufferPointer { all in
      let r = all.baseAddress! + entries[near].index
      // The record's text from its name to its URL (fields are stored in that order).
      let start = r.pointee.withBytes(.name) { $0.baseAddress }
      let end = r.pointee.withBytes(.url) { url in url.baseAddress.map { $0 + url.count } }
      guard let start, let end else { return }
      var p = UnsafeRawPointer(start)
      let last = UnsafeRawPointer(end)
      var lines = 0
      while p < last && lines < 5 {
        chiiki_prefetch_for_write(p)
        p += 64
        lines &+= 1
      }
    }
  }
}
