/// A UTF-8 document built in place: text goes in as bytes, escaped on the way when asked, so
/// that a large document (the resource directory of a national run, a funnel plot with a point
/// per district) is not built by `String` concatenation.
///
/// The bytes are a `CSVBytes` (the CSV writer's storage): numbers are written straight into
/// the free room, and a piece is appended without the array's generic copy.
struct ByteText {
  private(set) var storage: CSVBytes

  init(capacity: Int = 1 << 16) { storage = CSVBytes(capacity: capacity) }

  /// The document's bytes (a copy).
  var bytes: [UInt8] { storage.array }

  /// How many bytes the document holds.
  var count: Int { storage.count }

  /// Calls `body` with the document's bytes, in place.
  func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R { try storage.withUnsafeBytes(body) }

  /// Appends text as it is.
  mutating func add(_ text: String) { storage.append(text) }

  /// Appends UTF-8 bytes as they are.
  mutating func add(_ utf8: [UInt8]) { utf8.withUnsafeBufferPointer { storage.append($0) } }

  /// Appends UTF-8 bytes as they are.
  mutating func add(utf8: UnsafeBufferPointer<UInt8>) { storage.append(utf8) }

  /// Appends one byte (an ASCII character).
  mutating func add(byte: UInt8) { storage.append(byte) }

  /// Calls `body` with the document's bytes, in place.
  func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try storage.withUnsafeBufferPointer(body)
  }

  /// Appends a whole number (`String(value)`).
  mutating func add(_ value: Int) { NumberFormat.appendInteger(value, to: &storage) }

  /// Appends `NumberFormat.fixed(value, places)` (inlined: `places` is a constant at the calls).
  @inline(__always)
  mutating func add(_ value: Double, places: Int) {
    guard value.isFinite else { return }
    if !NumberFormat.appendFixedInRange(value, places, to: &storage) { storage.append(String(value)) }
  }

  /// Appends another document's bytes.
  mutating func add(_ other: ByteText) { other.storage.withUnsafeBufferPointer { storage.append($0) } }

  /// Appends `HTML.escape(text)`.
  mutating func addHTML(_ text: String) { EscapeBytes.appendHTML(text, to: &storage) }

  /// Appends `Markdown.escape(text)`.
  mutating func addMarkdown(_ text: String) { EscapeBytes.appendMarkdown(text, to: &storage) }

  /// Appends `HTML.escape` of the text whose UTF-8 is `utf8`.
  mutating func addHTML(utf8: UnsafeBufferPointer<UInt8>) { EscapeBytes.appendHTML(utf8, to: &storage) }

  /// Appends `Markdown.escape` of the text whose UTF-8 is `utf8`.
  mutating func addMarkdown(utf8: UnsafeBufferPointer<UInt8>) { EscapeBytes.appendMarkdown(utf8, to: &storage) }

  /// Forgets the bytes so far, keeping the room (a document sent on in chunks).
  mutating func removeAll() { storage.removeAll() }

  /// The document as text.
  var text: String { storage.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) } }
}
