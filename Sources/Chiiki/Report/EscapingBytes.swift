/// `HTML.escape` and `Markdown.escape` written straight into a byte buffer.
///
/// The escapes are defined on characters (grapheme clusters): `&` followed by a combining mark
/// is one character that is not `&`, and `\r\n` is one character that is neither `\r` nor `\n`.
/// Working on bytes gives the same text whenever every byte that matters stands alone as a
/// character, which holds when its neighbours are ASCII (no ASCII character joins the one
/// before or after it, but for CR LF). So the byte path handles those strings, by far the
/// common case, and any other string goes through the character-based escape.
enum EscapeBytes {
  /// Appends `HTML.escape(text)` to `out`.
  static func appendHTML<Out: EscapeOutput>(_ text: String, to out: inout Out) {
    let done = text.utf8.withContiguousStorageIfAvailable { appendHTMLBytes($0, to: &out) }
    if done != true { out.put(text: HTML.escapeCharacters(text)) }
  }

  /// Appends `HTML.escape` of the text whose UTF-8 is `bytes` (valid UTF-8).
  static func appendHTML<Out: EscapeOutput>(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout Out) {
    if !appendHTMLBytes(bytes, to: &out) { out.put(text: HTML.escapeCharacters(String(decoding: bytes, as: UTF8.self))) }
  }

  /// The byte path of `appendHTML`: false, with nothing appended, when the text needs the
  /// character path.
  private static func appendHTMLBytes<Out: EscapeOutput>(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout Out) -> Bool {
    let start = out.count
    let n = bytes.count
    var run = 0
    var i = 0
    while i < n {
      let entity: StaticString
      switch bytes[i] {
      case 0x26: entity = "&amp;"
      case 0x3C: entity = "&lt;"
      case 0x3E: entity = "&gt;"
      case 0x22: entity = "&quot;"
      case 0x27: entity = "&#39;"
      case 0x80...:
        i = skipNonASCII(bytes, from: i)
        continue
      default:
        i += 1
        continue
      }
      guard standsAlone(bytes, i) else {
        out.cut(to: start)
        return false
      }
      out.put(UnsafeBufferPointer(rebasing: bytes[run..<i]))
      out.put(UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
      run = i + 1
      i += 1
    }
    out.put(UnsafeBufferPointer(rebasing: bytes[run...]))
    return true
  }

  /// Appends `Markdown.escape(text)` to `out`.
  static func appendMarkdown<Out: EscapeOutput>(_ text: String, to out: inout Out) {
    let done = text.utf8.withContiguousStorageIfAvailable { appendMarkdownBytes($0, to: &out) }
    if done != true { out.put(text: Markdown.escapeCharacters(text)) }
  }

  /// Appends `Markdown.escape` of the text whose UTF-8 is `bytes` (valid UTF-8).
  static func appendMarkdown<Out: EscapeOutput>(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout Out) {
    if !appendMarkdownBytes(bytes, to: &out) { out.put(text: Markdown.escapeCharacters(String(decoding: bytes, as: UTF8.self))) }
  }

  /// The byte path of `appendMarkdown`: false, with nothing appended, when the text needs the
  /// character path.
  private static func appendMarkdownBytes<Out: EscapeOutput>(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout Out) -> Bool {
    let start = out.count
    let n = bytes.count
    var run = 0
    var i = -1
    while true {
      i += 1
      guard i < n else { break }
      let b = bytes[i]
      if b >= 0x80 {
        // Not a special byte, nor are those after it up to the next ASCII byte.
        i = skipNonASCII(bytes, from: i) - 1
        continue
      }
      // What replaces the byte: a backslash before it or a space.
      var backslash = false
      switch b {
      case 0x7C, 0x5C, 0x2A, 0x5F, 0x60, 0x5B, 0x5D, 0x26, 0x7E: backslash = true
      case 0x3C:
        // `<` is escaped when the next character is a letter, `/`, `!` or `?`; the next
        // character is the next byte alone when the byte after it is ASCII too.
        guard i + 2 >= n || bytes[i + 2] < 0x80 else { out.cut(to: start); return false }
        if i + 1 < n {
          let next = bytes[i + 1]
          backslash = (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A) || next == 0x2F || next == 0x21 || next == 0x3F
        }
      case 0x3E, 0x23:
        // Only as the first character; elsewhere the bytes stay as they are either way.
        guard i == 0 else { continue }
        backslash = true
      case 0x0A, 0x09, 0x0D:
        // Controls are characters of their own (nothing joins them), but for CR LF: one
        // character, neither CR nor LF, which the character path leaves as it is.
        guard b != 0x0D || i + 1 == n || bytes[i + 1] != 0x0A else { out.cut(to: start); return false }
        out.put(UnsafeBufferPointer(rebasing: bytes[run..<i]))
        out.put(0x20)
        run = i + 1
        continue
      default: continue
      }
      guard standsAlone(bytes, i) else {
        out.cut(to: start)
        return false
      }
      guard backslash else { continue }
      out.put(UnsafeBufferPointer(rebasing: bytes[run..<i]))
      out.put(0x5C)
      out.put(b)
      run = i + 1
    }
    out.put(UnsafeBufferPointer(rebasing: bytes[run...]))
    return true
  }

  /// The position of the first ASCII byte after `start` (whose byte is not ASCII), or the end:
  /// the non-ASCII bytes between hold no special byte (every special byte is ASCII), so runs
  /// of Japanese text are passed over a word at a time.
  @inline(__always)
  static func skipNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    let n = bytes.count
    var i = start &+ 1
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while i &+ 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0x8080_8080_8080_8080 {
        i &+= 8
      }
    }
    while i < n && bytes[i] >= 0x80 { i &+= 1 }
    return i
  }

  /// Whether the ASCII byte at `i` is a character of its own for certain: its neighbours are
  /// ASCII (a non-ASCII neighbour could be a prepended or combining mark joining it).
  @inline(__always)
  static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    (i == 0 || bytes[i - 1] < 0x80) && (i + 1 == bytes.count || bytes[i + 1] < 0x80)
  }
}

/// Where `EscapeBytes` writes: a byte array, or a document built in place (`CSVBytes`, under
/// `ByteText`), so that the large renderers escape straight into their output.
protocol EscapeOutput {
  var count: Int { get }
  mutating func put(_ byte: UInt8)
  mutating func put(_ bytes: UnsafeBufferPointer<UInt8>)
  /// Appends a string's UTF-8 (the character paths' results).
  mutating func put(text: String)
  /// Drops what was appended from `count` on.
  mutating func cut(to count: Int)
}

extension Array: EscapeOutput where Element == UInt8 {
  @inline(__always) mutating func put(_ byte: UInt8) { append(byte) }
  @inline(__always) mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
  mutating func put(text: String) { append(contentsOf: text.utf8) }
  mutating func cut(to count: Int) { removeSubrange(count...) }
}

extension CSVBytes: EscapeOutput {
  @inline(__always) mutating func put(_ byte: UInt8) { append(byte) }
  @inline(__always) mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) { append(bytes) }
  mutating func put(text: String) { append(text) }
  mutating func cut(to count: Int) { truncate(to: count) }
}
