import CLibCSV
import Foundation

/// The cells one reading thread of statistics.csv has written, per (indicator, period) grid
/// slot and band, until `StatisticsAccumulator.finish` turns them into dense `CellGrid`s.
///
/// Why not a `CellGrid` each: a dense grid fills every cell of a band with `CellMark.absent`
/// when the band is first written, so every page is resident even when the thread saw a
/// handful of districts — and the two halves of a split read both held a full grid of the
/// period at the split (about 255 MB more at the peak for 220,000 districts). Here each
/// (slot, band) is an anonymous mapping that stores a cell's two 16-bit `CellCode`s
/// (numerator, denominator) as one 32-bit pair of their bitwise complements: a page never
/// written reads as 0, which is `~CellCode.absent` twice, and takes no memory. One byte per
/// block of `blockSize` districts (a page of pairs) records which blocks were written, so that
/// merging and finishing visit only those. A count too big for its code (`CellCode.overflow`)
/// is kept in `overflow`, the table of its mapping, by its index in the grid's band (numerators
/// `sex * n + d`, denominators `2n` on); the table travels with the mapping when halves are
/// joined and becomes the grid's.
///
/// Joining the two halves of a split read copies nothing: a band both halves wrote keeps both
/// mappings (the later one in `joined`, after a check that no cell is in both), and the grid is
/// made from both at once. (Copying one into the other first-touched ~16,000 pages at national
/// scale, each freed again when the grid was made.)
///
/// Layout of a mapping (n districts): pairs [district x sex] (low half the numerator's code),
/// then the written-block bytes [blocks]. A row writes one pair, and the two sexes of a district
/// share a cache line: the rows of one district touch one line and one page per (slot, band),
/// where separate numerator and denominator arrays per sex touched four (a national read
/// writes ~40 mappings per district, which missed the first-level TLB and cache every row).
final class CellColumns: @unchecked Sendable {
  // Safe: a CellColumns belongs to one StatisticsAccumulator, used by one thread at a time —
  // the thread that reads its half of the file, then (after concurrentPerform has joined both)
  // the caller's thread, which absorbs and finishes it.

  /// A mapping's cells: (numerator, denominator) code pairs, complemented.
  typealias Mapping = UnsafeMutablePointer<UInt32>

  /// Districts per written-block flag: 512 districts x 2 sexes x 4 bytes = one 4 KiB page.
  static let blockSize = 512
  static let blockShift = blockSize.trailingZeroBitCount

  let districtCount: Int
  let blocks: Int
  /// Bytes of one mapping.
  let mappingBytes: Int
  /// Per grid slot, per band index: the mapping (nil = no cell of that band yet). Read for
  /// every row, so without the run-time exclusivity check: no access to it overlaps another
  /// (one thread at a time, and no method hands out an inout reference to it).
  @exclusivity(unchecked) private(set) var mappings: [[Mapping?]] = []
  /// Per mapping (of this state), the exact values of its cells coded `CellCode.overflow`, by
  /// index in the mapping (numerators from 0, denominators from 2n); no entry for a mapping
  /// without such cells.
  private var overflow: [Mapping: [Int: UInt32]] = [:]
  /// Per mapping, the mappings of later halves joined to it (disjoint cells of the same band),
  /// read with it when its grid is made; no entry for a mapping with none.
  private var joined: [Mapping: [Mapping]] = [:]
  /// Per grid slot, the bands with a mapping in the order they were first written (the order
  /// in which a dense grid would have given them storage).
  private(set) var bandOrder: [[Int]] = []

  init(districtCount: Int) {
    self.districtCount = districtCount
    blocks = (districtCount + Self.blockSize - 1) / Self.blockSize
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let bytes = 8 * districtCount + blocks
    mappingBytes = max(page, (bytes + page - 1) / page * page)
  }

  deinit {
    for slot in mappings {
      for case let m? in slot {
        for x in joined[m] ?? [] { unmap(x) }
        unmap(m)
      }
    }
  }

