import Foundation

/// Writes bytes to a file through a large buffer, with fast integer formatting, so that
/// national-scale files (tens of millions of rows) stream out without building rows in memory.
///
/// The file is written as `<path>.partial` and renamed onto `path` by `finish()`, so a failed
/// run never leaves a half-written file under the final name.
final class BufferedFileWriter {
  private let path: String
  private let partialPath: String
  private let file: UnsafeMutablePointer<FILE>
  private let buffer: UnsafeMutablePointer<UInt8>
  private let capacity: Int
  private var count = 0
  private var finished = false
  /// Data rows written so far (lines after the header).
  private(set) var rows = 0
  /// Bytes written so far.
  private(set) var bytes = 0

  init(path: String, capacity: Int = 1 << 20) throws(SampleError) {
    self.path = path
    partialPath = path + ".partial"
    guard let f = fopen(partialPath, "wb") else {
      throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
    file = f
    self.capacity = capacity
    buffer = .allocate(capacity: capacity)
  }

  deinit {
    if !finished {
      fclose(file)
      unlink(partialPath)
    }
    buffer.deallocate()
  }

  /// Makes room for `n` more bytes.
  @inline(__always) private func reserve(_ n: Int) throws(SampleError) {
    if count + n > capacity { try flush() }
  }

  private func flush() throws(SampleError) {
    guard count > 0 else { return }
    if fwrite(buffer, 1, count, file) != count {
      throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
    bytes += count
    count = 0
  }

  /// Appends raw bytes.
  func write(_ bytes: [UInt8]) throws(SampleError) {
    if bytes.count > capacity {
      try flush()
      for b in bytes { try write(byte: b) }
      return
    }
    try reserve(bytes.count)
    bytes.withUnsafeBufferPointer { src in
      (buffer + count).update(from: src.baseAddress!, count: src.count)
    }
    count += bytes.count
  }

  /// Appends the UTF-8 bytes of `text`.
  func write(_ text: String) throws(SampleError) {
    try write(Array(text.utf8))
  }

  /// Appends one byte.
  @inline(__always) func write(byte: UInt8) throws(SampleError) {
    try reserve(1)
    buffer[count] = byte
    count += 1
  }

  /// Appends a non-negative integer in decimal without going through String.
  func write(int value: Int) throws(SampleError) {
    try reserve(20)
    var v = UInt(max(0, value))
    if v < 10 {
      buffer[count] = 48 &+ UInt8(v)
      count += 1
      return
    }
    var digits = 0
    var probe = v
    while probe > 0 { digits += 1; probe /= 10 }
    var i = count + digits - 1
    while v > 0 {
      buffer[i] = 48 &+ UInt8(v % 10)
      v /= 10
      i -= 1
    }
    count += digits
  }

  /// Appends a comma.
  @inline(__always) func comma() throws(SampleError) { try write(byte: 44) }

  /// Ends a row with LF and counts it (the header is the first row and is not counted).
  @inline(__always) func endRow() throws(SampleError) {
    try write(byte: 10)
    rows += 1
  }

  /// Writes a header row (not counted in `rows`).
  func header(_ columns: [String]) throws(SampleError) {
    try write(columns.joined(separator: ",") + "\n")
  }

  /// Appends a text cell, quoted per RFC 4180 when it holds a comma, quote or line break.
  func write(cell text: String) throws(SampleError) {
    if text.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) {
      try write("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
    } else {
      try write(text)
    }
  }

  /// Flushes, closes and renames the file onto its final name.
  func finish() throws(SampleError) {
    try flush()
    finished = true
    if fclose(file) != 0 {
      unlink(partialPath)
      throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
    if rename(partialPath, path) != 0 {
      unlink(partialPath)
      throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
  }
}
