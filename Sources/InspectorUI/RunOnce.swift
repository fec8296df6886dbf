import Synchronization

/// A step to take once, after the first success (the CLI pins the audit log key this way: only
/// once a case has been verified and opened with it).
final class RunOnce: Sendable {
    private let step: Mutex<(@Sendable () throws -> Void)?>

    init(_ step: (@Sendable () throws -> Void)?) {
        self.step = Mutex(step)
    }

    /// Runs the step if it has not run yet; a failed step is not retried.
    func run() throws {
        let pending = step.withLock { step in
            defer { step = nil }
            return step
        }
        try pending?()
    }
}
