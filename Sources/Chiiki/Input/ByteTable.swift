import CLibCSV
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A hash table keyed by raw field bytes, so that the hot path of a loader can map a cell to
/// what it means (a district index, a period, a band) without building a String per field.
/// Keys live in one byte pool; lookups allocate nothing.
struct ByteTable<Value> {
  private var slots: [Int32]  // entry index + 1, 0 = empty
  private var hashes: [UInt64] = []
  private var starts: [Int] = []
  private var lengths: [Int] = []
  private var values: [Value] = []
  private var pool: [UInt8] = []
  private var mask: Int

  init(capacity: Int = 16) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: 0, count: size)
    mask = size - 1
  }

  var count: Int { values.count }

  @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h ^ (h >> 29)
  }

  /// The value stored for these bytes, if any.
  @inline(__always) func value(for bytes: UnsafeBufferPointer<UInt8>) -> Value? {
    let h = ByteTable.hash(bytes)
    var i = Int(truncatingIfNeeded: h) & mask
    while true {
      let s = Int(slots[i])
      if s == 0 { return nil }
      let e = s - 1
      if hashes[e] == h && lengths[e] == bytes.count && equal(e, bytes) { return values[e] }
      i = (i + 1) & mask
    }
  }

  @inline(__always) private func equal(_ e: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if bytes.isEmpty { return true }
    return pool.withUnsafeBufferPointer { sameBytes($0.baseAddress! + starts[e], bytes.baseAddress!, bytes.count) }
  }

  /// Stores a value for these bytes (first writer wins: a key already present keeps its value).
  mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ value: Value) {
    if self.value(for: bytes) != nil { return }
    if (values.count + 1) * 2 > slots.count { grow() }
    let h = ByteTable.hash(bytes)
    hashes.append(h)
    starts.append(pool.count)
    lengths.append(bytes.count)
    pool.append(contentsOf: bytes)
    values.append(value)
    place(values.count - 1, h)
  }

  mutating func insert(_ bytes: [UInt8], _ value: Value) {
    bytes.withUnsafeBufferPointer { insert($0, value) }
  }

  private mutating func place(_ e: Int, _ h: UInt64) {
    var i = Int(truncatingIfNeeded: h) & mask
    while slots[i] != 0 { i = (i + 1) & mask }
    slots[i] = Int32(e + 1)
  }

  private mutating func grow() {
    let size = slots.count * 2
    slots = Array(repeating: 0, count: size)
    mask = size - 1
    for e in 0..<values.count { place(e, hashes[e]) }
  }
}

/// Maps district-code bytes to district indices: built once per run from districts.csv and
/// shared read-only by every reading thread.
///
/// The hash table keeps a code of up to 8 bytes inside its slot (the bytes as one word next to
/// the length and the index), so that a lookup of a code in random order (resources.csv)
/// misses the cache once, on the slot, instead of three times (slot, code end, code pool).
/// Longer codes keep their hash in the slot and are compared in the pool.
public struct DistrictByteIndex: Sendable {
  /// One slot of the open-addressing table (16 bytes, four to a cache line).
  struct Slot: Sendable {
    /// The code's bytes as a little-endian word (zero-padded) when it has at most 8 bytes,
    /// else its `ByteTable` hash.
    var word: UInt64 = 0
    /// District index + 1; 0 = empty slot.
    var entry: UInt32 = 0
    /// The code's length in bytes.
    var count: UInt32 = 0
  }

  private let codes: [UInt8]
  private let ends: [Int]
  private let slots: [Slot]
  private let mask: Int

