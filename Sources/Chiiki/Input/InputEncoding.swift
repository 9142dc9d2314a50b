#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The text encoding of an input CSV: UTF-8 (with or without BOM) or CP932, the Shift_JIS
/// superset that Excel and e-Stat downloads produce in Japan.
public enum InputEncoding: String, Sendable, CaseIterable {
  case utf8 = "utf-8"
  case cp932 = "cp932"

  /// Accepts `utf-8`, `utf8`, `cp932`, `sjis`, `shift_jis`, `windows-31j` (case-insensitive).
  public init?(name: String) {
    switch String(name.lowercased().map { $0 == "_" ? "-" : $0 }) {
    case "utf-8", "utf8": self = .utf8
    case "cp932", "sjis", "shift-jis", "shiftjis", "windows-31j", "ms932": self = .cp932
    default: return nil
    }
  }

  /// Guesses the encoding from the first bytes of a file: a BOM or valid UTF-8 means UTF-8;
  /// otherwise CP932 if the bytes are well-formed CP932; otherwise UTF-8 (and the decoder will
  /// report the undecodable cell).
  public static func detect(_ sample: UnsafeBufferPointer<UInt8>) -> InputEncoding {
    if sample.count >= 3, sample[0] == 0xEF, sample[1] == 0xBB, sample[2] == 0xBF { return .utf8 }
    if UTF8Validation.isValidPrefix(sample) { return .utf8 }
    return CP932Validation.isPlausible(sample) ? .cp932 : .utf8
  }
}

enum UTF8Validation {
  /// True if the bytes are valid UTF-8, allowing a multi-byte sequence cut at the very end.
  static func isValidPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 { i += 1; continue }
      let len: Int
      if b & 0xE0 == 0xC0, b >= 0xC2 { len = 2 } else if b & 0xF0 == 0xE0 { len = 3 } else if b & 0xF8 == 0xF0, b <= 0xF4 { len = 4 } else { return false }
      if i + len > n { return true }  // cut at the end of the sample
      for k in 1..<len where bytes[i + k] & 0xC0 != 0x80 { return false }
      i += len
    }
    return true
  }
}

enum CP932Validation {
  /// True if every byte pair is a CP932 lead/trail pair or a single-byte character.
  static func isPlausible(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 || (0xA1...0xDF).contains(b) { i += 1; continue }
      guard (0x81...0x9F).contains(b) || (0xE0...0xFC).contains(b) else { return false }
      if i + 1 >= n { return true }
      let t = bytes[i + 1]
      guard (0x40...0x7E).contains(t) || (0x80...0xFC).contains(t) else { return false }
      i += 2
    }
    return true
  }
}

/// Turns field bytes into Swift strings. ASCII takes a fast path; CP932 goes through iconv
/// (`CP932`, never `SHIFT_JIS`, which rejects the NEC/IBM extensions; swift-and-libcsv.md §C).
/// One decoder per reading thread: it owns an iconv handle.
final class FieldDecoder {
  let encoding: InputEncoding
  private var handle: iconv_t?
  private var out = [UInt8](repeating: 0, count: 1024)

  init(encoding: InputEncoding) {
    self.encoding = encoding
    if encoding == .cp932 {
      let h = iconv_open("UTF-8", "CP932")
      handle = (h == iconv_t(bitPattern: -1)) ? nil : h
    }
  }

  deinit { if let handle { iconv_close(handle) } }

  /// The decoded text, or nil if the bytes are not valid in the file's encoding.
  func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    if StrictUTF8.isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
    switch encoding {
    case .utf8:
      // The test `String(validating:as:)` applies, without its generic runtime lookups per call.
      return StrictUTF8.isValid(bytes) ? String(decoding: bytes, as: UTF8.self) : nil
    case .cp932:
      return decodeCP932(bytes)
    }
  }

  private func decodeCP932(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard let handle else { return nil }
    let capacity = bytes.count * 3 + 4
    if out.count < capacity { out = [UInt8](repeating: 0, count: capacity) }
    _ = iconv(handle, nil, nil, nil, nil)  // reset shift state
    var inLeft = bytes.count
    var outLeft = capacity
    let produced: Int? = out.withUnsafeMutableBufferPointer { outBuf -> Int? in
      var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: bytes.baseAddress)?
        .assumingMemoryBound(to: CChar.self)
      var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?
        .assumingMemoryBound(to: CChar.self)
      let r = iconv(handle, &inPtr, &inLeft, &outPtr, &outLeft)
      if r == -1 || inLeft != 0 { return nil }
      return capacity - outLeft
    }
    guard let produced else { return nil }
    return out.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[0..<produced]), as: UTF8.self) }
  }
}
