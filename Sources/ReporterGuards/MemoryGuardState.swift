import Intake
import Synchronization

/// The guards' state of one daemon, in memory (the SQLite deployment): the token buckets, the
/// intake rate meter, the proofs spent and the per-locator back-off table, behind one lock. Nothing
/// of it reaches the disk, and a restart forgets it (Docs/abuse-resistance.md).
public final class MemoryGuardState: GuardStateStore {
    private struct State {
        var buckets: [String: TokenBucket] = [:]
        var intakeRate: RateMeter
        var locators: LocatorBackoff
        /// Used proof-of-work challenge ids until they expire.
        var spentProofs: [[UInt8]: UInt64] = [:]
    }

    /// Spent proof ids kept at most; past it, a proof counts as none until older ones expire.
    static let maxSpentProofs = 100_000

    private let state: Mutex<State>

    public convenience init(policy: AbusePolicy = AbusePolicy()) {
        self.init(locatorPolicy: policy.locator)
    }

    init(locatorPolicy: LocatorBackoff.Policy) {
        state = Mutex(State(intakeRate: RateMeter(window: .seconds(60), now: .now), locators: LocatorBackoff(policy: locatorPolicy)))
    }

    public func take(_ bucket: GuardBucket) -> Double? {
        let now = ContinuousClock.now
        return state.withLock { state in
            // A bucket starts full the first time it is asked, as it would have been since the start.
            var current = state.buckets[bucket.name] ?? TokenBucket(perSecond: bucket.perSecond, burst: bucket.burst, now: now)
            let wait = current.take(now: now)
            state.buckets[bucket.name] = current
            return wait?.seconds
        }
    }

    public func recordIntake() {
        let now = ContinuousClock.now
        state.withLock { $0.intakeRate.record(now: now) }
    }

    public func intakeRate() -> Double {
        let now = ContinuousClock.now
        return state.withLock { $0.intakeRate.rate(now: now) }
    }

    public func spendProof(id: [UInt8], expires: UInt64, now: UInt64) -> Bool {
        state.withLock { state in
            if state.spentProofs.count >= Self.maxSpentProofs { state.spentProofs = state.spentProofs.filter { $0.value > now } }
            guard state.spentProofs[id] == nil, state.spentProofs.count < Self.maxSpentProofs else { return false }
            state.spentProofs[id] = expires
            return true
        }
    }

    public func countLocatorCheck(_ locator: UInt32) -> Int {
        let now = ContinuousClock.now
        return state.withLock { $0.locators.record(locator, now: now) }
    }

    public func refundLocatorCheck(_ locator: UInt32) {
        let now = ContinuousClock.now
        state.withLock { $0.locators.refund(locator, now: now) }
    }

    public func locatorChecks(_ locator: UInt32) -> Int {
        let now = ContinuousClock.now
        return state.withLock { $0.locators.attempts(of: locator, now: now) }
    }
}
