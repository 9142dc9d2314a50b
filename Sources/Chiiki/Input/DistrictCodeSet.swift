/// The district codes districts.csv has declared so far, each with the index it was taken at,
/// to find a code declared twice without a String dictionary on the usual path.
///
/// Codes are compared as Swift compares Strings (canonical equivalence). While every code is
/// ASCII, that is byte equality, so: while the codes also arrive in strictly increasing byte
/// order (districts.csv is usually sorted), a new code only has to be compared with the last
/// one; once one arrives out of order, the codes are looked up by their bytes in a hash table.
/// The first code that is not ASCII (a precomposed and a decomposed spelling are the same
/// String) switches to a String dictionary of every code, as the loader used before.
struct DistrictCodeSet {
  private enum Mode {
    /// All codes ASCII and strictly increasing: a code is new iff it is above the last.
    case ascending
    /// All codes ASCII, in any order: looked up in `table` by their bytes.
    case hashed
    /// Some code is not ASCII: looked up in `strings`.
    case strings
  }
  private var mode = Mode.ascending
  /// The bytes of every code taken while all were ASCII (entry i ends at `ends[i]`).
  private var pool: [UInt8] = []
  private var ends: [Int] = []
  private var table = ByteTable<Int>()
  private var strings: [String: Int] = [:]
  private let expected: Int

  /// `expected`: about how many codes will be taken, to size the tables once.
  init(expected: Int) {
    self.expected = expected
    pool.reserveCapacity(expected * 10)
    ends.reserveCapacity(expected)
  }

  /// The number of codes taken.
  private(set) var count = 0

  /// True while every code taken is ASCII and each was above the one before (bytewise): then
  /// the codes, and any subsequence of them, are in `DistrictCode` order.
  var isAscendingASCII: Bool { mode == .ascending }

  /// Takes `code` as the next entry (index `count`) and returns nil, or, if an equal code was
  /// taken before, returns that code's index and takes nothing.
  mutating func take(_ code: String) -> Int? {
    if mode == .strings { return takeString(code) }
    var code = code
    let found = code.withUTF8 { bytes -> Int?? in
      guard StrictUTF8.isASCII(bytes) else { return .none }
      return .some(takeASCII(bytes))
    }
    guard let result = found else {
      switchToStrings()
      return takeString(code)
    }
    return result
  }

  private mutating func takeASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    if mode == .ascending {
      if count > 0 {
        let start = count == 1 ? 0 : ends[count - 2]
        let order = pool.withUnsafeBufferPointer { p in
          compareBytes(UnsafeBufferPointer(rebasing: p[start..<ends[count - 1]]), bytes)
        }
        if order == 0 { return count - 1 }
        if order > 0 { switchToHashed() }
      }
    }
    if mode == .hashed {
      if let previous = table.value(for: bytes) { return previous }
      table.insert(bytes, count)
    }
    pool.append(contentsOf: bytes)
    ends.append(pool.count)
    count += 1
    return nil
  }

  private mutating func takeString(_ code: String) -> Int? {
    if let previous = strings.updateValue(count, forKey: code) {
      strings[code] = previous
      return previous
    }
    count += 1
    return nil
  }

  /// From `ascending` to `hashed`: every code taken so far goes into the byte table.
  private mutating func switchToHashed() {
    mode = .hashed
    table = ByteTable(capacity: expected)
    pool.withUnsafeBufferPointer { p in
      for i in 0..<count {
        table.insert(UnsafeBufferPointer(rebasing: p[(i == 0 ? 0 : ends[i - 1])..<ends[i]]), i)
      }
    }
  }

  /// To `strings`: every code taken so far (all ASCII) goes into the String dictionary.
  private mutating func switchToStrings() {
    mode = .strings
    strings.reserveCapacity(expected)
    pool.withUnsafeBufferPointer { p in
      for i in 0..<count {
        strings[String(decoding: UnsafeBufferPointer(rebasing: p[(i == 0 ? 0 : ends[i - 1])..<ends[i]]), as: UTF8.self)] = i
      }
    }
    pool = []
    ends = []
    table = ByteTable()
  }
}

/// -1, 0 or 1 as `a` sorts before, equal to or after `b`, byte by byte (a prefix first), the
/// order of `DistrictCode`.
@inline(__always) func compareBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
  let n = Swift.min(a.count, b.count)
  var i = 0
  while i < n {
    if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
    i &+= 1
  }
  return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
}
