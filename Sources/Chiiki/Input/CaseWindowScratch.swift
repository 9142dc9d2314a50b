import CLibCSV

/// The window totals of cases.csv added up district by district, for the replay of buffered
/// rows (`CasesAccumulator.finish` when the run period was not given).
///
/// `CaseData` keeps each window total as one array per category (or band and sex) over all
/// districts. Rows come month by month and district by district, so adding them there touches
/// some fifty arrays in turn, each at a new cache line: the adds missed the cache. Here each
/// district's totals sit together (per category slot: consultations, referrals, exits; per band
/// slot and sex: consultations), so a month's rows walk forward through one array; `move(into:)`
/// then puts every total where `CaseData` keeps it. The sums are the same: UInt32 wrapping adds
/// give the same result in any order.
struct CaseWindowScratch {
  let districtCount: Int
  /// Category slots (`CasesAccumulator`'s, not `CaseData` indices).
  let categorySlots: Int
  /// Band slots, slot 0 being the unknown age.
  let bandSlots: Int
  /// `[d * categoryStride + k * 3 + {0 consultations, 1 referrals, 2 exits}]`.
  private var byCategory: UnsafeMutablePointer<UInt32>
  /// `[d * bandStride + j * 3 + sex]`.
  private var byBand: UnsafeMutablePointer<UInt32>
  private var categoryStride: Int { categorySlots * 3 }
  private var bandStride: Int { bandSlots * 3 }

  init(districtCount: Int, categorySlots: Int, bandSlots: Int) {
    self.districtCount = districtCount
    self.categorySlots = categorySlots
    self.bandSlots = bandSlots
    let c = Swift.max(1, districtCount * categorySlots * 3)
    let b = Swift.max(1, districtCount * bandSlots * 3)
    byCategory = .allocate(capacity: c)
    byCategory.initialize(repeating: 0, count: c)
    byBand = .allocate(capacity: b)
    byBand.initialize(repeating: 0, count: b)
  }

  /// Frees the buffers (call once, after `move(into:)`).
  func free() {
    byCategory.deallocate()
    byBand.deallocate()
  }

  /// Adds a window row's counts for its category slot `k` and district `d`.
  @inline(__always) func addCategory(_ k: Int, _ d: Int, consultations: Int, referrals: Int, exits: Int) {
    let p = byCategory + (d * categoryStride + k * 3)
    p[0] &+= UInt32(truncatingIfNeeded: consultations)
    p[1] &+= UInt32(truncatingIfNeeded: referrals)
    p[2] &+= UInt32(truncatingIfNeeded: exits)
  }

  /// Asks for the cache lines a coming row will add to (the replay knows its rows in advance;
  /// the hardware cannot guess these strided addresses soon enough).
  @inline(__always) func prefetch(district d: Int, categorySlot k: Int, bandSlot j: Int, sex s: Int) {
    guard d >= 0, d < districtCount, k < categorySlots, j < bandSlots else { return }
    chiiki_prefetch_for_write(byCategory + (d * categoryStride + k * 3))
    chiiki_prefetch_for_write(byBand + (d * bandStride + j * 3 + s))
  }

  /// Adds a window row's consultations for its band slot `j` (0: unknown age), sex `s` and district `d`.
  @inline(__always) func addBand(_ j: Int, _ s: Int, _ d: Int, consultations: Int) {
    byBand[d * bandStride + j * 3 + s] &+= UInt32(truncatingIfNeeded: consultations)
  }

  /// Adds the totals into `data`'s arrays: category slot k at `CaseData` index
  /// `categoryIndex[k]`, band slot j >= 1 at `bandIndex[j]`, band slot 0 into
  /// `windowUnknownAge`. A slot with no index (-1) had no window row, so all its totals are 0.
  func move(into data: inout CaseData, categoryIndex: [Int], bandIndex: [Int]) {
    let n = districtCount
    for k in 0..<Swift.min(categorySlots, categoryIndex.count) where categoryIndex[k] >= 0 {
      let base = categoryIndex[k] * n
      data.windowConsultations.withUnsafeMutableBufferPointer { consultations in
        data.windowReferrals.withUnsafeMutableBufferPointer { referrals in
          data.windowExits.withUnsafeMutableBufferPointer { exits in
            var p = byCategory + k * 3
            for d in 0..<n {
              consultations[base + d] &+= p[0]
              referrals[base + d] &+= p[1]
              exits[base + d] &+= p[2]
              p += categoryStride
            }
          }
        }
      }
    }
    for j in 0..<Swift.min(bandSlots, bandIndex.count) {
      let b = bandIndex[j]
      guard j == 0 || b >= 0 else { continue }
      for s in 0..<3 {
        var p = byBand + (j * 3 + s)
        if j == 0 {
          data.windowUnknownAge.withUnsafeMutableBufferPointer { out in
            let base = s * n
            for d in 0..<n {
              out[base + d] &+= p.pointee
              p += bandStride
            }
          }
        } else {
          data.windowBySegment.withUnsafeMutableBufferPointer { out in
            let base = (b * 3 + s) * n
            for d in 0..<n {
              out[base + d] &+= p.pointee
              p += bandStride
            }
          }
        }
      }
    }
  }
}