  /// Adds a grid slot (slots are numbered in order of addition).
  func addSlot() {
    mappings.append([])
    bandOrder.append([])
  }

  /// Writes a cell (any `UInt32` values, marks included); false (and nothing written) when the
  /// cell was already written.
  @inline(__always) func write(slot: Int, band: Int, sex: Int, district d: Int, numerator: UInt32, denominator: UInt32) -> Bool {
    write(into: mapping(slot: slot, band: band), sex: sex, district: d, numerator: numerator, denominator: denominator)
  }

  /// `write` into the mapping of the cell's (slot, band), as `mapping(slot:band:)` gave it.
  @inline(__always) func write(into m: Mapping, sex: Int, district d: Int, numerator: UInt32, denominator: UInt32) -> Bool {
    let q = 2 &* d &+ sex
    // The cell can only be written if its block is: checking the block's flag first (a byte
    // that stays in cache) skips the cell's load for a block not yet written, whose first
    // read would otherwise map the shared zero page and the write then fault a second time.
    let flag = written(m) + (d >> Self.blockShift)
    if flag.pointee != 0 && m[q] != 0 { return false }
    let numeratorCode = CellCode.code(numerator)
    let denominatorCode = CellCode.code(denominator)
    m[q] = UInt32(~numeratorCode) | UInt32(~denominatorCode) &<< 16
    if _slowPath(numeratorCode == CellCode.overflow || denominatorCode == CellCode.overflow) {
      let o = sex &* districtCount &+ d
      if numeratorCode == CellCode.overflow { overflow[m, default: [:]][o] = numerator }
      if denominatorCode == CellCode.overflow { overflow[m, default: [:]][2 &* districtCount &+ o] = denominator }
    }
    // Rows of one district write to every (slot, band) mapping, far too many streams for the
    // hardware prefetcher, and each cache line of pairs serves 8 districts: ask now for the
    // line that a district 16 on will write, so that it is in cache by then (a hint only; once
    // per line, from the district that starts one).
    if d & 7 == 0 { chiiki_prefetch_for_write(m + (q &+ 32)) }
    flag.pointee = 1
    return true
  }

  /// The pair index in a mapping of an overflow-table key (`sex * n + d`, denominators `2n` on).
  private func pairIndex(ofKey key: Int) -> Int {
    let o = key >= 2 * districtCount ? key - 2 * districtCount : key
    let sex = o >= districtCount ? 1 : 0
    return 2 * (o - sex * districtCount) + sex
  }

  /// The value of a cell's numerator (`CellMark.absent` when not written); for tests.
  func numerator(slot: Int, band: Int, sex: Int, district d: Int) -> UInt32 {
    foldJoined()
    guard band < mappings[slot].count, let m = mappings[slot][band] else { return CellMark.absent }
    let o = sex * districtCount + d
    return CellCode.value(~UInt16(truncatingIfNeeded: m[2 * d + sex]), table: overflow[m] ?? [:], key: o)
  }

  /// The value of a cell's denominator (`CellMark.absent` when not written); for tests.
  func denominator(slot: Int, band: Int, sex: Int, district d: Int) -> UInt32 {
    foldJoined()
    guard band < mappings[slot].count, let m = mappings[slot][band] else { return CellMark.absent }
    let o = 2 * districtCount + sex * districtCount + d
    return CellCode.value(~UInt16(truncatingIfNeeded: m[2 * d + sex] >> 16), table: overflow[m] ?? [:], key: o)
  }

  /// Cells held in overflow tables (numerators and denominators); for tests.
  var overflowCount: Int { overflow.values.reduce(0) { $0 + $1.count } }

  /// The mapping of (slot, band), made on first use. The pointer stays valid until `absorb`
  /// or `takeGrids` moves the slot's bands. (Writing after `absorb` first copies each joined
  /// mapping into its band's, so that `write` sees every cell written before.)
  @inline(__always) func mapping(slot: Int, band: Int) -> Mapping {
    if _slowPath(!joined.isEmpty) { foldJoined() }
    if band < mappings[slot].count, let m = mappings[slot][band] { return m }
    return makeMapping(slot: slot, band: band)
  }

