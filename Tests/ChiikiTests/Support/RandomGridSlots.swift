/// Storage slots for a random `CellGrid`: band b gets the next slot unless `splitMix(&state)`
/// is a multiple of `skipOneIn` (then -1, no storage); also the number of slots given.
func randomGridSlots(bandCount: Int, skipOneIn: UInt64, _ state: inout UInt64) -> (slots: [Int32], used: Int32) {
  var slots = [Int32](repeating: -1, count: bandCount)
  var used: Int32 = 0
  for b in 0..<bandCount where splitMix(&state) % skipOneIn != 0 {
    slots[b] = used
    used += 1
  }
  return (slots, used)
}
