import Testing

@testable import Chiiki

/// libcsv writes each field straight into `ParseState`'s pool, the field callback moving its
/// buffer on past each field. Bytes libcsv writes and then drops (the spaces after an unquoted
/// field, the closing quote and the spaces after a quoted one) must be overwritten by the next
/// field, never read as part of either; a field cut by a slice or chunk end must survive the
/// move of the record being parsed to the pool's front. Fields and record lines must be the
/// ones written, at many chunk sizes.
@Suite struct CSVReaderInPlaceFieldsTests {
  /// A random field as written in the file, and the value libcsv reads from it.
  func field(_ rng: inout UInt64) -> (text: String, value: String) {
    func pick(_ options: [String]) -> String { options[Int(splitMix(&rng) % UInt64(options.count))] }
    func pad() -> String { pick(["", "", " ", "  ", "\t", " \t "]) }
    let word = (0..<Int(splitMix(&rng) % 12)).map { _ in pick(["a", "7", "b c", "東", "x"]) }.joined()
    switch splitMix(&rng) % 4 {
    case 0: return (pad() + word + pad(), word)  // spaces and tabs around an unquoted field are dropped
    case 1:
      let inner = word + pick(["", ",", "\"", "\n", " ", "\"\""]) + word
      return (pad() + "\"" + inner.replacingAll(["\"": "\"\""]) + "\"" + pad(), inner)
    case 2: return ("", "")
    default: return (word, word)
    }
  }

  @Test(arguments: [3, 4093, 8192, 1 << 20])
  func fieldsAndLinesAreTheOnesWritten(chunk: Int) throws {
    var rng: UInt64 = 0x1A_91AC_E000 &+ UInt64(chunk)
    var text = ""
    var expected: [(line: Int, fields: [String])] = []
    var line = 1
    for _ in 0..<3000 {
      let count = 1 + Int(splitMix(&rng) % 7)
      let fields = (0..<count).map { _ in field(&rng) }
      // A record of one empty field is a blank line, which libcsv skips.
      if fields.allSatisfy({ $0.value.isEmpty && !$0.text.contains("\"") }) && count == 1 { continue }
      text += fields.map(\.text).joined(separator: ",") + (splitMix(&rng) % 3 == 0 ? "\r\n" : "\n")
      expected.append((line, fields.map(\.value)))
      line += 1 + fields.reduce(0) { $0 + $1.value.filter { $0 == "\n" }.count }
    }
    let dir = TempDir()
    defer { dir.remove() }
    var reader = CSVReader(path: dir.write("inplace.csv", text))
    reader.chunkSize = chunk
    var read: [(line: Int, fields: [String])] = []
    try reader.forEachRecord { r in read.append((r.line, (0..<r.count).map { r.string($0) ?? "<undecodable>" })) }
    #expect(read.count == expected.count)
    var wrong = 0
    for (a, b) in zip(read, expected) where a.line != b.line || a.fields != b.fields { wrong += 1 }
    #expect(wrong == 0)
    #expect(expected.count > 2500)
  }
}
