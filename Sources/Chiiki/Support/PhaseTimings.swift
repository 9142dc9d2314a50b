import Foundation

/// Wall time and memory of each phase of a run, printed to stderr when the environment variable
/// `CHIIKI_TIMINGS` is set (for the scale benchmark and profiling; silent otherwise, so outputs
/// and messages never depend on it).
public enum PhaseTimings {
  /// Whether timings are printed (read once).
  static let enabled: Bool = ProcessInfo.processInfo.environment["CHIIKI_TIMINGS"] != nil

  /// Runs `body`, and when enabled prints its wall time, the resident memory after it, the peak
  /// so far, the CPU time of the calling thread (work `body` hands to other threads is not in it)
  /// and of the whole process (every thread, background hashing included) during `body`.
  @inline(__always)
  static func measure<T, E: Error>(_ phase: String, _ body: () throws(E) -> T) throws(E) -> T {
    guard enabled else { return try body() }
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = threadCPUSeconds()
    let processStart = processCPUSeconds()
    let faultsStart = minorFaults()
    let value = try body()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let cpu = Int((threadCPUSeconds() - cpuStart) * 1000)
    let processCPU = Int((processCPUSeconds() - processStart) * 1000)
    let faults = minorFaults() - faultsStart
    let (rss, peak) = memory()
    let line = String(
      format: "[timing] %-28@ %7.3f s  rss %5d MB  peak %5d MB  thread cpu %5d ms  process cpu %5d ms  minflt %6d\n",
      phase as NSString, seconds, rss, peak, cpu, processCPU, faults)
    FileHandle.standardError.write(Data(line.utf8))
    return value
  }

  /// User plus system CPU time of every thread of the process so far.
  static func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  /// Minor page faults so far (first touches of fresh pages, mostly) of the whole process, or
  /// of the calling thread only (`thread`), from getrusage.
  static func minorFaults(thread: Bool = false) -> Int {
    var usage = rusage()
    #if os(Linux)
      // RUSAGE_THREAD (1) is not imported by Glibc's module map.
      getrusage(thread ? 1 : RUSAGE_SELF.rawValue, &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    return Int(usage.ru_minflt)
  }

  /// Current and peak resident set size in MB, from /proc/self/status (0 where unavailable).
  static func memory() -> (Int, Int) {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
    func value(_ key: String) -> Int {
      guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return 0 }
      return (Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0) / 1024
    }
    return (value("VmRSS:"), value("VmHWM:"))
  }
}
