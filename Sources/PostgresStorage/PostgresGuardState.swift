import Foundation
import Intake
import Logging
import NIOPosix
import PostgresNIO
import Sodium
import Synchronization

/// The reporter guards' state in the database several daemons share (issue 22 #8), so that N
/// daemons behind a load balancer admit the configured caps, not N times them, and a guesser
/// meets one back-off whichever daemon he reaches. Every decision is one statement (or a short
/// transaction), atomic across daemons; every table is UNLOGGED (Docs/abuse-resistance.md,
/// "Several daemons", says what is stored, for how long, and what it would tell):
///
/// - `guard_buckets`: one row per global cap, `(name, tokens, refilled_at)`, taken from with one
///   `UPDATE ... WHERE` the refilled level is at least one; the server's clock, so daemons' clocks
///   need not agree. `refilled_at` is kept only while the bucket refills: `sweep()` writes a full
///   bucket back without it, so the time of the last request does not stay in the database.
/// - `guard_intake_minutes`: complaints and previews per minute, the current and previous minute.
/// - `guard_spent_proofs`: proof-of-work ids used, until their expiry rounded up to a quarter hour.
/// - `guard_locator_checks`: per window (an hour), a keyed BLAKE2b hash of each locator under that
///   window's own key, derived from a secret every daemon shares and the window number, and a
///   count. Successful checks are refunded (a count that falls to zero is deleted), past windows
///   deleted. No locator, token or time of a check is stored.
///
/// The store's calls block, so they run on a small thread pool of their own with connections of
/// their own: guard decisions never queue behind Argon2id and sealing on the daemon's workers.
public final class PostgresGuardState: GuardStateStore {
    /// The tables this state keeps, all UNLOGGED (with the agency challenges, `PostgresStore+Challenges`).
    public static let tables: Set<String> = ["guard_buckets", "guard_intake_minutes", "guard_spent_proofs",
                                             "guard_locator_checks", "agency_challenges"]
    /// crypto_kdf contexts: the locator windows' keys, and the proof-of-work challenges' MAC key.
    static let locatorKeyContext = "SIlocatr"
    static let proofKeyContext = "SIpowmac"
    static let locatorLabel = Array("safeintake/locator-window/v1".utf8) + [0x00]
    /// A spent proof's expiry is stored rounded up to this many seconds: it must outlive the
    /// challenge, and need not say when, to the second, someone filed.
    static let spentProofQuantum: UInt64 = 900

    let pool: BlockingConnectionPool
    private let threads: NIOThreadPool
    private let secret: SecureBytes
    private let windowSeconds: Int64
    private let unixNow: @Sendable () -> Double
    /// The buckets this daemon has used, with its rates: `sweep()` writes them back when full.
    private let knownBuckets = Mutex<[String: GuardBucket]>([:])
    private let sweeper = Mutex<Task<Void, Never>?>(nil)
    /// The current window's locator key, derived once per window; the last window's is dropped
    /// (and wiped) when the next is derived.
    private let windowKey = Mutex<(window: Int64, key: SecureBytes)?>(nil)

    /// Guard state in the database at `location` (already migrated by the daemon's `PostgresStore`).
    /// `secret` is a key every daemon on the database shares (the form-token key of `secrets/`);
    /// the locator windows' keys and the proof-of-work key are derived from it. `connections`
    /// bounds both the thread pool and the connections it uses.
    public init(location: PostgresLocation, secret: SecureBytes, locatorWindowSeconds: Int64 = 3600, connections: Int = 4,
                logger: Logger = Logger(label: "safeintake.postgres.guards"),
                unixNow: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) throws {
        precondition(locatorWindowSeconds > 0 && connections > 0, "a window and a connection at least")
        guard secret.count == KeyDerivation.masterKeyBytes else {
            throw PostgresStoreError(.secretsMismatch, "the guards' secret must be \(KeyDerivation.masterKeyBytes) bytes")
        }
        self.secret = secret
        self.windowSeconds = locatorWindowSeconds
        self.unixNow = unixNow
        pool = try BlockingConnectionPool(location: location, maxConnections: connections, logger: logger)
        threads = NIOThreadPool(numberOfThreads: connections)
        threads.start()
    }

    /// The proof-of-work challenges' MAC key for every daemon sharing `secret`: a challenge
    /// handed out by one is accepted by another (`AbuseGuard(proofKey:)`).
    public static func proofKey(from secret: SecureBytes) throws -> SecureBytes {
        try KeyDerivation.derive(from: secret, id: 1, context: proofKeyContext)
    }

    // MARK: GuardStateStore

