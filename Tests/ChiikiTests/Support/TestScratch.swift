import Foundation

/// One temporary folder per test process that every test folder lives in, removed when the
/// process exits: tests that forget to clean up (or stop at a failed `#require`) leave nothing
/// behind in /tmp.
enum TestScratch {
  static let root: String = {
    let path = NSTemporaryDirectory() + "chiiki-tests-\(getpid())-\(UUID().uuidString.prefix(8))"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: TestScratch.root) }
    return path
  }()

  /// A new, empty folder under `root` whose name starts with `prefix`.
  static func folder(_ prefix: String) -> String {
    let path = (root as NSString).appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
