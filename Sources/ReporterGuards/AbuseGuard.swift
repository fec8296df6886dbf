import Foundation
import Intake
import Sodium

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

    /// The guard's state could not be reached (the shared database is down): the request is
    /// refused, never let through unguarded. Answer 503 with `Retry-After: unavailableRetrySeconds`;
    /// nothing was done with the request.
    public struct Unavailable: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { "the guards' shared state could not be reached: \(reason)" }
    }

    /// `Retry-After` for an answer to `Unavailable`.
    public static let unavailableRetrySeconds = 10

    public let policy: AbusePolicy
    /// How many audit requests run at once (`policy.auditConcurrency`).
    public let auditSlots: ConcurrencyLimit
    private let proofs: ProofOfWork
    private let state: any GuardStateStore
    private let unixNow: @Sendable () -> UInt64
    private let intakeBucket, statusBucket, challengeBucket, auditBucket: GuardBucket

    /// `state` is where the counts live: this daemon's memory by default (`MemoryGuardState`), or
    /// the database several daemons share. `proofKey` keys the proof-of-work challenges' MAC: random
    /// for this process by default; daemons behind one load balancer need one key, derived from
    /// their shared secrets, so that a challenge from one is accepted by another.
    public init(policy: AbusePolicy = AbusePolicy(), state: (any GuardStateStore)? = nil, proofKey: SecureBytes? = nil,
                unixNow: @escaping @Sendable () -> UInt64 = { UInt64(Date().timeIntervalSince1970) }) {
        self.policy = policy
        self.unixNow = unixNow
        self.state = state ?? MemoryGuardState(locatorPolicy: policy.locator)
        self.proofs = proofKey.map { ProofOfWork(key: $0) } ?? ProofOfWork()
        self.auditSlots = ConcurrencyLimit(limit: max(1, policy.auditConcurrency), maxWaiting: max(0, policy.auditMaxWaiting))
        // A burst below one request would never admit anything: every bucket holds at least one.
        intakeBucket = GuardBucket(name: "intake", perSecond: policy.intakePerSecond, burst: max(1, policy.intakeBurst))
        statusBucket = GuardBucket(name: "status", perSecond: policy.statusPerSecond, burst: max(1, policy.statusBurst))
        challengeBucket = GuardBucket(name: "challenge", perSecond: policy.challengePerSecond, burst: max(1, policy.challengeBurst))
        auditBucket = GuardBucket(name: "audit", perSecond: policy.auditPerSecond, burst: max(1, policy.auditBurst))
    }

    /// Decides on a complaint before its body is read. `proof` is the `X-SafeIntake-Proof-Of-Work`
    /// value (`challenge:nonce`) if the client sent one; a valid proof is used up here, and anything
    /// else (malformed, stale, forged, short of work, used) counts as none. Throws `Unavailable`.
    public func admitComplaint(proof: String?) async throws -> IntakeAdmission {
        let unix = unixNow()
        return try await guarded {
            if let difficulty = requiredDifficulty(rate: try await state.intakeRate()), !(try await useProof(proof, unix: unix)) {
                let challenge = proofs.challenge(difficulty: difficulty, expires: unix + policy.proofOfWorkLifetimeSeconds)
                return .proofOfWorkRequired(challenge: challenge, difficulty: difficulty)
            }
            if let wait = try await state.take(intakeBucket) {
                return .slowDown(retryAfterSeconds: Self.wholeSeconds(wait))
            }
            return .admitted
        }
    }

    /// Counts a stored complaint towards the intake rate that decides when proofs are required.
    /// A count the shared state cannot take is lost (the estimate is then a little low; the next
    /// decision, which needs the same state, refuses anyway).
    public func complaintFiled() async {
        try? await state.recordIntake()
    }

    /// Counts a preview (`POST /v1/complaints/preview`, the pages' check before sending) towards the
    /// same intake rate: a preview costs the firewall's work like a complaint, so a flood of them
    /// brings on the proof of work as a flood of complaints does.
    public func complaintPreviewed() async {
        await complaintFiled()
    }

    /// Decides on a status check, waiting first for the locator's back-off (never refusing for it).
    /// Call it with whatever the reporter typed, before any work on it. An entry without a locator
    /// only counts against the global cap. Throws `Unavailable`.
    public func admitStatusCheck(tokenText: String) async throws -> StatusAdmission {
        let locator = Self.locator(of: tokenText)
        let decision = try await guarded { () async throws -> (refuse: Double?, wait: Duration) in
            if let refuse = try await state.take(statusBucket) { return (refuse, .zero) }
            guard let locator else {
                // Nothing to back off, but the same work as a check that has a locator: in a shared
                // database that work is a round trip, and without it an entry with no locator was
                // answered half a millisecond sooner than a real token (test_status_uniformity).
                // A number above every 8-digit locator, counted and given back at once.
                let standIn = UInt32.random(in: 100_000_000...UInt32.max)
                _ = try await state.countLocatorCheck(standIn)
                Task { [state] in try? await state.refundLocatorCheck(standIn) }
                return (nil, .zero)
            }
            return (nil, policy.locator.delay(afterAttempts: try await state.countLocatorCheck(locator)))
        }
        if let refuse = decision.refuse { return .slowDown(retryAfterSeconds: Self.wholeSeconds(refuse)) }
        if decision.wait > .zero { try? await Task.sleep(for: decision.wait) }
        return .admitted
    }

    /// Decides on a request for an agency challenge: the global challenge cap only (agency clients
    /// are few; nothing here looks at which key asked). Throws `Unavailable`.
    public func admitChallenge() async throws -> ChallengeAdmission {
        let wait = try await guarded { try await state.take(challengeBucket) }
        return wait.map { .slowDown(retryAfterSeconds: Self.wholeSeconds($0)) } ?? .admitted
    }

    /// Gives back the back-off attempt of a status check that succeeded (a real token, or its
    /// duress code): the reporter's own check must leave no trace a guesser could read in the
    /// delays. Without this, a guesser who had tried a locator four times waited 1 s on the next
    /// try if the reporter had checked in meanwhile and 0 s if not, and so learnt that the locator
    /// was real and used within the hour (security review 2026-12, F10). Call it once per
    /// successful check, with what was typed; guesses never succeed, so they are never refunded.
    /// A refund the shared state cannot take is lost: the locator stays one check higher. Routes
    /// run it beside the answer (`Task { … }`), not before it: in a shared database it costs a round
    /// trip, and only successful checks would wait for it.
    public func statusCheckSucceeded(tokenText: String) async {
        guard let locator = Self.locator(of: tokenText) else { return }
        try? await state.refundLocatorCheck(locator)
    }

    /// Checks of `tokenText`'s locator counted in its current window (for tests).
    func locatorAttempts(tokenText: String) async throws -> Int {
        guard let locator = Self.locator(of: tokenText) else { return 0 }
        return try await state.locatorChecks(locator)
    }

    /// Decides on a request to a public audit endpoint: the global audit cap. Once admitted, run
    /// the work inside `auditSlots` (`runAudit`), which bounds how many run at once. Throws `Unavailable`.
    public func admitAudit() async throws -> AuditAdmission {
        let wait = try await guarded { try await state.take(auditBucket) }
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

    private static func wholeSeconds(_ seconds: Double) -> Int {
        wholeSeconds(.seconds(seconds))
    }

    /// True when `proof` is a valid, unexpired, unused solution; marks it used.
    private func useProof(_ proof: String?, unix: UInt64) async throws -> Bool {
        guard let proof, case let .success(accepted) = proofs.check(proof, now: unix) else { return false }
        return try await state.spendProof(id: accepted.id, expires: accepted.expires, now: unix)
    }

    /// Runs a decision on the state, turning any failure to reach it into `Unavailable`.
    private func guarded<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw Unavailable(reason: "\(error)")
        }
    }
}
