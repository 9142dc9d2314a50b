import Foundation

/// One output file, fully rendered in memory.
public struct ReportFile: Sendable {
  public var name: String
  public var bytes: [UInt8]
  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }
  public init(name: String, text: String) { self.init(name: name, bytes: Array(text.utf8)) }
}

/// What the manifest says of one written output: its name, SHA-256 and size.
public struct WrittenFile: Sendable {
  public var name: String
  public var sha256: String
  public var bytes: Int
}

/// Writes a run's files all or none: into a temporary folder beside the target, then renamed
/// into place. An earlier report for the same period survives any failure before the swap.
public enum AtomicReportWriter {
  /// A fault to inject in tests: fail after writing this many files.
  public static func commit(_ files: [ReportFile], to target: String, failAfter: Int? = nil) throws(ChiikiError) {
    let stage = try ReportStage(target: target, failAfter: failAfter)
    do {
      for file in files { _ = try stage.write(file) }
      try stage.commit()
    } catch {
      stage.abort()
      throw error
    }
  }
}

/// A report being written: `ReportStage(target:)` makes the temporary folder, files are written
/// into it one at a time (from any thread), then `commit()` swaps it into place or `abort()`
/// removes it. Until the swap, an earlier report at the target is untouched.
public final class ReportStage: @unchecked Sendable {
  // Safe: `started` and `done` are only touched while holding `lock`; the URLs are immutable.
  private let targetURL: URL
  private let temp: URL
  private let previous: URL
  private let target: String
  private let failAfter: Int?
  private let lock = NSLock()
  private var started = 0
  private var done = false

  public init(target: String, failAfter: Int? = nil) throws(ChiikiError) {
    let fm = FileManager.default
    self.target = target
    self.failAfter = failAfter
    targetURL = URL(fileURLWithPath: target).standardizedFileURL
    let parent = targetURL.deletingLastPathComponent()
    let name = targetURL.lastPathComponent
    let pid = ProcessInfo.processInfo.processIdentifier
    temp = parent.appendingPathComponent(".\(name).partial-\(pid)")
    previous = parent.appendingPathComponent(".\(name).previous-\(pid)")
    do {
      try fm.createDirectory(at: parent, withIntermediateDirectories: true)
      if fm.fileExists(atPath: temp.path) { try fm.removeItem(at: temp) }
      try fm.createDirectory(at: temp, withIntermediateDirectories: false)
    } catch {
      throw .io(path: parent.path, reason: "cannot create the output folder: \(error.localizedDescription)")
    }
  }

  /// Opens a new file of the report for writing (counts towards the injected failure).
  public func open(_ name: String) throws(ChiikiError) -> OutputSink {
    lock.lock()
    let i = started
    started += 1
    lock.unlock()
    if let failAfter, i >= failAfter {
      throw ChiikiError.io(path: target, reason: "injected failure after \(failAfter) files")
    }
    let path = temp.appendingPathComponent(name).path
    let fd = Foundation.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw ChiikiError.io(path: path, reason: "cannot write \(name)") }
    return OutputSink(name: name, path: path, fd: fd)
  }

  /// Writes one whole file.
  @discardableResult
  public func write(_ file: ReportFile) throws(ChiikiError) -> WrittenFile {
    let sink = try open(file.name)
    file.bytes.withUnsafeBytes { sink.write($0) }
    return try sink.close()
  }

  /// Puts the report in place of the target (an earlier report is replaced only now).
  public func commit() throws(ChiikiError) {
    let fm = FileManager.default
    if fm.fileExists(atPath: targetURL.path) {
      if fm.fileExists(atPath: previous.path) { try? fm.removeItem(at: previous) }
      do { try fm.moveItem(at: targetURL, to: previous) } catch {
        abort()
        throw .io(path: target, reason: "cannot move the earlier report aside: \(error.localizedDescription)")
      }
      do { try fm.moveItem(at: temp, to: targetURL) } catch {
        try? fm.moveItem(at: previous, to: targetURL)
        abort()
        throw .io(path: target, reason: "cannot put the new report in place: \(error.localizedDescription)")
      }
      try? fm.removeItem(at: previous)
    } else {
      do { try fm.moveItem(at: temp, to: targetURL) } catch {
        abort()
        throw .io(path: target, reason: "cannot put the new report in place: \(error.localizedDescription)")
      }
    }
    lock.lock()
    done = true
    lock.unlock()
  }

  /// Removes the temporary folder (nothing at the target changes).
  public func abort() {
    lock.lock()
    let finished = done
    lock.unlock()
    guard !finished else { return }
    try? FileManager.default.removeItem(at: temp)
  }
}

/// One output file being written: bytes go to disk as they come and are hashed on the way, so
/// a file is never held whole in memory. A write error is kept and reported by `close()`.
public final class OutputSink: @unchecked Sendable {
  // Safe: a sink is used by one thread at a time (the renderer that opened it).
  public let name: String
  private let path: String
  private var fd: Int32
  private var hash = SHA256()
  private var count = 0
  private var failed: String? = nil

  init(name: String, path: String, fd: Int32) {
    self.name = name
    self.path = path
    self.fd = fd
  }

  deinit { if fd >= 0 { Foundation.close(fd) } }

  public func write(_ bytes: UnsafeRawBufferPointer) {
    guard failed == nil, fd >= 0, let base = bytes.baseAddress else { return }
    hash.update(bytes)
    count += bytes.count
    var offset = 0
    while offset < bytes.count {
      let n = Foundation.write(fd, base + offset, bytes.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        failed = String(cString: strerror(errno))
        return
      }
      offset += n
    }
  }

  public func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write($0) } }

  /// Closes the file; its name, hash and size for the manifest.
  public func close() throws(ChiikiError) -> WrittenFile {
    if fd >= 0, Foundation.close(fd) != 0, failed == nil { failed = String(cString: strerror(errno)) }
    fd = -1
    if let failed { throw ChiikiError.io(path: path, reason: "cannot write \(name): \(failed)") }
    return WrittenFile(name: name, sha256: hash.finalizeHex(), bytes: count)
  }
}
