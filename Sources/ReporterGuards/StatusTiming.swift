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
///
/// Until `trustAfter` successes have been seen — just after a start, when nothing has been learnt —
/// answers are held at least until `floor`, which `calibrated(measuring:)` sets from the daemon's
/// own Argon2id cost; without it the first checks after a restart would not be held at all.
public final class StatusTiming: Sendable {
    static let window = 256
    static let quantile = 0.99
    /// Successful checks seen before the learnt target alone is trusted.
    public static let trustAfter = 32
    /// Added to the calibrated floor for the commit, the reads and the sealing a success also does.
    static let floorMargin = Duration.milliseconds(25)

    private struct Samples {
        var durations: [Duration] = []
        var next = 0
        var target: Duration = .zero
    }

    private let samples: Mutex<Samples>
    /// The least hold until `trustAfter` successes have been seen.
    public let floor: Duration

    public init(floor: Duration = .zero) {
        self.floor = floor
        samples = Mutex(Samples(target: floor))
    }

    /// A timing whose floor is measured: `work` (the Argon2id evaluations every check costs) is
    /// run three times, and the floor is 1.5 × the slowest run plus a margin for the commit.
    public static func calibrated(measuring work: () throws -> Void) rethrows -> StatusTiming {
        var slowest = Duration.zero
        for _ in 0..<3 {
            let start = ContinuousClock.now
            try work()
            slowest = max(slowest, ContinuousClock.now - start)
        }
        return StatusTiming(floor: slowest * 3 / 2 + floorMargin)
    }

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
            let learnt = sorted[min(sorted.count - 1, Int(Double(sorted.count) * Self.quantile))]
            s.target = sorted.count < Self.trustAfter ? max(floor, learnt) : learnt
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
