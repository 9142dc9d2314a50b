// chiiki-fuzz: a libFuzzer target on the CSV reader, the loaders/validator and the chiiki.toml
// parser, and a replay tool for the same entry point.
//
// Normal build (`swift build`): a command-line tool that replays inputs through `FuzzHarness.run`
//   chiiki-fuzz FILE_OR_DIR...                 replay fuzz inputs (files, or folders of them)
//   chiiki-fuzz --write-seeds OUT FIXTURES     turn the malformed/awkward corpus into seed inputs
// Fuzz build (`swift build --product chiiki-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -DCHIIKI_FUZZ`):
//   `LLVMFuzzerTestOneInput` and no `main` (libFuzzer supplies it). See Scripts/fuzz.sh.
//
// This target has one source file, not named main.swift, so SwiftPM compiles it as a library
// (`-parse-as-library`): there is no top-level code, and `@main` exists only in the replay build.

import Chiiki
import Foundation

/// One fuzz input is a data folder: its files in `FuzzHarness.files` order, separated by
/// `FuzzHarness.separator`. A missing part leaves that file out; an empty part is an empty file.
enum FuzzHarness {
  static let files = ["districts.csv", "statistics.csv", "cases.csv", "population.csv", "resources.csv", "chiiki.toml"]
  static let separator: [UInt8] = Array("\n\u{1E}\u{1E}\n".utf8)

  nonisolated(unsafe) static var directory: String = {
    let dir = NSTemporaryDirectory() + "chiiki-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }()

  static func split(_ data: [UInt8]) -> [[UInt8]] {
    var parts: [[UInt8]] = []
    var start = 0
    var i = 0
    while i + separator.count <= data.count {
      if data[i..<(i + separator.count)].elementsEqual(separator) {
        parts.append(Array(data[start..<i]))
        i += separator.count
        start = i
      } else {
        i += 1
      }
    }
    parts.append(Array(data[start...]))
    return parts
  }

  static func join(_ parts: [[UInt8]?]) -> [UInt8] {
    var out: [UInt8] = []
    for (i, part) in parts.enumerated() {
      if i > 0 { out += separator }
      out += part ?? []
    }
    return out
  }

  static func write(_ bytes: [UInt8], _ name: String) -> String {
    let path = directory + "/" + name
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
  }

  /// Runs every entry point on one input. Errors are expected; a crash, trap or hang is a bug.
  static func run(_ data: [UInt8]) {
    // 1. Raw bytes through the CSV reader, touching every field's bytes and text.
    let raw = write(data, "raw.csv")
    _ = try? CSVReader(path: raw, displayName: "raw.csv").forEachRecord { record in
      for i in 0..<record.count { _ = record.string(i) }
    }
    _ = try? CSVReader(path: raw, displayName: "raw.csv", encoding: .cp932).forEachRecord { record in
      for i in 0..<record.count { _ = record.string(i)?.count }
    }
    // 2. Raw bytes as chiiki.toml.
    _ = try? ConfigurationLoader.parse(text: String(decoding: data, as: UTF8.self), displayName: "chiiki.toml", baseDirectory: "")

    // 3. The input as a data folder, through the loaders and cross-file checks.
    let parts = split(data)
    var configuration = Configuration()
    for (i, name) in files.enumerated() {
      let path = directory + "/" + name
      if i < parts.count {
        _ = write(parts[i], name)
      } else {
        try? FileManager.default.removeItem(atPath: path)
      }
    }
    if parts.count > 5, let c = try? ConfigurationLoader.parse(
      text: String(decoding: parts[5], as: UTF8.self), displayName: "chiiki.toml", baseDirectory: directory)
    {
      configuration = c
      // A configured external rate file would be read from anywhere; keep the run in the folder.
      if case .externalRates = c.reference { return }
    }
    _ = try? DatasetLoader.load(LoadOptions(dataDirectory: directory, configuration: configuration))
    // With a run period given, and the two-thread split reader forced on even for small files.
    var split = LoadOptions(dataDirectory: directory, runPeriod: Period(year: 2026, month: 10), configuration: configuration)
    split.parallelism = .always
    _ = try? DatasetLoader.load(split)
  }
}

#if CHIIKI_FUZZ
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    FuzzHarness.run(data)
    return 0
  }

  /// libFuzzer's driver (in libclang_rt.fuzzer, linked by -sanitize=fuzzer). Pointer-only
  /// arguments, so the Swift and C calling conventions agree.
  @_silgen_name("LLVMFuzzerRunDriver")
  func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  /// SwiftPM links an executable with `main` defined as `<module>_main` (so that tests can link
  /// it), which keeps libFuzzer's own `main` out; this stands in for it and starts the driver.
  @_cdecl("chiiki_fuzz_main")
  public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzTestOneInput)
  }
#else
  @main
  struct FuzzReplay {
    static func main() {
      var arguments = Array(CommandLine.arguments.dropFirst())
      if arguments.first == "--write-seeds", arguments.count == 3 {
        exit(writeSeeds(out: arguments[1], fixtures: arguments[2]))
      }
      if arguments.isEmpty {
        print("usage: chiiki-fuzz FILE_OR_DIR... | chiiki-fuzz --write-seeds OUT FIXTURES_DIR")
        exit(64)
      }
      var inputs: [String] = []
      while let path = arguments.first {
        arguments.removeFirst()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { continue }
        if isDir.boolValue {
          let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
          inputs += names.sorted().map { path + "/" + $0 }
        } else {
          inputs.append(path)
        }
      }
      var count = 0
      for path in inputs {
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        FuzzHarness.run([UInt8](data))
        count += 1
      }
      print("replayed \(count) inputs without a crash")
    }

    /// Writes one seed per corpus case: the `tiny` city with the case's files laid over it
    /// (see Tests/ChiikiTests/Hardening/Corpus.swift for the folder layout).
    static func writeSeeds(out: String, fixtures: String) -> Int32 {
      let fm = FileManager.default
      try? fm.createDirectory(atPath: out, withIntermediateDirectories: true)
      func read(_ path: String) -> [UInt8]? { fm.contents(atPath: path).map { [UInt8]($0) } }
      let tiny = fixtures + "/tiny"
      var written = 0
      for group in ["malformed", "awkward"] {
        let root = fixtures + "/" + group
        for name in ((try? fm.contentsOfDirectory(atPath: root)) ?? []).sorted() {
          let dir = root + "/" + name
          let spec = String(decoding: read(dir + "/case.txt") ?? [], as: UTF8.self)
          let removed = spec.split(separator: "\n").compactMap { line -> String? in
            line.hasPrefix("remove:") ? line.dropFirst(7).trimmingCharacters(in: .whitespaces) : nil
          }
          let base = spec.contains("base: none") ? nil : tiny
          var parts: [[UInt8]?] = FuzzHarness.files.map { file in
            if removed.contains(file) { return nil }
            return read(dir + "/" + file) ?? base.flatMap { read($0 + "/" + file) }
          }
          // Drop trailing absent files; keep inner ones as empty parts.
          while let last = parts.last, last == nil { parts.removeLast() }
          if parts.isEmpty { continue }
          _ = fm.createFile(atPath: out + "/\(group)-\(name)", contents: Data(FuzzHarness.join(parts)))
          written += 1
        }
      }
      print("wrote \(written) seeds to \(out)")
      return 0
    }
  }
#endif
