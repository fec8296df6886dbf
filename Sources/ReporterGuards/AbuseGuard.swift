import Foundation
import Intake
import Synchronization

/// Rate limits and the proof of work for bulk filing, in one reusable component: every route that
/// files a complaint or checks a token (the JSON API here, the reporter's web pages elsewhere) asks
/// it first and answers as it says. Nothing here looks at who is asking: the caps are global and
/// the back-off is per token locator (Docs/abuse-resistance.md).
public final class AbuseGuard: Sendable {
    /// What to do with a complaint.
    public enum IntakeAdmission: Sendable, Equatable {
        /// Process it; call `complaintFiled()` once it is stored.
        case admitted
        /// Intake is above its threshold: answer 429 with this challenge and difficulty.
        case proofOfWorkRequired(challenge: String, difficulty: Int)
        /// The global cap is reached: answer 429 with `Retry-After`.
        case slowDown(retryAfterSeconds: Int)
    }

    /// What to do with a status check, after `admitStatusCheck` has waited out any back-off.
    public enum StatusAdmission: Sendable, Equatable {
        case admitted
        case slowDown(retryAfterSeconds: Int)
    }

    /// What to do with a request to a public audit endpoint (the same two answers).
    public typealias AuditAdmission = ChallengeAdmission

    /// What to do with a request for an agency challenge.
    public enum ChallengeAdmission: Sendable, Equatable {
        case admitted
        /// The global cap is reached: answer 429 with `Retry-After`.
        case slowDown(retryAfterSeconds: Int)
    }

    fileprivate struct State {
        var intakeBucket: TokenBucket
        var statusBucket: TokenBucket
        var challengeBucket: TokenBucket
        var auditBucket: TokenBucket
        var intakeRate: RateMeter
        var locators: LocatorBackoff
        /// Used proof-of-work challenge ids until they expire.
        var spentProofs: [[UInt8]: UInt64] = [:]
    }

    public let policy: AbusePolicy
    /// How many audit requests run at once (`policy.auditConcurrency`).
    public let auditSlots: ConcurrencyLimit
    private let proofs = ProofOfWork()
    private let state: Mutex<State>
    private let unixNow: @Sendable () -> UInt64

    public init(policy: AbusePolicy = AbusePolicy(),
                unixNow: @escaping @Sendable () -> UInt64 = { UInt64(Date().timeIntervalSince1970) }) {
        let now = ContinuousClock.now
        self.policy = policy
        self.unixNow = unixNow
        self.auditSlots = ConcurrencyLimit(limit: max(1, policy.auditConcurrency), maxWaiting: max(0, policy.auditMaxWaiting))
        // A burst below one request would never admit anything: every bucket holds at least one.
        self.state = Mutex(State(
            intakeBucket: TokenBucket(perSecond: policy.intakePerSecond, burst: max(1, policy.intakeBurst), now: now),
            statusBucket: TokenBucket(perSecond: policy.statusPerSecond, burst: max(1, policy.statusBurst), now: now),
            challengeBucket: TokenBucket(perSecond: policy.challengePerSecond, burst: max(1, policy.challengeBurst), now: now),
            auditBucket: TokenBucket(perSecond: policy.auditPerSecond, burst: max(1, policy.auditBurst), now: now),
            intakeRate: RateMeter(window: .seconds(60), now: now),
            locators: LocatorBackoff(policy: policy.locator)))
    }

    /// Decides on a complaint before its body is read. `proof` is the `X-SafeIntake-Proof-Of-Work`
    /// value (`challenge:nonce`) if the client sent one; a valid proof is used up here, and anything
    /// else (malformed, stale, forged, short of work, used) counts as none.
    public func admitComplaint(proof: String?) -> IntakeAdmission {
        let now = ContinuousClock.now
        let unix = unixNow()
        return state.withLock { state -> IntakeAdmission in
            let rate = state.intakeRate.rate(now: now)
            if let difficulty = requiredDifficulty(rate: rate), !state.useProof(proof, checker: proofs, unix: unix) {
                let challenge = proofs.challenge(difficulty: difficulty, expires: unix + policy.proofOfWorkLifetimeSeconds)
                return .proofOfWorkRequired(challenge: challenge, difficulty: difficulty)
            }
            if let wait = state.intakeBucket.take(now: now) {
                return .slowDown(retryAfterSeconds: Self.wholeSeconds(wait))
            }
            return .admitted
        }
    }

    /// Counts a stored complaint towards the intake rate that decides when proofs are required.
    public func complaintFiled() {
        let now = ContinuousClock.now
        state.withLock { $0.intakeRate.record(now: now) }
    }