  public init(_ table: DistrictTable) {
    // The pool sized exactly first (no regrowth: no copies, no pages touched twice).
    var poolSize = 0
    for d in table.districts { poolSize += d.code.rawValue.utf8.count }
    var codes: [UInt8] = []
    codes.reserveCapacity(poolSize)
    var ends: [Int] = []
    ends.reserveCapacity(table.count)
    for d in table.districts {
      var code = d.code.rawValue
      code.withUTF8 { codes.append(contentsOf: $0) }
      ends.append(codes.count)
    }
    var size = 16
    while size < table.count * 2 { size <<= 1 }
    var slots = [Slot](repeating: Slot(), count: size)
    let mask = size - 1
    codes.withUnsafeBufferPointer { pool in
      for d in 0..<ends.count {
        let start = d == 0 ? 0 : ends[d - 1]
        let key = DistrictByteIndex.key(UnsafeBufferPointer(rebasing: pool[start..<ends[d]]))
        var i = key.home & mask
        while slots[i].entry != 0 { i = (i + 1) & mask }
        slots[i] = Slot(word: key.word, entry: UInt32(d + 1), count: UInt32(ends[d] - start))
      }
    }
    self.codes = codes
    self.ends = ends
    self.slots = slots
    self.mask = mask
  }

  /// The word a slot holds for these bytes (the bytes themselves up to 8, else their hash) and
  /// the slot the probe starts from (before masking).
  @inline(__always) static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> (word: UInt64, home: Int) {
    let n = bytes.count
    let word: UInt64
    if n > 8 {
      word = ByteTable<Int>.hash(bytes)
    } else if n == 8 {
      word = UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(as: UInt64.self)
    } else {
      var w: UInt64 = 0
      var k = 0
      while k < n {
        w |= UInt64(bytes[k]) &<< UInt64(k &* 8)
        k &+= 1
      }
      word = w
    }
    let h = (word ^ UInt64(n)) &* 0x9E37_79B9_7F4A_7C15
    return (word, Int(truncatingIfNeeded: h ^ (h >> 29)))
  }

  /// The first of the `count` districts after `d` whose code is exactly these (UTF-8) bytes,
  /// or nil. Reads the code pool in order (a sorted file's next district is usually near).
  @inline(__always) func scan(_ bytes: UnsafeBufferPointer<UInt8>, after d: Int, count: Int) -> Int? {
    let n = bytes.count
    guard d >= 0, n > 0, let b = bytes.baseAddress else { return nil }
    let last = Swift.min(d + count, ends.count - 1)
    guard d < last else { return nil }
    return codes.withUnsafeBufferPointer { pool -> Int? in
      ends.withUnsafeBufferPointer { e -> Int? in
        var start = e[d]
        var k = d + 1
        while k <= last {
          let end = e[k]
          if end - start == n && sameBytes(pool.baseAddress! + start, b, n) { return k }
          start = end
          k += 1
        }
        return nil
      }
    }
  }

  /// The index of the district whose code is exactly these (UTF-8) bytes.
  @inline(__always) public func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let n = bytes.count
    let key = DistrictByteIndex.key(bytes)
    var i = key.home & mask
    return slots.withUnsafeBufferPointer { table -> Int? in
      while true {
        let slot = table[i]
        if slot.entry == 0 { return nil }
        if slot.word == key.word && Int(slot.count) == n && (n <= 8 || sameCode(Int(slot.entry) - 1, bytes)) {
          return Int(slot.entry) - 1
        }
        i = (i + 1) & mask
      }
    }
  }

  /// Asks the cache for the slot where the lookup of these bytes starts (a hint, no effect on
  /// results): a loader that looks codes up in random order calls it some work ahead of
  /// `index(of:)`, so that the slot's cache miss overlaps that work.
  @inline(__always) func prefetch(_ bytes: UnsafeBufferPointer<UInt8>) {
    let i = DistrictByteIndex.key(bytes).home & mask
    slots.withUnsafeBufferPointer { chiiki_prefetch_for_write($0.baseAddress! + i) }
  }

  /// Whether district `d`'s code is exactly these bytes (codes longer than 8 bytes).
  @inline(never) private func sameCode(_ d: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = d == 0 ? 0 : ends[d - 1]
    guard ends[d] - start == bytes.count else { return false }
    return codes.withUnsafeBufferPointer { sameBytes($0.baseAddress! + start, bytes.baseAddress!, bytes.count) }
  }
}

