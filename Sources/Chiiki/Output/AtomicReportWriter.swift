import Foundation

/// One output file, fully rendered in memory before anything touches the disk.
public struct ReportFile: Sendable {
  public var name: String
  public var bytes: [UInt8]
  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }
  public init(name: String, text: String) { self.init(name: name, bytes: Array(text.utf8)) }
}

/// Writes a run's files all or none: into a temporary folder beside the target, then renamed
/// into place. An earlier report for the same period survives any failure before the swap.
public enum AtomicReportWriter {
  /// A fault to inject in tests: fail after writing this many files.
  public static func commit(_ files: [ReportFile], to target: String, failAfter: Int? = nil) throws(ChiikiError) {
    let fm = FileManager.default
    let targetURL = URL(fileURLWithPath: target).standardizedFileURL
    let parent = targetURL.deletingLastPathComponent()
    let name = targetURL.lastPathComponent
    let pid = ProcessInfo.processInfo.processIdentifier
    let temp = parent.appendingPathComponent(".\(name).partial-\(pid)")
    let previous = parent.appendingPathComponent(".\(name).previous-\(pid)")
    do {
      try fm.createDirectory(at: parent, withIntermediateDirectories: true)
      if fm.fileExists(atPath: temp.path) { try fm.removeItem(at: temp) }
      try fm.createDirectory(at: temp, withIntermediateDirectories: false)
    } catch {
      throw .io(path: parent.path, reason: "cannot create the output folder: \(error.localizedDescription)")
    }
    do {
      for (i, file) in files.enumerated() {
        if let failAfter, i >= failAfter {
          throw ChiikiError.io(path: target, reason: "injected failure after \(failAfter) files")
        }
        let url = temp.appendingPathComponent(file.name)
        guard fm.createFile(atPath: url.path, contents: Data(file.bytes)) else {
          throw ChiikiError.io(path: url.path, reason: "cannot write \(file.name)")
        }
      }
      if fm.fileExists(atPath: targetURL.path) {
        if fm.fileExists(atPath: previous.path) { try? fm.removeItem(at: previous) }
        do { try fm.moveItem(at: targetURL, to: previous) } catch {
          throw ChiikiError.io(path: target, reason: "cannot move the earlier report aside: \(error.localizedDescription)")
        }
        do { try fm.moveItem(at: temp, to: targetURL) } catch {
          try? fm.moveItem(at: previous, to: targetURL)
          throw ChiikiError.io(path: target, reason: "cannot put the new report in place: \(error.localizedDescription)")
        }
        try? fm.removeItem(at: previous)
      } else {
        do { try fm.moveItem(at: temp, to: targetURL) } catch {
          throw ChiikiError.io(path: target, reason: "cannot put the new report in place: \(error.localizedDescription)")
        }
      }
    } catch let error as ChiikiError {
      try? fm.removeItem(at: temp)
      throw error
    } catch {
      try? fm.removeItem(at: temp)
      throw .io(path: target, reason: error.localizedDescription)
    }
  }
}
