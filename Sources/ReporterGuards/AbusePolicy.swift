/// The numbers behind `AbuseGuard`, with the reasoning in Docs/abuse-resistance.md. Everything is
/// global or per token locator: nothing is ever keyed on a client's address.
public struct AbusePolicy: Sendable {
    /// Complaints per minute (all reporters together) above which a new complaint must carry a
    /// proof of work. Below it, `POST /v1/complaints` answers as the contract says, with no extra step.
    /// Zero turns proofs of work off.
    public var proofOfWorkThresholdPerMinute = 600
    /// Difficulty in leading zero bits at the threshold: 2^19 ≈ 524,000 SHA-256 on average, about a
    /// second at the 0.6 million hashes per second measured with a plain Python solver here.
    public var proofOfWorkBits = 19
    /// Extra bits as the rate climbs: one more per doubling above the threshold, at most this many.
    public var proofOfWorkMaxExtraBits = 4
    /// How long a challenge stays valid, in seconds.
    public var proofOfWorkLifetimeSeconds: UInt64 = 300
    /// Global cap on complaints actually processed, per second, and the burst it allows.
    public var intakePerSecond = 100.0
    public var intakeBurst = 200.0
    /// Global cap on status checks, per second, and the burst it allows.
    public var statusPerSecond = 50.0
    public var statusBurst = 100.0
    /// Global cap on agency challenges (`POST /v1/agency/challenge`), per second, and the burst it
    /// allows: each one is a random nonce and a MAC, cheap, but a flood of them is still a flood.
    public var challengePerSecond = 50.0
    public var challengeBurst = 100.0
    /// Global cap on the public audit endpoints (`/v1/audit/*`), per second, and the burst it
    /// allows: auditors fetch a checkpoint and a few pages of entries, not hundreds a second, and a
    /// flood of `entries?start=0&end=1000` raised complaint latency from 26 ms to 918 ms before
    /// there was a cap (security review 2026-12, F9).
    public var auditPerSecond = 20.0
    public var auditBurst = 40.0
    /// Audit requests served at once; more wait their turn (up to `auditMaxWaiting`, then 429).
    /// Their reads and signatures run on the worker threads intake uses, so this many at most are
    /// ever taken from complaints and status checks.
    public var auditConcurrency = 2
    public var auditMaxWaiting = 32
    /// Per-locator back-off on status checks: 5 checks an hour at once, then waits of 1, 2, 4 …
    /// up to 32 seconds.
    var locator = LocatorBackoff.Policy()

    public init() {}

    /// Status checks per locator per hour answered at once.
    public var locatorFreeAttempts: Int {
        get { locator.freeAttempts }
        set { locator.freeAttempts = newValue }
    }

    /// How long the per-locator count lasts: an hour. One daemon starts a locator's window at its
    /// first check; daemons sharing a database count in fixed windows of this length.
    public var locatorWindowSeconds: Int64 {
        locator.window.components.seconds
    }

    /// The burst that goes with a cap of `perSecond`: twice the rate, and never below one request,
    /// so that a cap under 1/s (`serve --intake-rate 0.3`) still admits one request at a time.
    public static func burst(forRate perSecond: Double) -> Double {
        max(1, 2 * perSecond)
    }

    /// No limits at all: for benchmarks that measure the machine, never for a daemon facing reporters.
    public static var unlimited: AbusePolicy {
        var policy = AbusePolicy()
        policy.proofOfWorkThresholdPerMinute = 0
        policy.intakePerSecond = 1e9
        policy.intakeBurst = 1e9
        policy.statusPerSecond = 1e9
        policy.statusBurst = 1e9
        policy.challengePerSecond = 1e9
        policy.challengeBurst = 1e9
        policy.auditPerSecond = 1e9
        policy.auditBurst = 1e9
        policy.auditConcurrency = 64
        policy.auditMaxWaiting = 1024
        policy.locatorFreeAttempts = Int.max / 2
        return policy
    }
}
