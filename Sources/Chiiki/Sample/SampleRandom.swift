import Foundation

/// SplitMix64 mixing, used to derive independent, order-free seeds for each random stream.
enum SplitMix64 {
  /// The SplitMix64 output function applied to `x` (a bijective 64-bit mixer).
  static func mix(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A seed for the stream named by `parts` under `seed`: same parts, same seed, always.
  static func seed(_ seed: UInt64, _ parts: UInt64...) -> UInt64 {
    var h = mix(seed)
    for p in parts { h = mix(h ^ mix(p &+ 0x632B_E59B_D9B4_E019)) }
    return h
  }
}

/// xoshiro256** (Blackman & Vigna 2018): the generator's own PRNG, so that the same options give
/// byte-identical files on every run (Foundation's random is neither seedable nor stable).
struct SampleRandom {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// A generator whose state is filled from `seed` by SplitMix64, as the authors recommend.
  init(seed: UInt64) {
    var x = seed
    func next() -> UInt64 {
      x = x &+ 0x9E37_79B9_7F4A_7C15
      return SplitMix64.mix(x &- 0x9E37_79B9_7F4A_7C15)
    }
    s0 = next(); s1 = next(); s2 = next(); s3 = next()
    if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
  }

  /// A generator for the stream `parts` under `seed` (see `SplitMix64.seed`).
  init(_ seed: UInt64, _ stream: SampleStream, _ index: Int = 0, _ sub: Int = 0) {
    self.init(seed: SplitMix64.seed(seed, stream.rawValue, UInt64(truncatingIfNeeded: index), UInt64(truncatingIfNeeded: sub)))
  }

  mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
    s2 ^= t
    s3 = s3 << 45 | s3 >> 19
    return result
  }

  /// Uniform in [0, 1), 53 bits.
  mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// Uniform in `lo..<hi`.
  mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * uniform() }

  /// Uniform integer in 0..<n (n > 0); Lemire's nearly-divisionless method without rejection
  /// bias worth noticing at these sizes.
  mutating func int(_ n: Int) -> Int {
    Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
  }

  /// True with probability p.
  mutating func chance(_ p: Double) -> Bool { uniform() < p }

  /// Standard normal (Box–Muller, one of the pair).
  mutating func normal() -> Double {
    let u1 = max(uniform(), 0x1.0p-60)
    let u2 = uniform()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// Log-normal with median 1 and log-scale standard deviation `sigma`.
  mutating func logNormal(_ sigma: Double) -> Double { exp(sigma * normal()) }

  /// Poisson(lambda): inversion for small means, a rounded normal beyond 40.
  mutating func poisson(_ lambda: Double) -> Int {
    guard lambda > 0 else { return 0 }
    if lambda > 40 {
      return max(0, Int((lambda + lambda.squareRoot() * normal()).rounded()))
    }
    var p = exp(-lambda)
    var cumulative = p
    let u = uniform()
    var k = 0
    while u > cumulative && k < 200 {
      k += 1
      p *= lambda / Double(k)
      cumulative += p
    }
    return k
  }

  /// Binomial(n, p): inversion when the smaller tail's mean is small, a clamped rounded normal
  /// otherwise. Always within 0...n.
  mutating func binomial(_ n: Int, _ p: Double) -> Int {
    guard n > 0, p > 0 else { return 0 }
    if p >= 1 { return n }
    if p > 0.5 { return n - binomial(n, 1 - p) }
    let mean = Double(n) * p
    if mean > 25 {
      let sd = (mean * (1 - p)).squareRoot()
      return min(n, max(0, Int((mean + sd * normal()).rounded())))
    }
    let q = 1 - p
    let ratio = p / q
    var prob = pow(q, Double(n))
    var cumulative = prob
    let u = uniform()
    var k = 0
    while u > cumulative && k < n {
      prob *= ratio * Double(n - k) / Double(k + 1)
      k += 1
      cumulative += prob
    }
    return k
  }

  /// An index drawn with probability proportional to `weights` (cumulative weights given).
  mutating func pick(cumulative: UnsafeBufferPointer<Double>) -> Int {
    guard let total = cumulative.last, total > 0 else { return 0 }
    let u = uniform() * total
    for i in 0..<cumulative.count where u < cumulative[i] { return i }
    return cumulative.count - 1
  }

  /// Shuffles `array` in place (Fisher–Yates).
  mutating func shuffle<T>(_ array: inout [T]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      array.swapAt(i, int(i + 1))
    }
  }
}

/// The independent random streams of the generator; each district (and month) draws from its
/// own, so any file can be produced in any order and still be identical.
enum SampleStream: UInt64 {
  case layout = 1
  case district = 2
  case population = 3
  case statistics = 4
  case cases = 5
  case resources = 6
  case names = 7
}
