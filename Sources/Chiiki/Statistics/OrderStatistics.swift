/// Order statistics of an array without sorting it (quickselect): the values `sorted()` would
/// hold at a few positions, in linear expected time. Winsorisation reads four order statistics
/// of ~220,000 z-scores per indicator at national scale; sorting them all cost ~15 ms each.
enum OrderStatistics {
  /// The values at `positions` (each in 0..<count) of `values` sorted ascending, in the order
  /// asked; nil when `values` holds a NaN (no total order, so no agreement with `sorted()`
  /// could be promised). Equal values are interchangeable, so each is `sorted()[p]` up to the
  /// sign of a zero.
  static func values(at positions: [Int], of values: [Double]) -> [Double]? {
    if values.contains(where: \.isNaN) { return nil }
    var work = values
    return work.withUnsafeMutableBufferPointer { buffer -> [Double] in
      // Positions in ascending order: each selection narrows the range of the next.
      let wanted = positions.enumerated().sorted { $0.element < $1.element }
      var result = [Double](repeating: 0, count: positions.count)
      var low = 0
      for (index, p) in wanted {
        precondition(p >= 0 && p < buffer.count, "OrderStatistics: position out of range")
        select(p, in: buffer, from: low, to: buffer.count)
        result[index] = buffer[p]
        low = p
      }
      return result
    }
  }

  /// Rearranges `buffer[from..<to]` so that the element at `k` is the one a sort of that range
  /// would put there, with no larger element before it and no smaller one after it.
  private static func select(_ k: Int, in buffer: UnsafeMutableBufferPointer<Double>, from: Int, to: Int) {
    select(k, in: buffer, from: from, to: to, by: <)
  }

  /// `select` under the strict weak order `before` (a total order on the values met, such as
  /// Doubles without NaN): afterwards `buffer[k]` is the element a sort by `before` of
  /// `buffer[from..<to]` would put at k, none after it comes before it and none before it after it.
  @inline(__always) static func select<T>(
    _ k: Int, in buffer: UnsafeMutableBufferPointer<T>, from: Int, to: Int, by before: (T, T) -> Bool
  ) {
    var lo = from
    var hi = to - 1
    var budget = 64
    while hi > lo {
      if budget == 0 {
        // Pathological splits: finish by sorting the (rare) remaining range.
        var rest = UnsafeMutableBufferPointer(rebasing: buffer[lo...hi])
        rest.sort(by: before)
        return
      }
      budget -= 1
      // Median of three as pivot.
      let mid = lo + (hi - lo) / 2
      let a = buffer[lo], b = buffer[mid], c = buffer[hi]
      let pivot = before(a, b) ? (before(b, c) ? b : (before(a, c) ? c : a)) : (before(a, c) ? a : (before(b, c) ? c : b))
      // Three-way partition: [lo, lt) before pivot, [lt, gt] neither, (gt, hi] after it.
      var lt = lo
      var gt = hi
      var i = lo
      while i <= gt {
        let x = buffer[i]
        if before(x, pivot) {
          buffer.swapAt(lt, i)
          lt += 1
          i += 1
        } else if before(pivot, x) {
          buffer.swapAt(i, gt)
          gt -= 1
        } else {
          i += 1
        }
      }
      if k < lt {
        hi = lt - 1
      } else if k > gt {
        lo = gt + 1
      } else {
        return
      }
    }
  }
}
