/// Well-formed UTF-8 (Unicode table 3-7: no overlong forms, surrogates or values past
/// U+10FFFF), the test `String(validating:as: UTF8.self)` applies.
///
/// Runs of ASCII are skipped eight bytes at a time (most cells are largely ASCII).
enum StrictUTF8 {
  static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = b.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    var i = 0
    let n = b.count
    while i < n {
      if i &+ 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
        i &+= 8
        continue
      }
      let c = b[i]
      if c < 0x80 { i += 1; continue }
      func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool { i + k < n && b[i + k] >= lo && b[i + k] <= hi }
      switch c {
      case 0xC2...0xDF: guard cont(1) else { return false }; i += 2
      case 0xE0: guard cont(1, 0xA0), cont(2) else { return false }; i += 3
      case 0xE1...0xEC, 0xEE...0xEF: guard cont(1), cont(2) else { return false }; i += 3
      case 0xED: guard cont(1, 0x80, 0x9F), cont(2) else { return false }; i += 3
      case 0xF0: guard cont(1, 0x90), cont(2), cont(3) else { return false }; i += 4
      case 0xF1...0xF3: guard cont(1), cont(2), cont(3) else { return false }; i += 4
      case 0xF4: guard cont(1, 0x80, 0x8F), cont(2), cont(3) else { return false }; i += 4
      default: return false
      }
    }
    return true
  }

  /// Whether every byte is ASCII (below 0x80), eight bytes at a time.
  static func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = b.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    let n = b.count
    var i = 0
    while i &+ 8 <= n {
      if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
      i &+= 8
    }
    while i < n {
      if b[i] >= 0x80 { return false }
      i &+= 1
    }
    return true
  }

  /// Whether every byte of `text`'s UTF-8 is ASCII.
  static func isASCII(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { isASCII($0) }
  }
}