extension ByteTable: Sendable where Value: Sendable {}

/// `memcmp(a, b, n) == 0` without the library call: keys are short (district codes are
/// usually 8 bytes), so comparing a word at a time inline costs less than the call.
@inline(__always) func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
  let ra = UnsafeRawPointer(a)
  let rb = UnsafeRawPointer(b)
  var i = 0
  while i &+ 8 <= n {
    if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
    i &+= 8
  }
  while i < n {
    if a[i] != b[i] { return false }
    i &+= 1
  }
  return true
}

/// A `ByteTable` with a small memo in front: loaders see few distinct spellings per column
/// (periods, sexes, bands, indicators), and comparing up to 16 bytes as two words costs less
/// than hashing them byte by byte. The entry of the last hit is checked first (columns that
/// keep one value for runs of rows), then two slots of a 256-entry table (a key has two
/// possible places, so that a column's twenty-odd spellings rarely push each other out and
/// fall back to the byte hash). Values are small plain types (indices, periods).
struct FieldCache<Value> {
  private var table = ByteTable<Value>()
  /// One memo entry: the field's bytes as two words and its length (-1: empty).
  fileprivate struct Entry {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var count = -1
    var value: Value? = nil
  }
  private var memo = [Entry](repeating: Entry(), count: 256)
  private var last = Entry()

  /// The value stored for these bytes, if any. Short fields are read as two words, which
  /// `CSVRecord` allows (its buffer has slack past every field).
  @inline(__always) mutating func value(for bytes: UnsafeBufferPointer<UInt8>) -> Value? {
    let n = bytes.count
    guard n <= 16, let p = bytes.baseAddress else { return table.value(for: bytes) }
    let (low, high) = FieldCache.words(p, n)
    if last.count == n && last.low == low && last.high == high { return last.value }
    let h = (low ^ (high &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(n)) &* 0xBF58_476D_1CE4_E5B9
    let first = Int(truncatingIfNeeded: h >> 56)
    let second = Int(truncatingIfNeeded: (h >> 48) & 0xFF)
    let hit = memo.withUnsafeBufferPointer { m -> Int in
      let a = m[first]
      if a.count == n && a.low == low && a.high == high { return first }
      let b = m[second]
      if b.count == n && b.low == low && b.high == high { return second }
      return -1
    }
    if hit >= 0 {
      last = memo.withUnsafeBufferPointer { $0[hit] }
      return last.value
    }
    return miss(bytes, low: low, high: high, first: first, second: second)
  }

  /// `value(for:)` when neither the last entry nor the memo holds the bytes: the table
  /// lookup, remembered in the memo. Kept out of line so that the hit path stays small
  /// enough to inline into the loaders.
  @inline(never) private mutating func miss(
    _ bytes: UnsafeBufferPointer<UInt8>, low: UInt64, high: UInt64, first: Int, second: Int
  ) -> Value? {
    guard let v = table.value(for: bytes) else { return nil }
    let entry = Entry(low: low, high: high, count: bytes.count, value: v)
    let slot = memo[first].count < 0 || memo[second].count >= 0 ? first : second
    memo[slot] = entry
    last = entry
    return v
  }

  /// Stores a value for these bytes (first writer wins).
  mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ value: Value) { table.insert(bytes, value) }

  /// The first `n` (<= 16) bytes at `p` as two words, the rest zeroed.
  @inline(__always) static func words(_ p: UnsafePointer<UInt8>, _ n: Int) -> (UInt64, UInt64) {
    let raw = UnsafeRawPointer(p)
    var low = raw.loadUnaligned(as: UInt64.self)
    var high = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    if n < 8 {
      low &= (1 &<< UInt64(n &* 8)) &- 1
      high = 0
    } else if n < 16 {
      high &= (1 &<< UInt64((n &- 8) &* 8)) &- 1
    }
    return (low, high)
  }
}

