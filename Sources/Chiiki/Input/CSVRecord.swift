/// One CSV record as libcsv delivered it. Its field bytes live in the reader's buffer and are
/// valid only inside the call that receives the record: copy what you keep.
///
/// The record is a plain value (pointers, integers and an unretained decoder reference), so
/// passing it around costs no reference counting.
public struct CSVRecord {
  /// 1-based physical line on which the record starts (quoted line breaks push later records down).
  public let line: Int
  /// The record's first byte; every field lies after it, with at least 16 readable bytes past
  /// the end of each field (see `ParseState`), so short fields can be loaded as whole words.
  let base: UnsafePointer<UInt8>
  /// End offset (from `base`) of each field.
  let endOffsets: FieldEnds
  /// Number of fields in the record.
  public let count: Int
  /// The encoding the reader decodes with.
  let encoding: InputEncoding
  /// The reader's decoder, owned by the reader for the whole read.
  let decoderRef: Unmanaged<FieldDecoder>

  /// The decoder for the record's bytes (valid while the record is).
  var decoder: FieldDecoder { decoderRef.takeUnretainedValue() }

  /// The raw bytes of field `i` (0-based), in the file's encoding.
  @inline(__always)
  public func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
    let start = i == 0 ? 0 : endOffsets[i - 1]
    return UnsafeBufferPointer(start: base + start, count: endOffsets[i] - start)
  }

  /// Field `i` decoded to text, or nil if its bytes are not valid in the file's encoding.
  public func string(_ i: Int) -> String? { decoder.decode(field(i)) }

  /// True if field `i` is empty (after libcsv trimmed unquoted spaces).
  @inline(__always)
  public func isEmpty(_ i: Int) -> Bool { (i == 0 ? 0 : endOffsets[i - 1]) == endOffsets[i] }
}

/// The end offsets of a record's fields, stored as 32-bit values by `ParseState` (less cache
/// for the batch of a `csv_parse` call) and read as `Int`.
struct FieldEnds {
  let pointer: UnsafePointer<UInt32>

  @inline(__always) subscript(i: Int) -> Int { Int(truncatingIfNeeded: pointer[i]) }
}

/// Receives the records of a read in file order. Reads are generic over the sink, so its
/// `record` is specialised and inlined into the reader's loop (no closure call per record).
protocol CSVRecordSink {
  mutating func record(_ r: CSVRecord)
}

/// A sink that calls a closure (for small files and the public `forEachRecord`).
struct ClosureRecordSink: CSVRecordSink {
  let body: (CSVRecord) -> Void
  @inline(__always) mutating func record(_ r: CSVRecord) { body(r) }
}
