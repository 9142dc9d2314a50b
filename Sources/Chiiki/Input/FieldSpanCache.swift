/// Remembers what the bytes of three adjacent fields of a record mean together, so that a
/// loader whose rows mix a few values per column at random (cases.csv: sex, age_group and
/// category change from row to row) looks the three up at once: one hash and one compare of at
/// most 32 bytes, instead of three `FieldCache` lookups whose "same as the last row" checks
/// mispredict on nearly every row. The key is the span's bytes and where its inner fields end,
/// so two rows share an entry only when each of the three fields has the same bytes. Values
/// are what the caller's own caches gave for those bytes (they only ever hold what the checked
/// path returned), so results are the same with or without this cache.
struct FieldSpanCache {
  /// One entry: the span's first and last 16 bytes (the last ones zero for spans under 16
  /// bytes), its shape (`meta`: length and inner field ends; `empty` for an unused entry) and
  /// the value.
  private struct Entry {
    var a: UInt64 = 0
    var b: UInt64 = 0
    var c: UInt64 = 0
    var d: UInt64 = 0
    var meta: UInt64 = FieldSpanCache.empty
    var value: UInt64 = 0
  }

  private static let empty: UInt64 = .max
  private static let bits = 10
  private var entries = [Entry](repeating: Entry(), count: 1 << FieldSpanCache.bits)

  /// The key of fields `first`, `first + 1` and `first + 2` of `record` (the record must have
  /// them), or nil when the span is longer than 32 bytes (not cached).
  @inline(__always) private static func key(_ record: CSVRecord, first: Int) -> Entry? {
    let start = first == 0 ? 0 : record.endOffsets[first - 1]
    let end = record.endOffsets[first + 2]
    let n = end - start
    guard n <= 32 else { return nil }
    let p = record.base + start
    var e = Entry()
    if n < 16 {
      (e.a, e.b) = FieldCache<Int>.words(p, n)
    } else {
      // The first and the last 16 bytes (overlapping when shorter than 32) cover the span.
      let raw = UnsafeRawPointer(p)
      e.a = raw.loadUnaligned(as: UInt64.self)
      e.b = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
      e.c = raw.loadUnaligned(fromByteOffset: n - 16, as: UInt64.self)
      e.d = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }
    e.meta = UInt64(n) | UInt64(record.endOffsets[first] - start) << 8 | UInt64(record.endOffsets[first + 1] - start) << 16
    return e
  }

  /// The two entries a key may sit in.
  @inline(__always) private static func slots(_ e: Entry) -> (Int, Int) {
    var h = (e.a &* 0x9E37_79B9_7F4A_7C15) ^ (e.b &* 0xC2B2_AE3D_27D4_EB4F) ^ (e.c &* 0x1656_67B1_9E37_79F9)
    h ^= (e.d &* 0x85EB_CA77_C2B2_AE63) ^ e.meta
    h = (h ^ (h >> 31)) &* 0xBF58_476D_1CE4_E5B9
    let mask = UInt64((1 << bits) - 1)
    return (Int(truncatingIfNeeded: (h >> 40) & mask), Int(truncatingIfNeeded: (h >> 20) & mask))
  }

  @inline(__always) private static func same(_ x: Entry, _ y: Entry) -> Bool {
    x.meta == y.meta && x.a == y.a && x.b == y.b && x.c == y.c && x.d == y.d
  }

  /// The value stored for the bytes of fields `first...first + 2`, if any.
  @inline(__always) func value(_ record: CSVRecord, first: Int) -> UInt64? {
    guard let k = FieldSpanCache.key(record, first: first) else { return nil }
    let (i, j) = FieldSpanCache.slots(k)
    return entries.withUnsafeBufferPointer { t -> UInt64? in
      if FieldSpanCache.same(t[i], k) { return t[i].value }
      if FieldSpanCache.same(t[j], k) { return t[j].value }
      return nil
    }
  }

  /// Stores a value for the bytes of fields `first...first + 2` (nothing for a span over 32
  /// bytes), in a free one of its two entries, else in place of the first.
  mutating func insert(_ record: CSVRecord, first: Int, _ value: UInt64) {
    guard var k = FieldSpanCache.key(record, first: first) else { return }
    k.value = value
    let (i, j) = FieldSpanCache.slots(k)
    entries[entries[i].meta != FieldSpanCache.empty && entries[j].meta == FieldSpanCache.empty ? j : i] = k
  }
}
