/// The value of a count cell of 1 to 9 plain ASCII digits, read straight off its bytes: what
/// `CellParsing.count` gives such a cell, without building a `CountCell` (whose `.invalid` case
/// carries a String). cases.csv reads its three count cells this way (a few ns a row less than
/// going through `CountCell` three times) and gives any other cell to its checked path.
enum PlainCount {
  @inline(__always) static func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let n = bytes.count
    guard n > 0 && n <= 9, let p = bytes.baseAddress else { return nil }
    var value = 0
    for k in 0..<n {
      let digit = p[k] &- 0x30
      if digit > 9 { return nil }
      value = value &* 10 &+ Int(digit)
    }
    return value
  }
}
