import CSHA256
import Foundation
import Testing

@testable import Chiiki

/// The manifest's SHA-256 against published answers and two independent implementations.
@Suite struct SHA256Tests {
  private func hex(_ bytes: [UInt8]) -> String {
    var h = SHA256()
    h.update(bytes)
    return h.finalizeHex()
  }

  /// FIPS 180-4's examples, answers from NIST's "Cryptographic Standards and Guidelines:
  /// Examples with Intermediate Values" (SHA256.pdf, SHA2_Additional.pdf).
  @Test func publishedExamples() {
    #expect(hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
      == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// The block function the CPU uses (SHA extensions where present) against the portable
  /// FIPS 180-4 loop, over random blocks and states.
  @Test func acceleratedPathAgreesWithPortable() {
    var seed: UInt64 = 0x5A5A_0180_4D1E_0001
    for round in 0..<200 {
      let blocks = 1 + round % 17
      let data = (0..<(blocks * 64)).map { _ in UInt8(truncatingIfNeeded: splitMix(&seed)) }
      var a = (0..<8).map { _ in UInt32(truncatingIfNeeded: splitMix(&seed)) }
      var b = a
      data.withUnsafeBufferPointer { d in
        a.withUnsafeMutableBufferPointer { chiiki_sha256_blocks($0.baseAddress!, d.baseAddress!, blocks) }
        b.withUnsafeMutableBufferPointer { chiiki_sha256_blocks_portable($0.baseAddress!, d.baseAddress!, blocks) }
      }
      #expect(a == b, "round \(round)")
    }
  }

  /// Files of awkward lengths (around block and padding edges), fed in uneven pieces, against
  /// coreutils' `sha256sum`, a separate implementation.
  @Test func filesAgreeWithSha256sum() throws {
    let tool = "/usr/bin/sha256sum"
    guard FileManager.default.isExecutableFile(atPath: tool) else { return }
    let folder = TestScratch.folder("sha256")
    var seed: UInt64 = 20_261_127
    for length in [1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000, 65_537, 1_048_577 + 13] {
      let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: splitMix(&seed)) }
      let path = folder + "/f\(length)"
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      var pieces = SHA256()
      var i = 0
      while i < length {
        let n = min(length - i, 1 + Int(splitMix(&seed) % 200))
        bytes[i..<(i + n)].withUnsafeBytes { pieces.update($0) }
        i += n
      }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: tool)
      process.arguments = [path]
      let pipe = Pipe()
      process.standardOutput = pipe
      try process.run()
      let out = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      let expected = String(decoding: out, as: UTF8.self).prefix(64)
      #expect(String(expected) == pieces.finalizeHex(), "length \(length)")
      #expect(SHA256.hexDigest(ofFile: path) == String(expected), "length \(length)")
    }
  }
}
