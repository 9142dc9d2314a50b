/// SplitMix64 (Steele, Lea & Flood 2014): a seeded generator for reproducible test inputs.
func splitMix(_ state: inout UInt64) -> UInt64 {
  state &+= 0x9E37_79B9_7F4A_7C15
  var z = state
  z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
  z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
  return z ^ (z >> 31)
}

/// A uniform double in [0, 1) from `splitMix`.
func splitMixUniform(_ state: inout UInt64) -> Double {
  Double(splitMix(&state) >> 11) / Double(1 << 53)
}
