/// One social resource (社会資源) from resources.csv.
///
/// The text fields live in a `ResourceTexts` buffer shared by every resource of the file (one
/// byte buffer and offsets, instead of a dozen `String`s each: a national list of 165,000
/// resources takes ~38 MB instead of ~100 MB). Reading a field as `String` decodes it from
/// there; the renderers read the bytes in place (`withBytes`).
public struct Resource: Hashable, Sendable {
  /// The text fields, in `ResourceTexts` record order.
  public enum Field: Int, CaseIterable, Sendable {
    case id, name, kind, target, address, contact, hours, url
  }

  private var texts: ResourceTexts
  private var record: UInt32
  private var districtIndex: Int32
  public var capacity: Int?
  /// False keeps the resource (e.g. a private shelter) out of resident-facing output.
  public var isPublic: Bool

  /// A resource whose text is record `record` of `texts` (the loader's way: no copies).
  init(texts: ResourceTexts, record: Int, district: Int, capacity: Int?, isPublic: Bool) {
    self.texts = texts
    self.record = UInt32(truncatingIfNeeded: record)
    self.districtIndex = Int32(truncatingIfNeeded: district)
    self.capacity = capacity
    self.isPublic = isPublic
  }

  public init(
    id: String, name: String, kind: String, district: Int, capacity: Int?, target: String, address: String,
    contact: String, hours: String, url: String, isPublic: Bool
  ) {
    var builder = ResourceTexts.Builder()
    for text in [id, name, kind, target, address, contact, hours, url] { builder.append(text) }
    self.init(texts: builder.finish(), record: 0, district: district, capacity: capacity, isPublic: isPublic)
  }

  public var id: String { get { self[.id] } set { self[.id] = newValue } }
  public var name: String { get { self[.name] } set { self[.name] = newValue } }
  /// Kind of resource, e.g. 就労, 中間的就労, 居場所, 学習支援, 食料支援, 住まい, 相談.
  public var kind: String { get { self[.kind] } set { self[.kind] = newValue } }
  public var district: Int {
    get { Int(districtIndex) }
    set { districtIndex = Int32(truncatingIfNeeded: newValue) }
  }
  public var target: String { get { self[.target] } set { self[.target] = newValue } }
  public var address: String { get { self[.address] } set { self[.address] = newValue } }
  public var contact: String { get { self[.contact] } set { self[.contact] = newValue } }
  public var hours: String { get { self[.hours] } set { self[.hours] = newValue } }
  public var url: String { get { self[.url] } set { self[.url] = newValue } }

  /// A text field; setting one gives the resource a text record of its own.
  public subscript(_ field: Field) -> String {
    get { withBytes(field) { String(decoding: $0, as: UTF8.self) } }
    set {
      var builder = ResourceTexts.Builder()
      for f in Field.allCases {
        if f == field { builder.append(newValue) } else { withBytes(f) { builder.append($0) } }
      }
      texts = builder.finish()
      record = 0
    }
  }

  /// Calls `body` with the UTF-8 bytes of a text field, in place.
  @inline(__always)
  public func withBytes<R>(_ field: Field, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try texts.withBytes(Int(record), field.rawValue, body)
  }

  /// Whether a text field is empty (no decoding).
  public func isEmpty(_ field: Field) -> Bool { texts.isEmpty(Int(record), field.rawValue) }

  public static func == (a: Resource, b: Resource) -> Bool {
    guard a.districtIndex == b.districtIndex, a.capacity == b.capacity, a.isPublic == b.isPublic else { return false }
    return Field.allCases.allSatisfy { a[$0] == b[$0] }
  }

  public func hash(into hasher: inout Hasher) {
    for f in Field.allCases { hasher.combine(self[f]) }
    hasher.combine(districtIndex)
    hasher.combine(capacity)
    hasher.combine(isPublic)
  }
}

/// The text fields of many resources in one byte buffer: record r's field f is the bytes from
/// the end of the field before it (the previous record's last field for f = 0) to
/// `ends[r * fieldCount + f]`. Immutable once built, so shared freely across threads.
public final class ResourceTexts: Sendable {
  static var fieldCount: Int { Resource.Field.allCases.count }
  private let bytes: [UInt8]
  private let ends: [UInt32]

  private init(bytes: [UInt8], ends: [UInt32]) {
    self.bytes = bytes
    self.ends = ends
  }

  /// Number of records.
  var count: Int { ends.count / ResourceTexts.fieldCount }

  @inline(__always)
  private func range(_ record: Int, _ field: Int) -> Range<Int> {
    let k = record * ResourceTexts.fieldCount + field
    return (k == 0 ? 0 : Int(ends[k - 1]))..<Int(ends[k])
  }

  @inline(__always)
  func withBytes<R>(_ record: Int, _ field: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    let r = range(record, field)
    return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[r])) }
  }

  func isEmpty(_ record: Int, _ field: Int) -> Bool { range(record, field).isEmpty }

  /// Bytes held (for memory accounting in tests and timings).
  var byteCount: Int { bytes.capacity + ends.capacity * 4 }

  /// Collects records field by field (`Resource.Field` order); a store holds at most 4 GiB of
  /// text, so `isFull` tells the loader to start another.
  struct Builder {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []

    /// Number of complete records so far.
    var count: Int { ends.count / ResourceTexts.fieldCount }

    /// True when one more record of `size` bytes would not fit the 32-bit offsets.
    func isFull(adding size: Int) -> Bool { bytes.count + size > Int(UInt32.max) }

    mutating func append(_ field: UnsafeBufferPointer<UInt8>) {
      bytes.append(contentsOf: field)
      ends.append(UInt32(truncatingIfNeeded: bytes.count))
    }

    mutating func append(_ text: String) {
      var text = text
      text.withUTF8 { append($0) }
    }

    /// Calls `body` with the bytes of the last field appended.
    func lastField<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
      let k = ends.count - 1
      let start = k == 0 ? 0 : Int(ends[k - 1])
      return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<Int(ends[k])])) }
    }

    /// Drops the fields of an unfinished record (a row that turned out invalid).
    mutating func dropPartial() {
      let whole = count * ResourceTexts.fieldCount
      guard ends.count > whole else { return }
      let keep = whole == 0 ? 0 : Int(ends[whole - 1])
      ends.removeSubrange(whole...)
      bytes.removeSubrange(keep...)
    }

    /// Room for about `bytes` of text and `records` records (no regrowth while loading).
    mutating func reserve(bytes: Int, records: Int) {
      self.bytes.reserveCapacity(bytes)
      ends.reserveCapacity(records * ResourceTexts.fieldCount)
    }

    /// The store, its buffers cut to size when much room is left over (unless `trimming` is
    /// false: room reserved but never written takes no memory).
    func finish(trimming: Bool = true) -> ResourceTexts {
      trimming ? ResourceTexts(bytes: Builder.trimmed(bytes), ends: Builder.trimmed(ends)) : ResourceTexts(bytes: bytes, ends: ends)
    }

    private static func trimmed<T>(_ a: [T]) -> [T] {
      guard a.capacity - a.count > a.count / 16 + 64 else { return a }
      return [T](unsafeUninitializedCapacity: a.count) { buffer, n in
        _ = buffer.initialize(from: a)
        n = a.count
      }
    }
  }
}