    public func take(_ bucket: GuardBucket) async throws -> Double? {
        knownBuckets.withLock { $0[bucket.name] = bucket }
        return try await run { s in
            // The bucket's level now: full when it was written back full (no time), else refilled
            // at its rate since then, up to the burst. Granted when at least one request is there.
            // (`now()` is when this statement began: one that waited for another daemon's update
            // never moves `refilled_at` back, which would refill time twice.)
            for _ in 0..<3 {
                let granted = try s.rows("""
                    UPDATE guard_buckets SET
                        tokens = least(\(bucket.burst), CASE WHEN refilled_at IS NULL THEN \(bucket.burst)
                            ELSE tokens + \(bucket.perSecond) * greatest(0, extract(epoch FROM now())::float8 - refilled_at) END) - 1,
                        refilled_at = greatest(refilled_at, extract(epoch FROM now())::float8)
                    WHERE name = \(bucket.name) AND least(\(bucket.burst), CASE WHEN refilled_at IS NULL THEN \(bucket.burst)
                        ELSE tokens + \(bucket.perSecond) * greatest(0, extract(epoch FROM now())::float8 - refilled_at) END) >= 1
                    RETURNING tokens
                    """)
                if !granted.isEmpty { return nil }
                // Refused, or no row yet: how long until a request is there. A level of one or more
                // here means the row appeared (another daemon made it) or refilled since the
                // UPDATE looked: ask again rather than refuse.
                if let row = try s.rows("""
                    SELECT least(\(bucket.burst), CASE WHEN refilled_at IS NULL THEN \(bucket.burst)
                        ELSE tokens + \(bucket.perSecond) * greatest(0, extract(epoch FROM now())::float8 - refilled_at) END)
                    FROM guard_buckets WHERE name = \(bucket.name)
                    """).first {
                    let level = try decodeRow { try row.decode(Double.self) }
                    if level < 1 { return (1 - level) / bucket.perSecond }
                    continue
                }
                // No row (a new database, or one a crash emptied, the table being unlogged): a full bucket.
                try s.execute("INSERT INTO guard_buckets (name, tokens, refilled_at) VALUES (\(bucket.name), \(bucket.burst), NULL) ON CONFLICT (name) DO NOTHING")
            }
            // Still undecided after three looks (the row keeps changing under us): refuse, briefly.
            return 1 / bucket.perSecond
        }
    }

    public func recordIntake() async throws {
        try await run { s in
            try s.execute("""
                INSERT INTO guard_intake_minutes (minute, complaints) VALUES (floor(extract(epoch FROM now()) / 60)::bigint, 1)
                ON CONFLICT (minute) DO UPDATE SET complaints = guard_intake_minutes.complaints + 1
                """)
        }
    }

    public func intakeRate() async throws -> Double {
        try await run { s in
            // As `RateMeter`: the previous minute's count times the share of it still inside the
            // last 60 seconds, plus the current minute's.
            guard let row = try s.rows("""
                SELECT coalesce(sum(CASE WHEN m.minute = c.current THEN m.complaints::float8
                    ELSE m.complaints * greatest(0, 1 - (c.t - c.current * 60) / 60) END), 0)::float8
                FROM guard_intake_minutes m,
                     (SELECT extract(epoch FROM now())::float8 AS t, floor(extract(epoch FROM now()) / 60)::bigint AS current) c
                WHERE m.minute IN (c.current, c.current - 1)
                """).first else { return 0 }
            return try decodeRow { try row.decode(Double.self) }
        }
    }

    public func spendProof(id: [UInt8], expires: UInt64, now: UInt64) async throws -> Bool {
        let kept = Int64(clamping: (expires / Self.spentProofQuantum + 1) * Self.spentProofQuantum)
        return try await run { s in
            try s.execute("""
                INSERT INTO guard_spent_proofs (challenge_id, expires) VALUES (\(id.bytea), \(kept)) ON CONFLICT (challenge_id) DO NOTHING
                """) == 1
        }
    }

    public func countLocatorCheck(_ locator: UInt32) async throws -> Int {
        let (window, digest) = try locatorDigest(locator)
        return try await run { s in
            guard let row = try s.rows("""
                INSERT INTO guard_locator_checks (window_number, digest, checks) VALUES (\(window), \(digest.bytea), 1)
                ON CONFLICT (window_number, digest) DO UPDATE SET checks = guard_locator_checks.checks + 1
                RETURNING checks
                """).first else {
                throw PostgresStoreError(.corruptRow, "counting a status check returned no row")
            }
            return try decodeRow { try row.decode(Int.self) }
        }
    }

