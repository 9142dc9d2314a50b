#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ends the process at once after a successful command, without returning through the
/// callers: what they hold (a run's dataset and analysis, a few hundred MB at national scale)
/// is then not freed array by array just before the exit. `exit` still flushes stdout.
enum ExitNow {
  static func success() -> Never {
    exit(0)
  }
}
