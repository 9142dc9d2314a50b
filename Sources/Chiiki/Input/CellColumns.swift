import CLibCSV
import Foundation

/// The cells one reading thread of statistics.csv has written, per (indicator, period) grid
/// slot and band, until `StatisticsAccumulator.finish` turns them into dense `CellGrid`s.
///
/// Why not a `CellGrid` each: a dense grid fills every cell of a band with `CellMark.absent`
/// when the band is first written, so every page is resident even when the thread saw a
/// handful of districts — and the two halves of a split read both held a full grid of the
/// period at the split (about 255 MB more at the peak for 220,000 districts). Here each
/// (slot, band) is an anonymous mapping that stores a cell as its bitwise complement: a page
/// never written reads as 0, which is `~CellMark.absent`, and takes no memory. One byte per
/// block of `blockSize` districts (a page of counts) records which blocks were written, so that
/// merging and finishing visit only those.
///
/// Layout of a mapping (n districts): numerators [sex x n], denominators [sex x n], then the
/// written-block bytes [sex x blocks] — the (sex, district) order of a `CellGrid` band.
final class CellColumns: @unchecked Sendable {
  // Safe: a CellColumns belongs to one StatisticsAccumulator, used by one thread at a time —
  // the thread that reads its half of the file, then (after concurrentPerform has joined both)
  // the caller's thread, which absorbs and finishes it.

  /// Districts per written-block flag: 1024 counts = one 4 KiB page.
  static let blockSize = 1024

  let districtCount: Int
  let blocksPerSex: Int
  /// Bytes of one mapping.
  let mappingBytes: Int
  /// Per grid slot, per band index: the mapping (nil = no cell of that band yet). Read for
  /// every row, so without the run-time exclusivity check: no access to it overlaps another
  /// (one thread at a time, and no method hands out an inout reference to it).
  @exclusivity(unchecked) private(set) var mappings: [[UnsafeMutablePointer<UInt32>?]] = []
  /// Per grid slot, the bands with a mapping in the order they were first written (the order
  /// in which a dense grid would have given them storage).
  private(set) var bandOrder: [[Int]] = []

  init(districtCount: Int) {
    self.districtCount = districtCount
    blocksPerSex = (districtCount + Self.blockSize - 1) / Self.blockSize
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let bytes = 16 * districtCount + 2 * blocksPerSex
    mappingBytes = max(page, (bytes + page - 1) / page * page)
  }

  deinit {
    for slot in mappings {
      for case let m? in slot { unmap(m) }
    }
  }

  /// Adds a grid slot (slots are numbered in order of addition).
  func addSlot() {
    mappings.append([])
    bandOrder.append([])
  }

  /// Writes a cell; false (and nothing written) when the cell was already written.
  @inline(__always) func write(slot: Int, band: Int, sex: Int, district d: Int, numerator: UInt32, denominator: UInt32) -> Bool {
    let m = mapping(slot: slot, band: band)
    let n = districtCount
    let o = sex &* n &+ d
    if m[o] != 0 { return false }
    m[o] = ~numerator
    m[2 &* n &+ o] = ~denominator
    // Rows of one district write to every (slot, band) mapping, far too many streams for the
    // hardware prefetcher, and each cache line of cells serves 16 districts: ask now for the
    // line that a district 16 on will write, so that it is in cache by then (a hint only; once
    // per line, from the district that starts one).
    if d & 15 == 0 {
      chiiki_prefetch_for_write(m + (o &+ 16))
      chiiki_prefetch_for_write(m + (2 &* n &+ o &+ 16))
    }
    written(m)[sex &* blocksPerSex &+ (d >> 10)] = 1
    return true
  }

  /// The raw value of a cell's numerator (`CellMark.absent` when not written); for tests.
  func numerator(slot: Int, band: Int, sex: Int, district d: Int) -> UInt32 {
    guard band < mappings[slot].count, let m = mappings[slot][band] else { return CellMark.absent }
    return ~m[sex * districtCount + d]
  }

  /// The mapping of (slot, band), made on first use.
  @inline(__always) private func mapping(slot: Int, band: Int) -> UnsafeMutablePointer<UInt32> {
    if band < mappings[slot].count, let m = mappings[slot][band] { return m }
    return makeMapping(slot: slot, band: band)
  }

  private func makeMapping(slot: Int, band: Int) -> UnsafeMutablePointer<UInt32> {
    let m = mapZeroed()
    adopt(m, slot: slot, band: band)
    return m
  }

  private func adopt(_ m: UnsafeMutablePointer<UInt32>, slot: Int, band: Int) {
    if band >= mappings[slot].count {
      mappings[slot].append(contentsOf: repeatElement(nil, count: band + 1 - mappings[slot].count))
    }
    mappings[slot][band] = m
    bandOrder[slot].append(band)
  }

  /// Moves the cells of `later`'s slot `from` into slot `to`, its band `lb` becoming band
  /// `bandMap[lb]`: a band only `later` has changes owner without a copy; a band both have is
  /// merged block by block, the one with fewer written blocks copied into the other. False
  /// when both wrote one cell (this state is then unusable, but still frees its memory).
  func absorb(_ later: CellColumns, from: Int, into to: Int, bandMap: [Int]) -> Bool {
    precondition(later.districtCount == districtCount)
    for lb in later.bandOrder[from] {
      guard let source = later.mappings[from][lb] else { continue }
      later.mappings[from][lb] = nil
      let b = bandMap[lb]
      guard b < mappings[to].count, let target = mappings[to][b] else {
        adopt(source, slot: to, band: b)
        continue
      }
      // The cells are disjoint (or the merge fails), so copy the smaller into the larger.
      if writtenBlocks(source) > writtenBlocks(target) {
        mappings[to][b] = source
        defer { unmap(target) }
        if !merge(target, into: source) { return false }
      } else {
        defer { unmap(source) }
        if !merge(source, into: target) { return false }
      }
    }
    later.bandOrder[from] = []
    return true
  }