    public func refundLocatorCheck(_ locator: UInt32) async throws {
        let (window, digest) = try locatorDigest(locator)
        try await run { s in
            try s.transaction { s in
                guard let row = try s.rows("""
                    SELECT checks FROM guard_locator_checks WHERE window_number = \(window) AND digest = \(digest.bytea) FOR UPDATE
                    """).first else { return }
                // A count that falls to zero leaves no row: a row of zero would mark a locator
                // whose reporter checked in.
                if try decodeRow({ try row.decode(Int.self) }) <= 1 {
                    try s.execute("DELETE FROM guard_locator_checks WHERE window_number = \(window) AND digest = \(digest.bytea)")
                } else {
                    try s.execute("UPDATE guard_locator_checks SET checks = checks - 1 WHERE window_number = \(window) AND digest = \(digest.bytea)")
                }
            }
        }
    }

    public func locatorChecks(_ locator: UInt32) async throws -> Int {
        let (window, digest) = try locatorDigest(locator)
        return try await run { s in
            guard let row = try s.rows("""
                SELECT checks FROM guard_locator_checks WHERE window_number = \(window) AND digest = \(digest.bytea)
                """).first else { return 0 }
            return try decodeRow { try row.decode(Int.self) }
        }
    }

    // MARK: housekeeping

    /// Deletes what no decision needs any more, and writes full buckets back without their time:
    /// past windows' locator counts, minutes before the previous one, expired spent proofs and
    /// agency challenges. Each daemon runs it every few seconds (`startSweeping`).
    public func sweep() async throws {
        let buckets = knownBuckets.withLock { Array($0.values) }
        let window = currentWindow()
        try await run { s in
            for bucket in buckets {
                try s.execute("""
                    UPDATE guard_buckets SET tokens = \(bucket.burst), refilled_at = NULL
                    WHERE name = \(bucket.name) AND refilled_at IS NOT NULL
                      AND tokens + \(bucket.perSecond) * greatest(0, extract(epoch FROM now())::float8 - refilled_at) >= \(bucket.burst)
                    """)
            }
            try s.execute("DELETE FROM guard_intake_minutes WHERE minute < floor(extract(epoch FROM now()) / 60)::bigint - 1")
            try s.execute("DELETE FROM guard_spent_proofs WHERE expires < extract(epoch FROM now())")
            try s.execute("DELETE FROM guard_locator_checks WHERE window_number < \(window)")
            try s.execute("DELETE FROM agency_challenges WHERE expires < extract(epoch FROM now())")
        }
    }

    /// Sweeps every `interval` until `shutdown()`. A sweep that fails (the database unreachable)
    /// is tried again at the next.
    public func startSweeping(every interval: Duration = .seconds(5)) {
        let task = Task.detached { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard let self, !Task.isCancelled else { return }
                try? await self.sweep()
            }
        }
        sweeper.withLock { running in
            running?.cancel()
            running = task
        }
    }

    /// Stops sweeping and closes the connections and threads.
    public func shutdown() async {
        sweeper.withLock { $0?.cancel() }
        try? await threads.shutdownGracefully()
        pool.shutdown()
    }

    deinit {
        sweeper.withLock { $0?.cancel() }
        pool.shutdown(waiting: false)
    }

    // MARK: internals

    func currentWindow() -> Int64 {
        Int64((unixNow() / Double(windowSeconds)).rounded(.down))
    }

    /// The current window's number and `locator`'s digest in it: BLAKE2b-128 keyed with that
    /// window's key, `crypto_kdf(secret, window, "SIlocatr")`. Without the secret a digest cannot be
    /// tested against any locator; and a digest of one window says nothing about the next.
    func locatorDigest(_ locator: UInt32) throws -> (window: Int64, digest: [UInt8]) {
        let window = currentWindow()
        let key = try windowKey.withLock { cached in
            if let cached, cached.window == window { return cached.key }
            let key = try KeyDerivation.derive(from: secret, id: UInt64(bitPattern: window), context: Self.locatorKeyContext)
            cached = (window, key)
            return key
        }
        let message = Self.locatorLabel + withUnsafeBytes(of: locator.bigEndian, Array.init)
        let digest = try message.withUnsafeBytes { try GenericHash.keyedHash($0, key: key, length: 16) }
        return (window, digest.copyBytes())
    }

    private func run<T: Sendable>(_ body: @escaping @Sendable (PostgresSession) throws -> T) async throws -> T {
        try await threads.runIfActive { [pool] in try pool.withSession(body) }
    }
}
