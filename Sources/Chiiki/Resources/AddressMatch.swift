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
