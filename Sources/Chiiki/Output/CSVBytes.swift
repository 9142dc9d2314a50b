/// The bytes of a CSV document being built, written in place through a pointer.
///
/// Why not `[UInt8]`: the large CSV files append ~50 million small pieces (numbers of 1–12
/// digits, commas, rendered cells) per national run. `Array.append(contentsOf:)` costs a
/// uniqueness check, a generic copy and a `memcpy` call per piece, and a number had to be
/// formatted into a temporary buffer first; here a number's digits are written straight into
/// the free room (`reserve` then `commit`), and a piece is copied by a loop the compiler sees.
///
/// A value type like the array it replaces: copies share the storage until one of them writes
/// (copy on write, checked where room is reserved).
struct CSVBytes: Sendable {
  /// The allocation (freed with its last owner). Its size never changes: growing makes a new one.
  final class Storage: @unchecked Sendable {
    // Safe: the bytes are written only by the `CSVBytes` that holds the only reference (every
    // write path reserves room first, which copies shared storage); `base` and `capacity` are
    // immutable.
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int

    init(capacity: Int) {
      self.capacity = max(capacity, 16)
      base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }
  }

  private var storage: Storage
  /// How many bytes are in the document.
  private(set) var count: Int = 0

  init(capacity: Int = 0) { storage = Storage(capacity: capacity) }

  /// A document holding `bytes`, with room for at least `capacity` bytes.
  init(_ bytes: [UInt8], capacity: Int = 0) {
    storage = Storage(capacity: max(capacity, bytes.count))
    append(bytes)
  }

  /// The bytes as an array (a copy).
  var array: [UInt8] { withUnsafeBufferPointer { Array($0) } }

  var isEmpty: Bool { count == 0 }

  func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: storage.base, count: count)) }
  }

  /// Where the bytes start, for a reader that keeps pointers into them without a closure (see
  /// `RenderedCells.entry`): valid while this value's storage lives and is not written.
  var unsafeBase: UnsafePointer<UInt8> { UnsafePointer(storage.base) }

  func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
  }

  /// Room for `n` more bytes, owned by this value alone; write at most `n` bytes at the
  /// pointer, then `commit` how many were written.
  @inline(__always)
  mutating func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
    if _slowPath(count &+ n > storage.capacity || !isKnownUniquelyReferenced(&storage)) { grow(n) }
    return storage.base + count
  }

  /// Counts `n` bytes written at `reserve`'s pointer as part of the document.
  @inline(__always)
  mutating func commit(_ n: Int) { count &+= n }

  /// A new allocation with room for `n` more bytes (at least double the old size), holding a
  /// copy of the bytes so far.
  @inline(never)
  private mutating func grow(_ n: Int) {
    let needed = count + n
    let fresh = Storage(capacity: needed > storage.capacity ? max(needed, 2 * storage.capacity) : storage.capacity)
    fresh.base.update(from: storage.base, count: count)
    storage = fresh
  }

  /// Makes room for at least `capacity` bytes in all.
  mutating func reserveCapacity(_ capacity: Int) {
    if capacity > count { _ = reserve(capacity - count) }
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    reserve(1).pointee = byte
    count &+= 1
  }

  /// Appends two bytes (a CR LF, a comma and a quote...).
  @inline(__always)
  mutating func append(_ a: UInt8, _ b: UInt8) {
    let p = reserve(2)
    p[0] = a
    p[1] = b
    count &+= 2
  }

  @inline(__always)
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    let n = bytes.count
    guard n > 0 else { return }
    CSVBytes.copy(bytes, to: reserve(n))
    count &+= n
  }

  /// Copies `bytes` (not empty) to `p`. Short pieces (most cells) without a `memcpy` call: two
  /// word copies that overlap in the middle (each reads and writes inside the piece), or a byte
  /// loop below four bytes.
  @inline(__always)
  static func copy(_ bytes: UnsafeBufferPointer<UInt8>, to p: UnsafeMutablePointer<UInt8>) {
    let n = bytes.count
    let from = UnsafeRawPointer(bytes.baseAddress!)
    let to = UnsafeMutableRawPointer(p)
    if n >= 8 {
      if n <= 16 {
        to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self), toByteOffset: n &- 8, as: UInt64.self)
      } else if n <= 32 {
        to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: n &- 16, as: UInt64.self), toByteOffset: n &- 16, as: UInt64.self)
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self), toByteOffset: n &- 8, as: UInt64.self)
      } else {
        p.update(from: bytes.baseAddress!, count: n)
      }
    } else if n >= 4 {
      to.storeBytes(of: from.loadUnaligned(as: UInt32.self), as: UInt32.self)
      to.storeBytes(of: from.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self), toByteOffset: n &- 4, as: UInt32.self)
    } else {
      var i = 0
      while i < n { p[i] = bytes[i]; i &+= 1 }
    }
  }

  mutating func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

  /// Appends a string's UTF-8.
  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// Drops the bytes from `count` on (nothing when the document is no longer than that).
  mutating func truncate(to count: Int) {
    self.count = max(0, min(count, self.count))
  }

  /// Empties the document, keeping its room.
  mutating func removeAll() {
    if isKnownUniquelyReferenced(&storage) { count = 0 } else { self = CSVBytes(capacity: storage.capacity) }
  }
}
