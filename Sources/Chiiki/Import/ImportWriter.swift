#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a suppressed population cell (`X` in the source) is written to population.csv.
public enum SuppressedCellPolicy: String, Sendable, CaseIterable {
  /// Write the row with `X` as its population: the run-side reader keeps it as missing, so the
  /// cell's existence and its suppression both stay visible. The default.
  case x
  /// Leave the row out; the summary counts it.
  case omit
}

/// Writes an import's population.csv (and districts.csv) with CSVWriter: UTF-8 with BOM, CRLF,
/// formula-safe. Both files are written to temporary names first and renamed into place only
/// when both are complete, so an error leaves neither half-written.
public enum ImportWriter {
  /// The population.csv text.
  public static func populationCSV(_ imported: ImportedPopulation, suppressed: SuppressedCellPolicy = .x) -> CSVWriter {
    var csv = CSVWriter(header: ["period", "district_code", "sex", "age_group", "population"])
    let period = imported.period.description
    for cell in imported.cells {
      let value: String
      if let n = cell.population {
        value = String(n)
      } else if suppressed == .x {
        value = "X"
      } else {
        continue
      }
      csv.appendRow([period, cell.districtCode, cell.sex.code, cell.band.description, value])
    }
    return csv
  }

  /// The districts.csv text.
  public static func districtsCSV(_ imported: ImportedPopulation) -> CSVWriter {
    var csv = CSVWriter(header: ["district_code", "district_name", "area", "households"])
    for d in imported.districts {
      csv.appendRow([d.code, d.name, d.area ?? "", d.households.map(String.init) ?? ""])
    }
    return csv
  }

  /// Writes population.csv to `populationPath` and, if given, districts.csv to `districtsPath`.
  public static func write(_ imported: ImportedPopulation, populationPath: String, districtsPath: String?,
                           suppressed: SuppressedCellPolicy = .x) throws(ChiikiError) {
    var files: [(path: String, bytes: [UInt8])] = [(populationPath, populationCSV(imported, suppressed: suppressed).data)]
    if let districtsPath {
      if districtsPath == populationPath {
        throw .usage("--districts and --out name the same file (\(populationPath))")
      }
      files.append((districtsPath, districtsCSV(imported).data))
    }
    var temporaries: [String] = []
    let failure = { (error: ChiikiError) -> ChiikiError in
      for temporary in temporaries { unlink(temporary) }
      return error
    }
    for file in files {
      let temporary = file.path + ".chiiki-tmp"
      if let error = writeAll(file.bytes, to: temporary, shownAs: file.path) { throw failure(error) }
      temporaries.append(temporary)
    }
    for (file, temporary) in zip(files, temporaries) where rename(temporary, file.path) != 0 {
      throw failure(.io(path: file.path, reason: "cannot replace the file: \(String(cString: strerror(errno)))"))
    }
  }

  /// Writes the bytes to a new file; returns the error instead of throwing so the caller can clean up.
  private static func writeAll(_ bytes: [UInt8], to path: String, shownAs: String) -> ChiikiError? {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else {
      return .io(path: shownAs, reason: "cannot create \(path): \(String(cString: strerror(errno)))")
    }
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBufferPointer { posixWrite(fd, $0.baseAddress! + written, $0.count - written) }
      if n < 0 {
        if errno == EINTR { continue }
        let reason = String(cString: strerror(errno))
        close(fd)
        unlink(path)
        return .io(path: shownAs, reason: "write failed: \(reason)")
      }
      written += n
    }
    if close(fd) != 0 {
      unlink(path)
      return .io(path: shownAs, reason: "write failed on close")
    }
    return nil
  }
}

/// The POSIX write(2), named apart from `ImportWriter.write`.
private func posixWrite(_ fd: Int32, _ buffer: UnsafePointer<UInt8>, _ count: Int) -> Int {
  write(fd, buffer, count)
}
