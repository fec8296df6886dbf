import Synchronization

/// At most `limit` callers at once; up to `maxWaiting` more wait their turn in order, and any
/// beyond that are refused at once. Used for the audit endpoints, so that however many auditors
/// (or a flood posing as them) ask at once, their reads never hold more than `limit` of the worker
/// threads that intake and status checks run on (security review 2026-12, F9).
public final class ConcurrencyLimit: Sendable {
    private struct State {
        var running = 0
        var waiters: [CheckedContinuation<Bool, Never>] = []
    }

    public let limit: Int
    public let maxWaiting: Int
    private let state = Mutex(State())

    public init(limit: Int, maxWaiting: Int) {
        precondition(limit >= 1 && maxWaiting >= 0, "a limit admits at least one caller")
        self.limit = limit
        self.maxWaiting = maxWaiting
    }

    /// Takes a place, waiting for one if all are taken. False (and no place taken) when
    /// `maxWaiting` callers are already waiting: answer "slow down" instead.
    public func acquire() async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let decided: Bool? = state.withLock { state in
                if state.running < limit {
                    state.running += 1
                    return true
                }
                guard state.waiters.count < maxWaiting else { return false }
                state.waiters.append(continuation)
                return nil
            }
            if let decided { continuation.resume(returning: decided) }
        }
    }

    /// Gives the place back, to the longest waiter if there is one.
    public func release() {
        let next = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            guard !state.waiters.isEmpty else {
                state.running -= 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume(returning: true)
    }

    /// Callers waiting for a place now (for tests and diagnostics).
    public var waiting: Int { state.withLock { $0.waiters.count } }
    /// Callers holding a place now.
    public var running: Int { state.withLock { $0.running } }
}
