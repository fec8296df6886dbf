/// Where the reporter guards (`ReporterGuards.AbuseGuard`) keep what their decisions depend on: the
/// global token buckets, the intake rate that brings on the proof of work, the proofs already
/// spent, and the per-locator counts of status checks (Docs/abuse-resistance.md).
///
/// One daemon keeps them in memory (`ReporterGuards.MemoryGuardState`, the SQLite deployment);
/// daemons that share a PostgreSQL database keep them there (`PostgresStorage.PostgresGuardState`),
/// so that N daemons behind a load balancer admit the configured caps, not N times them.
///
/// Nothing here ever takes a client's address, and a locator is only ever counted, never stored as
/// typed (the PostgreSQL state keeps a keyed hash under a key that changes every window).
/// A method that throws means the state could not be reached: the guard then refuses (fails closed).
public protocol GuardStateStore: Sendable {
    /// Takes one request from `bucket`: nil when granted, else the seconds until one will be there.
    func take(_ bucket: GuardBucket) async throws -> Double?

    /// Counts one complaint (or preview) towards the intake rate.
    func recordIntake() async throws

    /// Complaints (and previews) in the last minute, all daemons together: an estimate.
    func intakeRate() async throws -> Double

    /// Marks the proof-of-work challenge `id` used until `expires` (Unix seconds); true when this
    /// was its first use. `now` (Unix seconds) lets expired marks go.
    func spendProof(id: [UInt8], expires: UInt64, now: UInt64) async throws -> Bool

    /// Counts one status check of `locator` (a token's first 8 digits) and returns the checks of it
    /// counted in its current window, this one included.
    func countLocatorCheck(_ locator: UInt32) async throws -> Int

    /// Takes back one check of `locator` in its current window (the check succeeded).
    func refundLocatorCheck(_ locator: UInt32) async throws

    /// The checks of `locator` counted in its current window (for tests).
    func locatorChecks(_ locator: UInt32) async throws -> Int
}

/// One global cap: a token bucket of `burst` requests refilled at `perSecond`, shared by every
/// client alike. The name identifies it across daemons (`intake`, `status`, `challenge`, `audit`).
public struct GuardBucket: Sendable, Hashable {
    public let name: String
    public let perSecond: Double
    public let burst: Double

    public init(name: String, perSecond: Double, burst: Double) {
        precondition(perSecond > 0 && burst >= 1, "a bucket needs a positive rate and room for one request")
        self.name = name
        self.perSecond = perSecond
        self.burst = burst
    }
}
