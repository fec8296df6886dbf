/// Per-locator back-off for status checks: slows down anyone who keeps guessing the secret behind
/// one locator, without ever refusing the reporter who holds the real token.
///
/// The first `freeAttempts` checks of a locator in a window go through at once; each further one
/// waits `firstDelay`, then twice that, and so on up to `maxDelay`. The caller waits and then
/// checks: nothing is ever refused here, so the worst a guesser can do to the real reporter is make
/// her wait `maxDelay`. The delay depends only on how often the locator was tried by someone without
/// its token, never on whether it exists: a successful check is refunded (`refund`), so the
/// reporter's own check-ins leave the count where a guesser's tries alone put it. Keyed by the locator alone (never by address: the daemon does
/// not look at addresses). The table is bounded: when it is full of live windows, a locator not in
/// it waits `maxDelay`, which again slows but never refuses.
struct LocatorBackoff: Sendable {
    struct Policy: Sendable {
        var freeAttempts = 5
        var window: Duration = .seconds(60 * 60)
        var firstDelay: Duration = .seconds(1)
        var maxDelay: Duration = .seconds(32)
        var maxTracked = 100_000

        /// The wait for the `attempts`-th check in a window: zero while free, then doubling, capped.
        func delay(afterAttempts attempts: Int) -> Duration {
            let extra = attempts - freeAttempts
            guard extra > 0 else { return .zero }
            let doublings = min(extra - 1, 30)
            return min(firstDelay * (1 << doublings), maxDelay)
        }
    }

    /// What `record` returns when the table is full of live windows: a count past every free
    /// attempt and doubling, so the check waits `maxDelay`.
    static let untracked = Int.max / 2

    private struct Entry {
        let windowStart: ContinuousClock.Instant
        var attempts: Int
    }

    let policy: Policy
    private var entries: [UInt32: Entry] = [:]

    init(policy: Policy) {
        self.policy = policy
    }

    var trackedCount: Int { entries.count }

    /// Records one check of `locator` (its 8 digits as a number) and returns how long it must wait.
    mutating func delay(for locator: UInt32, now: ContinuousClock.Instant) -> Duration {
        policy.delay(afterAttempts: record(locator, now: now))
    }

    /// Records one check of `locator` and returns the checks of it in its window, this one included
    /// (`untracked` when the table is full of live windows and it is not in it).
    mutating func record(_ locator: UInt32, now: ContinuousClock.Instant) -> Int {
        if var entry = entries[locator], now - entry.windowStart < policy.window {
            entry.attempts += 1
            entries[locator] = entry
            return entry.attempts
        }
        if entries[locator] == nil && entries.count >= policy.maxTracked {
            entries = entries.filter { now - $0.value.windowStart < policy.window }
            if entries.count >= policy.maxTracked { return Self.untracked }
        }
        entries[locator] = Entry(windowStart: now, attempts: 1)
        return 1
    }

    /// Checks of `locator` counted in its current window.
    func attempts(of locator: UInt32, now: ContinuousClock.Instant) -> Int {
        guard let entry = entries[locator], now - entry.windowStart < policy.window else { return 0 }
        return entry.attempts
    }

    /// Takes back one attempt of `locator` in its current window (the check succeeded).
    mutating func refund(_ locator: UInt32, now: ContinuousClock.Instant) {
        guard var entry = entries[locator], now - entry.windowStart < policy.window else { return }
        entry.attempts -= 1
        if entry.attempts <= 0 { entries[locator] = nil } else { entries[locator] = entry }
    }

    /// The wait for the `attempts`-th check in a window (`Policy.delay(afterAttempts:)`).
    func delay(afterAttempts attempts: Int) -> Duration {
        policy.delay(afterAttempts: attempts)
    }
}
