import CSHA256

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SHA-256 (FIPS 180-4), for the manifest's input fingerprints. Written here rather than
/// pulling in a crypto package for one function; tested against the FIPS examples and sha256sum.
public struct SHA256: Sendable {
  private var state: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
  ]
  private var pending: [UInt8] = []
  private var length: UInt64 = 0

  public init() {}

  /// True when the block function uses the CPU's SHA extensions.
  public static var isAccelerated: Bool { chiiki_sha256_accelerated() != 0 }

  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    length &+= UInt64(bytes.count)
    var i = 0
    if !pending.isEmpty {
      let take = min(64 - pending.count, bytes.count)
      pending.append(contentsOf: bytes[0..<take])
      i = take
      if pending.count == 64 {
        let block = pending
        block.withUnsafeBytes { compress($0.baseAddress!, blocks: 1) }
        pending.removeAll(keepingCapacity: true)
      }
    }
    let whole = (bytes.count - i) / 64
    if whole > 0 {
      compress(bytes.baseAddress! + i, blocks: whole)
      i += whole * 64
    }
    if i < bytes.count { pending.append(contentsOf: bytes[i...]) }
  }

  public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

  /// The digest as 64 lowercase hex digits.
  public mutating func finalizeHex() -> String {
    let bitLength = length &* 8
    var tail: [UInt8] = [0x80]
    while (pending.count + tail.count) % 64 != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
    let savedLength = length
    tail.withUnsafeBytes { update($0) }
    length = savedLength
    let hex: [Character] = Array("0123456789abcdef")
    var out = ""
    for w in state {
      for shift in stride(from: 28, through: 0, by: -4) { out.append(hex[Int((w >> UInt32(shift)) & 0xF)]) }
    }
    return out
  }

  private mutating func compress(_ p: UnsafeRawPointer, blocks: Int) {
    state.withUnsafeMutableBufferPointer { s in
      chiiki_sha256_blocks(s.baseAddress!, p.assumingMemoryBound(to: UInt8.self), blocks)
    }
  }

  /// SHA-256 of a file, read in 1 MiB chunks; nil if it cannot be read.
  public static func hexDigest(ofFile path: String) -> String? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var hasher = SHA256()
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { buffer.deallocate() }
    while true {
      let n = read(fd, buffer.baseAddress, buffer.count)
      if n < 0 { return nil }
      if n == 0 { break }
      hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
    }
    return hasher.finalizeHex()
  }
}

