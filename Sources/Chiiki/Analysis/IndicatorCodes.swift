import Foundation

/// A small code for each indicator identifier, so that `IndicatorResult` (one per district and
/// indicator) stores 4 bytes instead of the 16 of an `IndicatorID`. Codes are handed out once
/// per identifier for the life of the process (the same identifier always has the same code),
/// so results of different runs never disagree; the table holds only the few identifiers seen.
final class IndicatorCodes: @unchecked Sendable {
  // Safe: both tables are read and written only under `lock`.
  static let shared = IndicatorCodes()

  private let lock = NSLock()
  private var identifiers: [IndicatorID] = []
  private var codes: [IndicatorID: UInt32] = [:]

  /// The code of `indicator`, given a new one when first seen.
  func code(_ indicator: IndicatorID) -> UInt32 {
    lock.lock()
    defer { lock.unlock() }
    if let code = codes[indicator] { return code }
    let code = UInt32(identifiers.count)
    identifiers.append(indicator)
    codes[indicator] = code
    return code
  }

  /// Every identifier handed out so far, indexed by code: one lock for a whole file's rows
  /// instead of one per driver (codes are never taken back, so a snapshot stays right for
  /// the codes it holds).
  func snapshot() -> [IndicatorID] {
    lock.lock()
    defer { lock.unlock() }
    return identifiers
  }

  /// The identifier of a code from `code(_:)`.
  func indicator(_ code: UInt32) -> IndicatorID {
    lock.lock()
    defer { lock.unlock() }
    return identifiers[Int(code)]
  }
}
