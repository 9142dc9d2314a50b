import CLibCSV

/// The names of some districts as UTF-8 in one buffer, for the resource directory: an entry's
/// address reads its district's name, and the entries come in directory order, which jumps
/// across the districts. Reading `District.name` there was a cache miss on the district and
/// another on its string (with a retain and a release); here a name is a slice of one small
/// buffer. Only the districts asked for are kept (the others read as empty).
struct DistrictNameBytes: Sendable {
  private var bytes: [UInt8] = []
  /// District d's name is `bytes[starts[d] ..< starts[d + 1]]`.
  private var starts: [Int32]

  /// The names of the districts `used` marks, in district order.
  init(_ districts: DistrictTable, used: [Bool]) {
    starts = [Int32](repeating: 0, count: districts.count + 1)
    var end = 0
    for d in districts.districts.indices {
      if d < used.count, used[d] {
        var name = districts.districts[d].name
        name.withUTF8 { bytes.append(contentsOf: $0) }
        end = bytes.count
      }
      starts[d + 1] = Int32(truncatingIfNeeded: end)
    }
  }

  /// Calls `body` with the UTF-8 of district `d`'s name (empty unless it was asked for).
  @inline(__always)
  func withName<R>(_ d: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    let range = Int(starts[d])..<Int(starts[d + 1])
    return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
  }

  /// Asks the cache for where district `d`'s name lies (a hint: nothing changes), for a reader
  /// that visits districts at random (the directory's resources in input order).
  @inline(__always)
  func prefetch(_ d: Int) {
    starts.withUnsafeBufferPointer { chiiki_prefetch_for_write($0.baseAddress! + d) }
  }

  /// Whether district `d`'s name is empty (or was not asked for).
  func isEmpty(_ d: Int) -> Bool { starts[d] == starts[d + 1] }
}
