#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A growable list of plain values in one malloc'd block, for builders that append millions of
/// small pieces (`ResourceTexts.Builder`: every text field of resources.csv).
///
/// Why not `[Element]`: an array append checks uniqueness and goes through the generic
/// sequence-copy path per call (a national resources.csv makes 1.8 million of them), and an
/// array cannot shrink without a copy. Here an append is a bounds check and a memcpy, growth is
/// `realloc` (for a block of 1 MiB or more glibc moves pages with mremap rather than copying
/// bytes), and `shrinkToFit` gives the unused tail back the same way.
///
/// A reference type: `ResourceTexts.Builder` copies it before writing when it is shared (see
/// `isKnownUniquelyReferenced` there), so builders keep value semantics. Never written once a
/// `ResourceTexts` holds it, hence `@unchecked Sendable`.
final class FlatBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
  private(set) var base: UnsafeMutablePointer<Element>? = nil
  private(set) var count = 0
  private(set) var capacity = 0

  init() {}

  deinit { free(base) }

  /// A copy with the same elements (and room for `capacity` of them).
  func copy() -> FlatBuffer<Element> {
    let c = FlatBuffer<Element>()
    c.reserve(Swift.max(capacity, 1))
    if count > 0 { c.base!.update(from: base!, count: count) }
    c.count = count
    return c
  }

  /// Room for at least `n` elements in all (never shrinks).
  func reserve(_ n: Int) {
    guard n > capacity else { return }
    guard let p = realloc(base, n * MemoryLayout<Element>.stride) else { return }
    base = p.assumingMemoryBound(to: Element.self)
    capacity = n
  }

  @inline(__always) private func makeRoom(_ n: Int) {
    if _slowPath(count + n > capacity) { reserve(Swift.max(count + n, 2 * capacity, 16)) }
  }

  @inline(__always) func append(_ value: Element) {
    makeRoom(1)
    (base.unsafelyUnwrapped + count).initialize(to: value)
    count += 1
  }

  @inline(__always) func append(contentsOf values: UnsafeBufferPointer<Element>) {
    let n = values.count
    guard n > 0, let source = values.baseAddress else { return }
    makeRoom(n)
    (base.unsafelyUnwrapped + count).update(from: source, count: n)
    count += n
  }

  /// Drops the elements from `index` on.
  func removeLast(from index: Int) {
    precondition(index >= 0 && index <= count)
    count = index
  }

  /// Gives back the unused room when it is more than a sixteenth (plus a little).
  func shrinkToFit() {
    guard capacity - count > count / 16 + 64 else { return }
    if count == 0 {
      free(base)
      base = nil
      capacity = 0
      return
    }
    guard let p = realloc(base, count * MemoryLayout<Element>.stride) else { return }
    base = p.assumingMemoryBound(to: Element.self)
    capacity = count
  }

  @inline(__always) subscript(i: Int) -> Element { base.unsafelyUnwrapped[i] }

  /// The elements in place.
  @inline(__always) var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }
}
