import Foundation
import Testing

@testable import Chiiki

/// `CSVReader` with `QuoteFreeRows` (whole records of quote-free slices skip libcsv) must give
/// exactly what libcsv alone gives (the reference: `quoteFreeFastPath = false`): the same
/// records, field bytes, line numbers, summaries, row-boundary stops and errors, on random
/// input full of the edge cases (spaces and tabs around fields, blank and space-only lines,
/// CR, LF and CRLF, empty fields, trailing commas, no final line break, quotes now and then)
/// and chunk sizes that cut records anywhere.
@Suite struct CSVReaderFastPathTests {
  struct Rng {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % n
    }
  }

  /// Random CSV-ish bytes; `quotes` allows quote characters.
  func document(_ rng: inout Rng, quotes: Bool, spaces: Bool = true) -> [UInt8] {
    let pieces = spaces
      ? ["a", "bc", "12", "2026-10", ",", ",", ",", " ", "  ", "\t", "\n", "\n", "\r\n", "\r", "町", "é", "x y"]
      : ["a", "bc", "12", "2026-10", ",", ",", ",", "\n", "\n", "\r\n", "\r", "町", "é", "xy", "\n\n", ",,"]
    let quoted = ["\"", "\"q,\"", "\"a\"\"b\"", "\"l\nm\""]
    var out: [UInt8] = []
    for _ in 0..<(1 + rng.next(120)) {
      if quotes && rng.next(12) == 0 {
        out += Array(quoted[rng.next(quoted.count)].utf8)
      } else {
        out += Array(pieces[rng.next(pieces.count)].utf8)
      }
    }
    return out
  }

  /// Everything a read shows: each record (line, fields as bytes) and how it ended.
  func read(_ path: String, chunk: Int, fast: Bool, end: Int = Int.max, stop: Bool = false) -> [String] {
    var reader = CSVReader(path: path, encoding: .utf8)
    reader.chunkSize = chunk
    reader.quoteFreeFastPath = fast
    var sink = Collect()
    do {
      let r = try reader.read(from: 0, to: end, stopAtRowBoundary: stop, into: &sink)
      return sink.out + ["end \(r.endedAtRowBoundary) \(r.nextLine) \(r.summary.records) \(r.summary.bytes)"]
    } catch {
      if case .invalidInput(let log) = error { return sink.out + ["error"] + log.rendered() }
      return sink.out + ["error \(error)"]
    }
  }

  struct Collect: CSVRecordSink {
    var out: [String] = []
    mutating func record(_ r: CSVRecord) {
      out.append("\(r.line): " + (0..<r.count).map { Array(r.field($0)).description }.joined(separator: "|"))
    }
  }

  @Test(arguments: [1, 2, 3, 4, 5, 6])
  func sameAsLibcsvAlone(seed: UInt64) {
    var rng = Rng(state: seed)
    let dir = TempDir()
    defer { dir.remove() }
    var differences: [String] = []
    for k in 0..<300 {
      // Documents without spaces and tabs take `QuoteFreeRows.parsePlain`, the others `parse`.
      let bytes = document(&rng, quotes: k % 4 == 1, spaces: k % 4 >= 2)
      let path = dir.write("x\(k).csv", bytes: bytes)
      for chunk in [1, 3, 7, 16, 1 << 20] {
        if read(path, chunk: chunk, fast: true) != read(path, chunk: chunk, fast: false) {
          differences.append("seed \(seed) doc \(k) chunk \(chunk): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
      }
      let middle = bytes.count / 2
      if read(path, chunk: 5, fast: true, end: middle, stop: true) != read(path, chunk: 5, fast: false, end: middle, stop: true) {
        differences.append("seed \(seed) doc \(k) stop at \(middle)")
      }
    }
    let count = differences.count
    #expect(count == 0, "\(differences.prefix(3))")
  }

  /// Slices of 64 KiB (the reader's slice size) with records cut at their ends.
  @Test func largeQuoteFreeFile() {
    var rng = Rng(state: 99)
    var text = "period,district_code,sex\r\n"
    for i in 0..<40_000 {
      // Spaces in some 64 KiB slices only, so that both quote-free paths run.
      let space = i >= 20_000 && i < 30_000 ? " " : ""
      text += "2026-\(1 + rng.next(12)),\(space)\(i),\(["male", "female", "", "x"][rng.next(4)])\(rng.next(50) == 0 ? "\n\n" : "\r\n")"
    }
    let dir = TempDir()
    defer { dir.remove() }
    let path = dir.write("big.csv", text)
    #expect(read(path, chunk: 1 << 20, fast: true) == read(path, chunk: 1 << 20, fast: false))
    #expect(read(path, chunk: 100_003, fast: true) == read(path, chunk: 100_003, fast: false))
  }
}
