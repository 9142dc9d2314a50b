import Testing

@testable import Chiiki

/// `ResourceTexts.Builder` (the loader's store of resources.csv's text fields) on random
/// sequences of appends, dropped rows, builder copies and finished stores: every record reads
/// back as a plain list of records built alongside says, and a copy or a finished store never
/// sees later writes (a guard for any change to how the builder keeps its bytes).
@Suite struct ResourceTextsBuilderTests {
  typealias Record = [[UInt8]]

  static func field(_ state: inout UInt64) -> [UInt8] {
    let n = Int(splitMix(&state) % 40)
    return (0..<n).map { _ in UInt8(truncatingIfNeeded: splitMix(&state)) }
  }

  static func check(_ texts: ResourceTexts, _ records: [Record]) {
    #expect(texts.count == records.count)
    for (r, record) in records.enumerated() {
      for (f, bytes) in record.enumerated() {
        #expect(texts.withBytes(r, f) { Array($0) } == bytes)
        #expect(texts.isEmpty(r, f) == bytes.isEmpty)
      }
    }
  }

  @Test(arguments: [UInt64(7), 8, 9])
  func sameAsPlainRecords(seed: UInt64) {
    var state = seed
    let fields = ResourceTexts.fieldCount
    var builder = ResourceTexts.Builder()
    if seed % 2 == 0 { builder.reserve(bytes: 256, records: 2) }  // growth past the room reserved
    var records: [Record] = []
    var finished: [(ResourceTexts, [Record])] = []
    var copies: [(ResourceTexts.Builder, [Record])] = []
    for _ in 0..<400 {
      // A row: some fields, then kept (all fields) or dropped part way.
      var row: Record = []
      let drop = splitMix(&state) % 4 == 0
      let upTo = drop ? Int(splitMix(&state) % UInt64(fields)) : fields
      for _ in 0..<upTo {
        let f = ResourceTextsBuilderTests.field(&state)
        f.withUnsafeBufferPointer { builder.append($0) }
        #expect(builder.lastField { Array($0) } == f)
        row.append(f)
      }
      if drop {
        builder.dropPartial()
      } else {
        records.append(row)
      }
      #expect(builder.count == records.count)
      switch splitMix(&state) % 25 {
      case 0: copies.append((builder, records))  // a copy taken now must not change later
      case 1: finished.append((builder.finish(trimming: splitMix(&state) % 2 == 0), records))
      default: break
      }
    }
    for (copy, expected) in copies { ResourceTextsBuilderTests.check(copy.finish(), expected) }
    for (texts, expected) in finished { ResourceTextsBuilderTests.check(texts, expected) }
    ResourceTextsBuilderTests.check(builder.finish(), records)
  }
}
