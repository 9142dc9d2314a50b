/// Inline CSS of the HTML report: readable on screen, printed on A4 with page breaks between
/// sections, table headers repeated and rows and figures kept whole; black-and-white safe.
enum ReportCSS {
  static let text = """
  @page { size: A4; margin: 14mm 12mm 16mm 12mm; }
  html { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif; font-size: 10.5pt; color: #000; background: #fff; }
  body { max-width: 190mm; margin: 0 auto; padding: 8mm 0; line-height: 1.5; }
  h1 { font-size: 16pt; margin: 0 0 2mm; border-bottom: 2px solid #000; padding-bottom: 1mm; }
  h2 { font-size: 13pt; margin: 6mm 0 2mm; border-left: 5px solid #000; padding-left: 2mm; }
  h3 { font-size: 11pt; margin: 4mm 0 1.5mm; }
  h4 { font-size: 10.5pt; margin: 3mm 0 1mm; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .meta { margin: 0 0 3mm; }
  ul { margin: 1mm 0 2mm; padding-left: 5mm; }
  ul.findings li { margin-bottom: 1.2mm; }
  table { border-collapse: collapse; margin: 2mm 0 3mm; font-size: 8.5pt; }
  table.data { width: 100%; }
  th, td { border: 1px solid #555; padding: 0.6mm 1.2mm; vertical-align: top; }
  th { background: #eee; font-weight: bold; text-align: left; }
  thead { display: table-header-group; }
  tr, figure, .keep, .proposal { break-inside: avoid; page-break-inside: avoid; }
  td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  td.why { font-size: 8pt; min-width: 45mm; }
  td.nm { white-space: nowrap; }
  table.kv th { width: 45mm; }
  table.months { font-size: 7.5pt; }
  table.heat td.h2 { background: #333; color: #fff; font-weight: bold; }
  table.heat td.h1 { background: #bbb; font-weight: bold; }
  table.heat td.l1, table.heat td.l2 { font-style: italic; }
  figure { margin: 2mm 0 4mm; }
  figcaption { font-weight: bold; font-size: 9.5pt; margin-bottom: 1mm; }
  svg { width: 100%; height: auto; display: block; }
  .note { font-size: 8.5pt; margin: 1mm 0; }
  .small { font-size: 8.5pt; }
  dl.methods dt { font-weight: bold; margin-top: 1.5mm; }
  dl.methods dd { margin: 0 0 0 4mm; font-size: 9pt; }
  .proposal { border: 1px solid #000; padding: 1mm 3mm; margin: 2mm 0; }
  code { font-size: 8pt; }
  @media print {
    body { max-width: none; padding: 0; }
    section + section { break-before: page; page-break-before: always; }
  }
  """
}
