/// Folding of the spellings Japanese spreadsheets produce for the same token: full-width ASCII
/// (１５～１９歳), the ideographic space, and the several dashes and tildes (U+301C vs U+FF5E:
/// CP932 decodes 0x8160 as the full-width ～, strict Shift_JIS as 〜; see japan-context.md §2.1).
public enum TextNormalizer {
  /// Trims ASCII and ideographic spaces and maps full-width ASCII to ASCII. Tildes and dashes
  /// are kept apart from each other; `rangeSeparators` lists the ones that mean "to".
  public static func normalizeToken(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value >= 0xFF01 && value <= 0xFF5E, let ascii = Unicode.Scalar(value - 0xFEE0) {
        scalars.append(ascii)
      } else if value == 0x3000 {
        scalars.append(" ")
      } else {
        scalars.append(scalar)
      }
    }
    return trimSpaces(String(scalars))
  }

  /// Scalars that separate the two ends of a range such as 15-19 or 15〜19.
  public static let rangeSeparators: Set<Unicode.Scalar> = [
    "-", "~", "\u{301C}", "\u{2212}", "\u{2010}", "\u{2011}", "\u{2013}", "\u{2014}", "\u{FF5E}",
    "\u{FF0D}", "\u{30FC}",
  ]

  /// Removes leading and trailing ASCII spaces, tabs and ideographic spaces.
  public static func trimSpaces(_ text: String) -> String {
    let scalars = text.unicodeScalars
    func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{3000}" }
    guard let first = scalars.firstIndex(where: { !isSpace($0) }),
      let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(scalars[first...last])
  }
}
