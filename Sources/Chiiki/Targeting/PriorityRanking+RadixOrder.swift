extension PriorityRanking {
  /// `order`'s rank order (score, need index, expected consultations, all descending, then unit)
  /// by stable radix sorts instead of a comparison sort: nil when a key is NaN (then the keys
  /// have no total order and `order`'s comparison sort decides) or there are more units than a
  /// `UInt32` holds.
  ///
  /// Without NaN the order is total (the unit breaks every tie), so any correct sort gives
  /// `order`'s answer. Each key is turned into an integer with the same order (descending
  /// values first; −0 and +0 the same key, as they compare equal). The units, starting in unit
  /// order, are radix-sorted by score (a stable sort keeps each tie in unit order); each run of
  /// equal scores is sorted the same way by need, and each run of equal (score, need) by
  /// expected. Short runs are sorted by insertion on the remaining keys. Only the digits in which
  /// a run's keys differ are passed over.
  static func radixOrder(scores: [Double], needIndex: [Double], expected: [Double]) -> [Int]? {
    let n = scores.count
    guard n <= Int(UInt32.max), needIndex.count == n, expected.count == n else { return nil }
    // The integer keys are worked out from the values when read (a few instructions each),
    // not stored: three key columns were 5 MB of fresh pages per call at national scale.
    for values in [scores, needIndex, expected] where values.contains(where: { $0.isNaN }) { return nil }
    var units = (0..<n).map { RadixItem(key: 0, unit: UInt32(truncatingIfNeeded: $0)) }
    var spare = units
    units.withUnsafeMutableBufferPointer { units in
      spare.withUnsafeMutableBufferPointer { spare in
        scores.withUnsafeBufferPointer { k0 in
          needIndex.withUnsafeBufferPointer { k1 in
            expected.withUnsafeBufferPointer { k2 in
              var sorter = RadixRunSorter(values: (k0, k1, k2), items: units, spare: spare)
              sorter.sort(0..<n, level: 0)
            }
          }
        }
      }
    }
    return units.map { Int($0.unit) }
  }

  /// An integer whose ascending order is `v`'s descending order (v not NaN; −0 as +0).
  @inline(__always) static func descendingKey(_ v: Double) -> UInt64 {
    let bits = (v == 0 ? 0.0 : v).bitPattern
    let ascending = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    return ~ascending
  }
}

/// A unit and its key at the level being sorted (`RadixRunSorter`).
struct RadixItem {
  var key: UInt64
  var unit: UInt32
}

/// The run sorts of `PriorityRanking.radixOrder` over buffers it owns for the call: `items`
/// (the units, sorted in place) and `spare` (as long, scratch for the scatter passes).
struct RadixRunSorter {
  /// The values of the three levels (no NaN), whose `PriorityRanking.descendingKey`s are sorted.
  let values: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>)
  let items: UnsafeMutableBufferPointer<RadixItem>
  let spare: UnsafeMutableBufferPointer<RadixItem>
  /// Runs up to this long are sorted by insertion.
  static let insertionLimit = 24

  @inline(__always) func key(_ level: Int, _ unit: UInt32) -> UInt64 {
    let u = Int(unit)
    switch level {
    case 0: return PriorityRanking.descendingKey(values.0[u])
    case 1: return PriorityRanking.descendingKey(values.1[u])
    default: return PriorityRanking.descendingKey(values.2[u])
    }
  }

  /// Whether unit a ranks before unit b on the keys from `level` on, then the unit.
  @inline(__always) func before(_ a: UInt32, _ b: UInt32, from level: Int) -> Bool {
    var l = level
    while l < 3 {
      let (x, y) = (key(l, a), key(l, b))
      if x != y { return x < y }
      l += 1
    }
    return a < b
  }

  /// Sorts the units of `range` (in unit order within every tie of the keys before `level`) by
  /// the keys from `level` on, then unit.
  mutating func sort(_ range: Range<Int>, level: Int) {
    if range.count < 2 { return }
    if range.count <= Self.insertionLimit {
      insertionSort(range, from: level)
      return
    }
    for x in range { items[x].key = key(level, items[x].unit) }
    radixSort(range)
    guard level < 2 else { return }
    var start = range.lowerBound
    while start < range.upperBound {
      var end = start + 1
      let k = items[start].key
      while end < range.upperBound && items[end].key == k { end += 1 }
      if end - start > 1 { sort(start..<end, level: level + 1) }
      start = end
    }
  }

  func insertionSort(_ range: Range<Int>, from level: Int) {
    for i in (range.lowerBound + 1)..<range.upperBound {
      let x = items[i]
      var j = i
      while j > range.lowerBound && before(x.unit, items[j - 1].unit, from: level) {
        items[j] = items[j - 1]
        j -= 1
      }
      items[j] = x
    }
  }

  /// A stable LSD radix sort of `range` by `key`, a byte at a time, skipping the bytes in which
  /// every key of the range is the same.
  func radixSort(_ range: Range<Int>) {
    var counts = [Int](repeating: 0, count: 8 * 256)
    counts.withUnsafeMutableBufferPointer { counts in
      for x in range {
        let k = items[x].key
        for b in 0..<8 { counts[b * 256 + Int((k >> (8 * UInt64(b))) & 0xFF)] += 1 }
      }
      var source = items
      var target = spare
      let first = items[range.lowerBound].key
      for b in 0..<8 {
        let shift = 8 * UInt64(b)
        if counts[b * 256 + Int((first >> shift) & 0xFF)] == range.count { continue }
        var at = range.lowerBound
        for d in 0..<256 {
          let c = counts[b * 256 + d]
          counts[b * 256 + d] = at
          at += c
        }
        for x in range {
          let item = source[x]
          let d = b * 256 + Int((item.key >> shift) & 0xFF)
          target[counts[d]] = item
          counts[d] += 1
        }
        swap(&source, &target)
      }
      if source.baseAddress != items.baseAddress {
        for x in range { items[x] = source[x] }
      }
    }
  }
}