    /// Counts a preview (`POST /v1/complaints/preview`, the pages' check before sending) towards the
    /// same intake rate: a preview costs the firewall's work like a complaint, so a flood of them
    /// brings on the proof of work as a flood of complaints does.
    public func complaintPreviewed() {
        complaintFiled()
    }

    /// Decides on a status check, waiting first for the locator's back-off (never refusing for it).
    /// Call it with whatever the reporter typed, before any work on it. An entry without a locator
    /// only counts against the global cap.
    public func admitStatusCheck(tokenText: String) async -> StatusAdmission {
        let now = ContinuousClock.now
        let locator = Self.locator(of: tokenText)
        let decision = state.withLock { state -> (wait: Duration, refuse: Duration?) in
            if let refuse = state.statusBucket.take(now: now) { return (.zero, refuse) }
            return (locator.map { state.locators.delay(for: $0, now: now) } ?? .zero, nil)
        }
        if let refuse = decision.refuse { return .slowDown(retryAfterSeconds: Self.wholeSeconds(refuse)) }
        if decision.wait > .zero { try? await Task.sleep(for: decision.wait) }
        return .admitted
    }

    /// Decides on a request for an agency challenge: the global challenge cap only (agency clients
    /// are few; nothing here looks at which key asked).
    public func admitChallenge() -> ChallengeAdmission {
        let now = ContinuousClock.now
        let wait = state.withLock { $0.challengeBucket.take(now: now) }
        return wait.map { .slowDown(retryAfterSeconds: Self.wholeSeconds($0)) } ?? .admitted
    }

    /// Gives back the back-off attempt of a status check that succeeded (a real token, or its
    /// duress code): the reporter's own check must leave no trace a guesser could read in the
    /// delays. Without this, a guesser who had tried a locator four times waited 1 s on the next
    /// try if the reporter had checked in meanwhile and 0 s if not, and so learnt that the locator
    /// was real and used within the hour (security review 2026-12, F10). Call it once per
    /// successful check, with what was typed; guesses never succeed, so they are never refunded.
    public func statusCheckSucceeded(tokenText: String) {
        guard let locator = Self.locator(of: tokenText) else { return }
        let now = ContinuousClock.now
        state.withLock { $0.locators.refund(locator, now: now) }
    }

    /// Checks of `tokenText`'s locator counted in its current window (for tests).
    func locatorAttempts(tokenText: String) -> Int {
        guard let locator = Self.locator(of: tokenText) else { return 0 }
        let now = ContinuousClock.now
        return state.withLock { $0.locators.attempts(of: locator, now: now) }
    }

    /// Decides on a request to a public audit endpoint: the global audit cap. Once admitted, run
    /// the work inside `auditSlots` (`runAudit`), which bounds how many run at once.
    public func admitAudit() -> AuditAdmission {
        let now = ContinuousClock.now
        let wait = state.withLock { $0.auditBucket.take(now: now) }
        return wait.map { .slowDown(retryAfterSeconds: Self.wholeSeconds($0)) } ?? .admitted
    }

    /// The locator of anything typed as a token: its first 8 digits, dashes and spaces ignored.
    /// A full token and a duress entry (locator + duress code) share it, so both count against the
    /// same back-off; fewer than 8 digits, or anything but digits, dashes and spaces, has none.
    static func locator(of text: String) -> UInt32? {
        // The same reader as the token's: a locator typed in Arabic-Indic digits meets the same back-off.
        TypedDigits.leadingValue(text, count: StatusToken.locatorDigits).map { UInt32($0) }
    }

    /// Proof-of-work difficulty at intake rate `rate` per minute, or nil when none is needed.
    func requiredDifficulty(rate: Double) -> Int? {
        let threshold = Double(policy.proofOfWorkThresholdPerMinute)
        guard threshold > 0, rate >= threshold else { return nil }
        let extra = min(policy.proofOfWorkMaxExtraBits, Int(log2(rate / threshold)))
        return policy.proofOfWorkBits + max(0, extra)
    }

    private static func wholeSeconds(_ duration: Duration) -> Int {
        max(1, Int(duration.seconds.rounded(.up)))
    }
}

extension AbuseGuard.State {
    /// True when `proof` is a valid, unexpired, unused solution; marks it used.
    fileprivate mutating func useProof(_ proof: String?, checker: ProofOfWork, unix: UInt64) -> Bool {
        guard let proof, case let .success(accepted) = checker.check(proof, now: unix) else { return false }
        if spentProofs.count >= 100_000 { spentProofs = spentProofs.filter { $0.value > unix } }
        guard spentProofs[accepted.id] == nil, spentProofs.count < 100_000 else { return false }
        spentProofs[accepted.id] = accepted.expires
        return true
    }
}
