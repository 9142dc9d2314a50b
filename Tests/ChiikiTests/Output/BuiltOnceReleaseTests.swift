import Foundation
import Testing

@testable import Chiiki

/// `BuiltOnce` with a count of users (the resource directory's two jobs): built once whichever
/// asks first, kept until the last user's `done`, then let go.
@Suite struct BuiltOnceReleaseTests {
  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func next() -> Int {
      lock.lock()
      defer { lock.unlock() }
      n += 1
      return n
    }
    var value: Int {
      lock.lock()
      defer { lock.unlock() }
      return n
    }
  }

  @Test func keptUntilTheLastUserIsDone() {
    let builds = Counter()
    let shared = BuiltOnce(users: 2) { [builds.next()] }
    #expect(shared.get() == [1])
    shared.done()
    #expect(!shared.isReleased)
    #expect(shared.get() == [1])
    #expect(builds.value == 1)
    shared.done()
    #expect(shared.isReleased)
  }

  @Test func concurrentUsersShareOneBuild() {
    let builds = Counter()
    let shared = BuiltOnce(users: 8) { builds.next() }
    let seen = ParallelMap.map(8) { _ -> Int in
      let v = shared.get()
      shared.done()
      return v
    }
    #expect(builds.value == 1)
    #expect(seen == Array(repeating: 1, count: 8))
    #expect(shared.isReleased)
  }

  @Test func withoutACountNeverLetGo() {
    let shared = BuiltOnce { 7 }
    #expect(shared.get() == 7)
    shared.done()
    #expect(!shared.isReleased)
  }
}
