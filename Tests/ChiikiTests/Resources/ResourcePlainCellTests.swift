import Testing

@testable import Chiiki

/// `ResourceRowReader.isPlain` lets a resources.csv cell skip the checked path when its bytes
/// read as text are themselves, trimmed. It must say yes exactly when the checked path would
/// give the same bytes back: valid text (ASCII in any file, UTF-8 in a UTF-8 file), not empty,
/// and left unchanged by `TextNormalizer.trimSpaces` (space, tab or U+3000 at an edge).
@Suite struct ResourcePlainCellTests {
  /// The rule spelled out on decoded text: what `RowFields.text` then `requiredText` would do.
  func reference(_ bytes: [UInt8], utf8: Bool) -> Bool {
    if !utf8 && bytes.contains(where: { $0 >= 0x80 }) { return false }
    guard let text = String(validating: bytes, as: UTF8.self), !text.isEmpty else { return false }
    return TextNormalizer.trimSpaces(text) == text
  }

  @Test(arguments: [UInt64(31), 32, 33])
  func sameAsTrimmingTheDecodedText(seed: UInt64) {
    var state = seed
    func next(_ n: Int) -> Int { Int(splitMix(&state) % UInt64(n)) }
    // Pieces that meet at the edges: kana and kanji whose bytes begin with E3 or end with 80,
    // ideographic and ASCII spaces, plain ASCII, and stray bytes that break UTF-8.
    let pieces: [[UInt8]] =
      ["ひだまり", "コミュニティ", "ダ", "局", "\u{3000}", " ", "\t", "センター", "就労", "a", "R0001", "、", "〜", "\u{3001}\u{3000}"]
      .map { Array($0.utf8) } + [[0xE3], [0x80], [0xE3, 0x80], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80]]
    var agreed = 0
    var plain = 0
    for _ in 0..<20_000 {
      var bytes: [UInt8] = []
      for _ in 0..<next(5) { bytes += pieces[next(pieces.count)] }
      for utf8 in [true, false] {
        let got = bytes.withUnsafeBufferPointer { ResourceRowReader.isPlain($0, utf8: utf8) }
        #expect(got == reference(bytes, utf8: utf8), "\(bytes) utf8: \(utf8)")
        if got == reference(bytes, utf8: utf8) { agreed += 1 }
        if got { plain += 1 }
      }
    }
    #expect(agreed == 40_000)
    #expect(plain > 3_000)
  }

  @Test func kanaAtAnEdgeIsPlainButAnIdeographicSpaceIsNot() {
    func plain(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer { ResourceRowReader.isPlain($0, utf8: true) } }
    #expect(plain("ひだまりハウス"))
    #expect(plain("中央郵便局"))
    #expect(plain("コミュニティカフェ・ダ"))
    #expect(!plain("\u{3000}ひだまり"))
    #expect(!plain("ひだまり\u{3000}"))
    #expect(!plain(" ひだまり"))
    #expect(!plain(""))
  }
}
