import Synchronization

/// Makes every status check take as long as a successful one, so that the time an answer takes
/// does not tell a valid token from a spent, unknown, malformed or duress one.
///
/// The domain already spends the same two Argon2id evaluations on every outcome, but a successful
/// check also rotates the token and commits (fsync), and a malformed one does nothing at all. So
/// every answer is held until the 99th percentile of how long recent successful checks took has
/// passed since the check began; only the slowest 1% of successful checks go out later than that.
/// The target follows the machine's load and the Argon2id cost by itself. Holding is an `async`
/// sleep: it keeps a connection, not a thread. Share one instance between every route that checks
/// tokens (the JSON API and the reporter's web pages), through `ServerDependencies.statusTiming`.
public final class StatusTiming: Sendable {
    static let window = 256
    static let quantile = 0.99

    private struct Samples {
        var durations: [Duration] = []
        var next = 0
        var target: Duration = .zero
    }

    private let samples = Mutex(Samples())

    public init() {}

    /// Records how long a successful check took, from `start` to now.
    public func recordSuccess(since start: ContinuousClock.Instant) {
        let took = ContinuousClock.now - start
        samples.withLock { s in
            if s.durations.count < Self.window {
                s.durations.append(took)
            } else {
                s.durations[s.next] = took
                s.next = (s.next + 1) % Self.window
            }
            let sorted = s.durations.sorted()
            s.target = sorted[min(sorted.count - 1, Int(Double(sorted.count) * Self.quantile))]
        }
    }

    /// How long every check should take now.
    public var target: Duration { samples.withLock { $0.target } }

    /// Waits until the target has passed since `start` (at once if it already has).
    public func holdUntilTarget(since start: ContinuousClock.Instant) async {
        let remaining = target - (ContinuousClock.now - start)
        if remaining > .zero { try? await Task.sleep(for: remaining) }
    }
}
