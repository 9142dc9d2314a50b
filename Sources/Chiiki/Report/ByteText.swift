/// A UTF-8 document built in place: text goes in as bytes, escaped on the way when asked, so
/// that a large document (the resource directory of a national run) is not built by `String`
/// concatenation.
struct ByteText {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

  /// Appends text as it is.
  mutating func add(_ text: String) { bytes.append(contentsOf: text.utf8) }

  /// Appends a whole number (`String(value)`).
  mutating func add(_ value: Int) { NumberFormat.appendInteger(value, to: &bytes) }

  /// Appends `NumberFormat.fixed(value, places)`.
  mutating func add(_ value: Double, places: Int) { NumberFormat.appendFixed(value, places, to: &bytes) }

  /// Appends another document's bytes.
  mutating func add(_ other: ByteText) { bytes.append(contentsOf: other.bytes) }

  /// Appends `HTML.escape(text)`.
  mutating func addHTML(_ text: String) { EscapeBytes.appendHTML(text, to: &bytes) }

  /// Appends `Markdown.escape(text)`.
  mutating func addMarkdown(_ text: String) { EscapeBytes.appendMarkdown(text, to: &bytes) }

  /// Appends `HTML.escape` of the text whose UTF-8 is `utf8`.
  mutating func addHTML(utf8: UnsafeBufferPointer<UInt8>) { EscapeBytes.appendHTML(utf8, to: &bytes) }

  /// Appends `Markdown.escape` of the text whose UTF-8 is `utf8`.
  mutating func addMarkdown(utf8: UnsafeBufferPointer<UInt8>) { EscapeBytes.appendMarkdown(utf8, to: &bytes) }

  /// Forgets the bytes so far, keeping the room (a document sent on in chunks).
  mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

  /// The document as text.
  var text: String { String(decoding: bytes, as: UTF8.self) }
}