  private func makeMapping(slot: Int, band: Int) -> Mapping {
    let m = mapZeroed()
    adopt(m, slot: slot, band: band)
    return m
  }

  private func adopt(_ m: Mapping, slot: Int, band: Int) {
    if band >= mappings[slot].count {
      mappings[slot].append(contentsOf: repeatElement(nil, count: band + 1 - mappings[slot].count))
    }
    mappings[slot][band] = m
    bandOrder[slot].append(band)
  }

  /// Moves the cells of `later`'s slot `from` into slot `to`, its band `lb` becoming band
  /// `bandMap[lb]`: a band only `later` has changes owner; a band both have keeps both mappings
  /// (`joined`), without a copy, once no cell is found in both. False when both wrote one cell
  /// (this state is then unusable, but still frees its memory).
  func absorb(_ later: CellColumns, from: Int, into to: Int, bandMap: [Int]) -> Bool {
    precondition(later.districtCount == districtCount)
    later.foldJoined()
    for lb in later.bandOrder[from] {
      guard let source = later.mappings[from][lb] else { continue }
      later.mappings[from][lb] = nil
      // The mapping is this state's from here on (freed by it), and so is its overflow table.
      if let table = later.overflow.removeValue(forKey: source) { overflow[source] = table }
      let b = bandMap[lb]
      guard b < mappings[to].count, let target = mappings[to][b] else {
        adopt(source, slot: to, band: b)
        continue
      }
      // Owned from here on even if the check fails (freed with its band).
      joined[target, default: []].append(source)
      for other in [target] + joined[target]!.dropLast() where !disjoint(source, other) { return false }
    }
    later.bandOrder[from] = []
    return true
  }

  /// Whether no cell is written in both mappings (only blocks both wrote can share one).
  private func disjoint(_ a: Mapping, _ b: Mapping) -> Bool {
    let n = districtCount
    let (aWritten, bWritten) = (written(a), written(b))
    for block in 0..<blocks where aWritten[block] != 0 && bWritten[block] != 0 {
      let lower = 2 * block * Self.blockSize
      let upper = 2 * min(n, (block + 1) * Self.blockSize)
      for q in lower..<upper where a[q] != 0 && b[q] != 0 { return false }
    }
    return true
  }

  /// Copies every joined mapping into its band's mapping and frees it (their cells are
  /// disjoint): for a state written to after `absorb`.
  private func foldJoined() {
    guard !joined.isEmpty else { return }
    for (target, sources) in joined {
      for source in sources {
        merge(source, into: target)
        unmap(source)
      }
    }
    joined = [:]
  }

  /// Copies the written cells of `source` into `target` (with their overflow values), which
  /// holds none of them (`disjoint`).
  private func merge(_ source: Mapping, into target: Mapping) {
    let n = districtCount
    let sourceWritten = written(source)
    let targetWritten = written(target)
    if let table = overflow[source] {
      // Overflow cells are few: move their values first (the cells are checked below).
      for (index, value) in table where target[pairIndex(ofKey: index)] == 0 {
        overflow[target, default: [:]][index] = value
      }
    }
    for block in 0..<blocks where sourceWritten[block] != 0 {
      let lower = 2 * block * Self.blockSize
      let upper = 2 * min(n, (block + 1) * Self.blockSize)
      for q in lower..<upper where source[q] != 0 { target[q] = source[q] }
      targetWritten[block] = 1
    }
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
    /// Per band, its mapping and the mappings joined to it (disjoint cells).
    var mappings: [[Mapping]]
    /// The overflow table of each band (its mappings' tables together; empty when none).
    var overflow: [[Int: UInt32]]
  }

  private func takeBands(slot: Int) -> Bands {
    let order = bandOrder[slot]
    let taken = order.map { band -> [Mapping] in
      let m = mappings[slot][band]!
      return [m] + (joined.removeValue(forKey: m) ?? [])
    }
    mappings[slot] = []
    bandOrder[slot] = []
    let tables = taken.map { band in
      band.reduce(into: [Int: UInt32]()) { table, m in
        // Disjoint cells: no key is in two tables.
        if let own = overflow.removeValue(forKey: m) { table.merge(own) { a, _ in a } }
      }
    }
    return Bands(order: order, mappings: taken, overflow: tables)
  }

