import Foundation

/// Whether an address names its district: `address.contains(district)` as Foundation answers it
/// (canonical equivalence, whole characters), on bytes for the usual Japanese and ASCII text.
///
/// When every scalar of both strings is a character of its own that no other text is canonically
/// equal to (printable ASCII, CJK ideographs, kana with their precomposed voiced forms, CJK
/// punctuation, full- and half-width forms; no combining mark anywhere, no compatibility
/// ideograph), characters are equal exactly when their scalars are, so the answer is a byte
/// search. Any other text is asked of Foundation.
enum AddressMatch {
  static func contains(_ address: String, _ district: String) -> Bool {
    if let answer = plainContains(address, district) { return answer }
    return address.contains(district)
  }

  /// The byte-search answer, or nil when a string is empty or has a scalar outside the plain set.
  static func plainContains(_ address: String, _ district: String) -> Bool? {
    guard !district.isEmpty, isPlain(address), isPlain(district) else { return nil }
    let hay = Array(address.utf8), needle = Array(district.utf8)
    guard needle.count <= hay.count else { return false }
    // UTF-8 is self-synchronising: a byte match of whole scalars starts on a scalar boundary.
    for start in 0...(hay.count - needle.count) where hay[start] == needle[0] {
      if hay[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
  }

  /// `plainContains` on the UTF-8 of the two texts (valid UTF-8), without decoding them: nil
  /// when a text is empty or has a scalar outside the plain set.
  static func plainContains(utf8 hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard !needle.isEmpty, isPlain(utf8: hay), isPlain(utf8: needle) else { return nil }
    guard needle.count <= hay.count else { return false }
    let first = needle[0]
    for start in 0...(hay.count - needle.count) where hay[start] == first {
      var k = 1
      while k < needle.count && hay[start + k] == needle[k] { k += 1 }
      if k == needle.count { return true }
    }
    return false
  }

  /// `isPlain(text)` on the text's UTF-8 (valid UTF-8): every scalar, decoded in place, is plain.
  static func isPlain(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        guard b >= 0x20 && b <= 0x7E else { return false }
        i += 1
        continue
      }
      // Every plain scalar above ASCII is three bytes long (U+3000 to U+FF9D).
      guard b & 0xF0 == 0xE0, i + 2 < n, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80 else { return false }
      let v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
      guard isPlain(v) else { return false }
      i += 3
    }
    return true
  }

  static func isPlain(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { isPlain($0.value) }
  }

  /// The plain scalars: each is a grapheme of its own, ccc 0, and no other scalar sequence
  /// without combining marks is canonically equal to it.
  static func isPlain(_ v: UInt32) -> Bool {
    switch v {
    case 0x20...0x7E: true  // printable ASCII
    case 0x3000...0x3029, 0x3030...0x303F: true  // CJK symbols and punctuation (not the tone marks 302A–302F)
    case 0x3041...0x3096, 0x309B...0x309F: true  // hiragana (not the combining voicing marks 3099, 309A)
    case 0x30A0...0x30FF: true  // katakana
    case 0x3400...0x4DBF, 0x4E00...0x9FFF: true  // CJK unified ideographs (not the compatibility ones)
    case 0xFF01...0xFF9D: true  // full- and half-width forms (not the half-width voicing marks)
    default: false
    }
  }
}
