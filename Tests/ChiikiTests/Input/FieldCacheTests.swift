import Testing

@testable import Chiiki

/// `FieldCache` (last hit, two-slot memo, then `ByteTable`) and `LastFieldMemo` must answer
/// like a plain dictionary from bytes to the first value stored for them (the reference), on
/// keys of every length around the 8- and 16-byte word limits, many more keys than memo slots,
/// and runs of repeated keys.
@Suite struct FieldCacheTests {
  struct Rng {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % n
    }
  }

  /// Calls `body` with `key` as a field followed by 16 slack bytes of noise, as `CSVRecord` has.
  func withField<R>(_ key: [UInt8], noise: UInt8, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let padded = key + Array(repeating: noise, count: 16)
    return padded.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<key.count])) }
  }

  @Test(arguments: [1, 2, 3])
  func sameAsDictionary(seed: UInt64) {
    var rng = Rng(state: seed)
    let keys: [[UInt8]] = (0..<600).map { i in
      let length = [0, 1, 7, 8, 9, 15, 16, 17, 24][i % 9]
      return (0..<length).map { _ in UInt8(rng.next(4) + 0x30) }
    }
    var cache = FieldCache<Int>()
    var memo = LastFieldMemo<Int>()
    var reference: [[UInt8]: Int] = [:]
    var mismatches = 0
    var key = keys[0]
    for step in 0..<50_000 {
      if rng.next(3) != 0 { key = keys[rng.next(rng.next(2) == 0 ? 20 : keys.count)] }
      let noise = UInt8(rng.next(256))
      let got = withField(key, noise: noise) { cache.value(for: $0) }
      if got != reference[key] { mismatches += 1 }
      let remembered = withField(key, noise: noise) { memo.value(for: $0) }
      if let remembered, remembered != reference[key] { mismatches += 1 }
      if got == nil && rng.next(2) == 0 {
        withField(key, noise: noise) { cache.insert($0, step) }
        if reference[key] == nil { reference[key] = step }
      }
      if let value = reference[key] { withField(key, noise: noise) { memo.remember($0, value) } }
    }
    #expect(mismatches == 0)
  }
}