  /// Copies the bands into a dense grid, freeing each mapping once copied.
  private func makeGrid(_ bands: Bands, bandCount: Int) -> CellGrid {
    let n = districtCount
    var slots = [Int32](repeating: -1, count: bandCount)
    for (position, band) in bands.order.enumerated() { slots[band] = Int32(position) }
    let total = bands.order.count * 2 * n
    var numeratorOverflow: [Int: UInt32] = [:]
    var denominatorOverflow: [Int: UInt32] = [:]
    for (position, table) in bands.overflow.enumerated() {
      let base = position * 2 * n
      for (index, value) in table {
        if index < 2 * n { numeratorOverflow[base + index] = value } else { denominatorOverflow[base + index - 2 * n] = value }
      }
    }
    var denominators: [UInt16] = []
    let numerators = [UInt16](unsafeUninitializedCapacity: total) { num, numCount in
      denominators = [UInt16](unsafeUninitializedCapacity: total) { den, denCount in
        for (position, band) in bands.mappings.enumerated() {
          let base = position * 2 * n
          for block in 0..<blocks {
            let lower = block * Self.blockSize
            let upper = min(n, (block + 1) * Self.blockSize)
            // The mappings that wrote the block: usually one (a half's own districts); two
            // where the halves met, their disjoint cells together (an unwritten pair is 0).
            var source: Mapping? = nil
            var sources = 0
            for m in band where written(m)[block] != 0 {
              source = m
              sources += 1
            }
            for sex in 0..<2 {
              let start = base + sex * n
              if sources == 1, let m = source {
                for d in lower..<upper {
                  let pair = m[2 * d + sex]
                  num[start + d] = ~UInt16(truncatingIfNeeded: pair)
                  den[start + d] = ~UInt16(truncatingIfNeeded: pair >> 16)
                }
              } else if sources > 1 {
                for d in lower..<upper {
                  var pair: UInt32 = 0
                  for m in band where written(m)[block] != 0 { pair |= m[2 * d + sex] }
                  num[start + d] = ~UInt16(truncatingIfNeeded: pair)
                  den[start + d] = ~UInt16(truncatingIfNeeded: pair >> 16)
                }
              } else {
                num.baseAddress!.advanced(by: start + lower).initialize(repeating: CellCode.absent, count: upper - lower)
                den.baseAddress!.advanced(by: start + lower).initialize(repeating: CellCode.absent, count: upper - lower)
              }
            }
          }
          // (Not `unmap`: grids are made on several threads, and the tables are already taken.)
          for m in band { munmap(UnsafeMutableRawPointer(m), mappingBytes) }
        }
        denCount = total
      }
      numCount = total
    }
    return CellGrid(
      districtCount: n, bandCount: bandCount, slots: slots, numeratorCodes: numerators, denominatorCodes: denominators,
      numeratorOverflow: numeratorOverflow, denominatorOverflow: denominatorOverflow)
  }

  @inline(__always) private func written(_ m: Mapping) -> UnsafeMutablePointer<UInt8> {
    UnsafeMutableRawPointer(m + 2 * districtCount).assumingMemoryBound(to: UInt8.self)
  }

  /// A zero-filled anonymous mapping: its pages take memory only once written.
  private func mapZeroed() -> Mapping {
    guard let raw = mmap(nil, mappingBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), raw != MAP_FAILED else {
      fatalError("out of memory: could not map \(mappingBytes) bytes for statistics cells")
    }
    return raw.assumingMemoryBound(to: UInt32.self)
  }

  /// Frees a mapping of this state and its overflow table (a later mapping may reuse the address).
  private func unmap(_ m: Mapping) {
    overflow[m] = nil
    munmap(UnsafeMutableRawPointer(m), mappingBytes)
  }
}