  /// How many blocks of a mapping have been written.
  private func writtenBlocks(_ m: UnsafeMutablePointer<UInt32>) -> Int {
    let flags = written(m)
    return (0..<(2 * blocksPerSex)).reduce(0) { $0 + Int(flags[$1]) }
  }

  /// Copies the written cells of `source` into `target`; false at the first cell both hold.
  private func merge(_ source: UnsafeMutablePointer<UInt32>, into target: UnsafeMutablePointer<UInt32>) -> Bool {
    let n = districtCount
    let sourceWritten = written(source)
    let targetWritten = written(target)
    for sex in 0..<2 {
      for block in 0..<blocksPerSex where sourceWritten[sex * blocksPerSex + block] != 0 {
        let lower = sex * n + block * Self.blockSize
        let upper = sex * n + min(n, (block + 1) * Self.blockSize)
        for o in lower..<upper where source[o] != 0 {
          if target[o] != 0 { return false }
          target[o] = source[o]
          target[2 * n + o] = source[2 * n + o]
        }
        targetWritten[sex * blocksPerSex + block] = 1
      }
    }
    return true
  }

  /// The dense grid of a slot, with `bandCount` bands. Each band's mapping is freed as soon as
  /// its cells are copied, and the grid's pages are first written band by band, so memory grows
  /// by about one band, not one grid.
  func takeGrid(slot: Int, bandCount: Int) -> CellGrid {
    let bands = takeBands(slot: slot)
    return makeGrid(bands, bandCount: bandCount)
  }

  /// The dense grids of every slot, in slot order, made on all cores (each as `takeGrid`).
  func takeGrids(bandCount: Int) -> [CellGrid] {
    let slots = (0..<mappings.count).map { takeBands(slot: $0) }
    return ParallelMap.map(slots.count) { makeGrid(slots[$0], bandCount: bandCount) }
  }

  /// The mappings of a slot's bands in the order first written, handed over to the caller.
  struct Bands: @unchecked Sendable {
    // Safe: once taken, the mappings belong to this value alone, and `makeGrid` (its only user)
    // reads and frees each of them once.
    var order: [Int]
    var mappings: [UnsafeMutablePointer<UInt32>]
  }

  private func takeBands(slot: Int) -> Bands {
    let order = bandOrder[slot]
    let taken = order.map { mappings[slot][$0]! }
    mappings[slot] = []
    bandOrder[slot] = []
    return Bands(order: order, mappings: taken)
  }

  /// Copies the bands into a dense grid, freeing each mapping once copied.
  private func makeGrid(_ bands: Bands, bandCount: Int) -> CellGrid {
    let n = districtCount
    var slots = [Int32](repeating: -1, count: bandCount)
    for (position, band) in bands.order.enumerated() { slots[band] = Int32(position) }
    let total = bands.order.count * 2 * n
    var denominators: [UInt32] = []
    let numerators = [UInt32](unsafeUninitializedCapacity: total) { num, numCount in
      denominators = [UInt32](unsafeUninitializedCapacity: total) { den, denCount in
        for (position, m) in bands.mappings.enumerated() {
          let base = position * 2 * n
          let flags = written(m)
          for sex in 0..<2 {
            for block in 0..<blocksPerSex {
              let lower = sex * n + block * Self.blockSize
              let upper = sex * n + min(n, (block + 1) * Self.blockSize)
              if flags[sex * blocksPerSex + block] != 0 {
                for o in lower..<upper {
                  num[base + o] = ~m[o]
                  den[base + o] = ~m[2 * n + o]
                }
              } else {
                num.baseAddress!.advanced(by: base + lower).initialize(repeating: CellMark.absent, count: upper - lower)
                den.baseAddress!.advanced(by: base + lower).initialize(repeating: CellMark.absent, count: upper - lower)
              }
            }
          }
          unmap(m)
        }
        denCount = total
      }
      numCount = total
    }
    return CellGrid(districtCount: n, bandCount: bandCount, slots: slots, numerators: numerators, denominators: denominators)
  }

  @inline(__always) private func written(_ m: UnsafeMutablePointer<UInt32>) -> UnsafeMutablePointer<UInt8> {
    UnsafeMutableRawPointer(m + 4 * districtCount).assumingMemoryBound(to: UInt8.self)
  }

  /// A zero-filled anonymous mapping: its pages take memory only once written.
  private func mapZeroed() -> UnsafeMutablePointer<UInt32> {
    guard let raw = mmap(nil, mappingBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), raw != MAP_FAILED else {
      fatalError("out of memory: could not map \(mappingBytes) bytes for statistics cells")
    }
    return raw.assumingMemoryBound(to: UInt32.self)
  }

  private func unmap(_ m: UnsafeMutablePointer<UInt32>) {
    munmap(UnsafeMutableRawPointer(m), mappingBytes)
  }
}
