import Foundation

/// Temporary folders and files for tests, removed by the caller with `remove()`.
struct TempDir {
  let path: String

  init() {
    path = TestScratch.folder("test")
  }

  func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

  @discardableResult
  func write(_ name: String, _ text: String) -> String {
    let p = file(name)
    FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
    return p
  }

  @discardableResult
  func write(_ name: String, bytes: [UInt8]) -> String {
    let p = file(name)
    FileManager.default.createFile(atPath: p, contents: Data(bytes))
    return p
  }

  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

enum Fixtures {
  /// The folder of a fixture city under Tests/ChiikiTests/Fixtures.
  static func path(_ name: String) -> String {
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    return here.appendingPathComponent("Fixtures").appendingPathComponent(name).path
  }

  /// Copies a fixture city into a fresh temporary folder so a test may edit it.
  static func copy(_ name: String) -> TempDir {
    let dir = TempDir()
    let source = path(name)
    for file in (try? FileManager.default.contentsOfDirectory(atPath: source)) ?? [] {
      try? FileManager.default.copyItem(atPath: (source as NSString).appendingPathComponent(file), toPath: dir.file(file))
    }
    return dir
  }
}
