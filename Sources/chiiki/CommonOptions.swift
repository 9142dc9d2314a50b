import ArgumentParser
import Chiiki
import Foundation

/// Options shared by `run` and `validate`.
struct InputOptions: ParsableArguments {
  @Option(name: .long, help: "Folder holding districts.csv, statistics.csv, cases.csv (and optionally population.csv, resources.csv, chiiki.toml).")
  var data: String = "data"

  @Option(name: .long, help: "Run period (YYYY-MM, YYYY/MM, YYYYMM or 令和N年M月). Default: the latest month in cases.csv.")
  var period: String?

  @Option(name: .long, help: "Configuration file. Default: chiiki.toml in the data folder, if present.")
  var config: String?

  @Option(name: .long, help: "Input encoding: utf-8 or cp932. Default: detected per file.")
  var encoding: String?

  func loadOptions() throws -> LoadOptions {
    var configuration = Configuration()
    let configPath = config ?? (data as NSString).appendingPathComponent("chiiki.toml")
    if config != nil || FileManager.default.fileExists(atPath: configPath) {
      configuration = try ConfigurationLoader.load(path: configPath)
    }
    var options = LoadOptions(dataDirectory: data, configuration: configuration)
    if let period {
      do {
        let p = try Period.parse(period)
        guard p.month != nil else { throw ValidationError("--period needs a month, e.g. 2026-10") }
        options.runPeriod = p
      } catch let e as ValidationError {
        throw e
      } catch {
        throw ValidationError("--period '\(period)' is not a month such as 2026-10 or 令和8年10月")
      }
    }
    if let encoding {
      guard let e = InputEncoding(name: encoding) else { throw ValidationError("--encoding must be utf-8 or cp932, not '\(encoding)'") }
      options.encoding = e
    }
    if isatty(2) != 0 { options.progress = Progress.report }
    return options
  }
}

/// Prints library errors the way compilers do and exits non-zero.
enum Failure {
  static func exit(_ error: Error) -> ExitCode {
    if let error = error as? ChiikiError {
      Stderr.write(error.description)
      return ExitCode(1)
    }
    Stderr.write("error: \(error)")
    return ExitCode(1)
  }
}

enum Stderr {
  static func write(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}

enum Progress {
  @Sendable static func report(_ file: String, _ done: Int, _ total: Int) {
    guard total > 50_000_000 else { return }
    let pct = total > 0 ? done * 100 / total : 0
    FileHandle.standardError.write(Data("\r\(file): \(done / 1_000_000) / \(total / 1_000_000) MB (\(pct)%)\(done >= total ? "\n" : "")".utf8))
  }
}