/// The last district code looked up, so that runs of rows of one district skip the hash; and
/// a guess that the next row is for the next district (files sorted by district code).
struct DistrictMemo {
  private var lastLow: UInt64 = 0
  private var lastHigh: UInt64 = 0
  private var lastCount = -1
  private var lastIndex = 0

  /// The district index of these bytes from the previous lookup, if they are the same bytes.
  @inline(__always) func cached(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let n = bytes.count
    guard n <= 16, n == lastCount, let p = bytes.baseAddress else { return nil }
    let (low, high) = FieldCache<Int>.words(p, n)
    return low == lastLow && high == lastHigh ? lastIndex : nil
  }

  /// How many districts after the previous one `lookup` compares before giving up: files
  /// sorted by district code skip a few districts that have no row (cases.csv: 99.99% of
  /// changes of district land within 16), and comparing the next codes in `DistrictByteIndex`
  /// order reads memory in sequence where a hash lookup misses the cache on a random slot.
  static let scanAhead = 16

  /// The district index of these bytes: the previous one, one of the `scanAhead` after it, or
  /// nil (then the caller looks the code up). A code in a UTF-8 file, or an ASCII code, is its
  /// bytes, and codes are unique, so a byte match is what the index lookup of
  /// `RowFields.district` would find.
  @inline(__always) mutating func lookup(_ bytes: UnsafeBufferPointer<UInt8>, _ codes: DistrictByteIndex, _ encoding: InputEncoding) -> Int? {
    if let same = cached(bytes) { return same }
    return scanNext(bytes, codes, encoding)
  }

  /// `lookup` when the bytes are not the previous code: the scan of the next codes, kept out
  /// of line so that the common case (the same district as the previous row) inlines.
  @inline(never) private mutating func scanNext(_ bytes: UnsafeBufferPointer<UInt8>, _ codes: DistrictByteIndex, _ encoding: InputEncoding) -> Int? {
    guard lastCount >= 0, encoding == .utf8 || StrictUTF8.isASCII(bytes),
      let found = codes.scan(bytes, after: lastIndex, count: DistrictMemo.scanAhead)
    else { return nil }
    remember(bytes, found)
    return found
  }

  @inline(__always) mutating func remember(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) {
    let n = bytes.count
    guard n <= 16, let p = bytes.baseAddress else {
      lastCount = -1
      return
    }
    (lastLow, lastHigh) = FieldCache<Int>.words(p, n)
    lastCount = n
    lastIndex = index
  }
}
extension FieldCache: Sendable where Value: Sendable {}
extension FieldCache.Entry: Sendable where Value: Sendable {}

/// The value of the field bytes remembered last: a column that keeps one spelling for long
/// runs of rows (the period of a file written month by month) is then answered by comparing
/// two words, without the hash of `FieldCache`. Holds only what the caller's checked path
/// returned for exactly these bytes.
struct LastFieldMemo<Value> {
  private var low: UInt64 = 0
  private var high: UInt64 = 0
  /// Length of the remembered bytes; -1 when nothing is remembered.
  private var count = -1
  private var value: Value? = nil

  /// The remembered value, if these are the remembered bytes (`CSVRecord` slack allows the
  /// two-word read).
  @inline(__always) func value(for bytes: UnsafeBufferPointer<UInt8>) -> Value? {
    let n = bytes.count
    guard n == count, let p = bytes.baseAddress else { return nil }
    let (l, h) = FieldCache<Int>.words(p, n)
    return l == low && h == high ? value : nil
  }

  /// Remembers `value` for these bytes (fields longer than 16 bytes are not remembered).
  @inline(__always) mutating func remember(_ bytes: UnsafeBufferPointer<UInt8>, _ value: Value) {
    let n = bytes.count
    guard n <= 16, let p = bytes.baseAddress else {
      count = -1
      return
    }
    (low, high) = FieldCache<Int>.words(p, n)
    count = n
    self.value = value
  }
}
extension LastFieldMemo: Sendable where Value: Sendable {}
