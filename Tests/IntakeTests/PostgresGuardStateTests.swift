import Foundation
import Intake
import Logging
@testable import PostgresStorage
import PostgresNIO
import Sodium
import Synchronization
import Testing

/// Issue 22 #8: the guards' state and the agency challenges, shared by daemons on one PostgreSQL
/// database. Each test opens two states on one database, as two daemons would, and checks that they
/// count together, never twice; and that what the tables hold identifies no reporter.
@Suite("PostgreSQL guard state shared by several daemons", .enabled(if: Backend.available.contains(.postgres)))
struct PostgresGuardStateTests {
    /// Two "daemons" on one fresh, migrated database, sharing one secret.
    struct Pair {
        let server: TestPostgresServer
        let location: PostgresLocation
        let store: PostgresStore
        let first: PostgresGuardState
        let second: PostgresGuardState

        init(secret: SecureBytes = SecureBytes(randomCount: 32), clock: (@Sendable () -> Double)? = nil) throws {
            server = try TestPostgresServer.shared()
            location = try server.createDatabase()
            store = try PostgresStore(location: location, maxConnections: 2)
            let now = clock ?? { Date().timeIntervalSince1970 }
            first = try PostgresGuardState(location: location, secret: secret, connections: 2, unixNow: now)
            second = try PostgresGuardState(location: location, secret: secret, connections: 2, unixNow: now)
        }

        @discardableResult
        func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
            try server.run(query, in: location.database)
        }

        func close() async {
            await first.shutdown()
            await second.shutdown()
            store.shutdown()
        }
    }

    @Test("two daemons take from one bucket: together they admit its burst, then both refuse with a wait")
    func oneBucketForBoth() async throws {
        let pair = try Pair()
        let bucket = GuardBucket(name: "status", perSecond: 0.0001, burst: 5)
        var granted = 0
        let start = ContinuousClock.now
        for i in 0..<8 {
            if try await (i % 2 == 0 ? pair.first : pair.second).take(bucket) == nil { granted += 1 }
        }
        #expect(granted == 5, "N daemons must admit the cap, not N times it")
        let wait = try #require(try await pair.second.take(bucket))
        // The bucket refills at 0.0001/s from when it was drained (so that no run, however loaded,
        // sees a token come back): the wait is 10,000 s less however long the takes took.
        let taken = ContinuousClock.now - start
        let elapsed = Double(taken.components.seconds) + Double(taken.components.attoseconds) / 1e18
        #expect(wait >= 10_000 - elapsed - 1 && wait <= 10_000,
                "one request at 0.0001/s comes back in up to 10,000 s, got \(wait) after \(elapsed) s")
        await pair.close()
    }

    @Test("concurrent requests through both daemons: exactly the burst is granted")
    func concurrentTakes() async throws {
        let pair = try Pair()
        let bucket = GuardBucket(name: "intake", perSecond: 0.0001, burst: 7)
        let granted = try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<30 {
                let state = i % 2 == 0 ? pair.first : pair.second
                group.addTask { try await state.take(bucket) == nil }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(granted == 7)
        await pair.close()
    }

    @Test("while a bucket has room, no request is refused, even the first ones racing to make its row")
    func noFalseRefusals() async throws {
        let pair = try Pair()
        let bucket = GuardBucket(name: "intake", perSecond: 100, burst: 200)
        let refused = try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<40 {
                let state = i % 2 == 0 ? pair.first : pair.second
                group.addTask { try await state.take(bucket) != nil }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(refused == 0)
        await pair.close()
    }

    @Test("a bucket refills at its rate, and once full is written back without the time of the last request")
    func refillAndForget() async throws {
        let pair = try Pair()
        let bucket = GuardBucket(name: "challenge", perSecond: 50, burst: 2)
        #expect(try await pair.first.take(bucket) == nil)
        #expect(try await pair.second.take(bucket) == nil)
        var row = try pair.rows("SELECT tokens, refilled_at FROM guard_buckets WHERE name = 'challenge'")[0].decode((Double, Double?).self)
        #expect(row.0 < 2 && row.1 != nil, "a bucket that is refilling keeps its time")
        try await Task.sleep(for: .milliseconds(200))  // 10 requests' worth at 50/s: full again
        try await pair.second.sweep()
        row = try pair.rows("SELECT tokens, refilled_at FROM guard_buckets WHERE name = 'challenge'")[0].decode((Double, Double?).self)
        #expect(row.0 == 2 && row.1 == nil, "a full bucket keeps no time")
        #expect(try await pair.second.take(bucket) == nil)
        #expect(try await pair.first.take(bucket) == nil)
        // A bucket still refilling is left as it is by the sweep.
        let slow = GuardBucket(name: "status", perSecond: 0.0001, burst: 1)
        #expect(try await pair.first.take(slow) == nil)
        try await pair.first.sweep()
        #expect(try await pair.second.take(slow) != nil)
        await pair.close()
    }

    @Test("a bucket emptied by a crash (unlogged tables are) starts again full")
    func bucketRowRecreated() async throws {
        let pair = try Pair()
        let bucket = GuardBucket(name: "audit", perSecond: 0.0001, burst: 1)
        #expect(try await pair.first.take(bucket) == nil)
        #expect(try await pair.second.take(bucket) != nil)
        try pair.rows("TRUNCATE guard_buckets")
        #expect(try await pair.second.take(bucket) == nil)
        #expect(try await pair.first.take(bucket) != nil)
        await pair.close()
    }

    @Test("the intake rate counts complaints filed through both daemons")
    func sharedIntakeRate() async throws {
        let pair = try Pair()
        let start = ContinuousClock.now
        for _ in 0..<3 { try await pair.first.recordIntake() }
        for _ in 0..<2 { try await pair.second.recordIntake() }
        let stored = try pair.rows("SELECT sum(complaints)::bigint FROM guard_intake_minutes")[0].decode(Int64.self)
        #expect(stored == 5, "both daemons' filings in the one table")
        // The sliding estimate weighs the previous minute by how much of it is still inside the last
        // 60 s, so it is 5 right after filing and less as the minute turns (later on a loaded run).
        let seen = [try await pair.first.intakeRate(), try await pair.second.intakeRate()]
        let taken = ContinuousClock.now - start
        let elapsed = Double(taken.components.seconds) + Double(taken.components.attoseconds) / 1e18
        for rate in seen { #expect(rate > 5 * max(0, 1 - elapsed / 60) - 1 && rate <= 5, "\(seen) after \(elapsed) s") }
        await pair.close()
    }

    @Test("a proof spent at one daemon is spent at the other; expired marks are swept")
    func sharedSpentProofs() async throws {
        let pair = try Pair()
        let now = UInt64(Date().timeIntervalSince1970)
        let id = Random.bytes(16)
        #expect(try await pair.first.spendProof(id: id, expires: now + 300, now: now))
        #expect(try await !pair.second.spendProof(id: id, expires: now + 300, now: now))
        #expect(try await !pair.first.spendProof(id: id, expires: now + 300, now: now))
        // stored expiry: rounded up to a quarter hour, never before the challenge's own
        let kept = try pair.rows("SELECT expires FROM guard_spent_proofs")[0].decode(Int64.self)
        #expect(kept % 900 == 0 && UInt64(kept) > now + 300 && UInt64(kept) <= now + 300 + 900)
        let old = Random.bytes(16)
        #expect(try await pair.second.spendProof(id: old, expires: now - 2000, now: now))
        try await pair.first.sweep()
        let left = try pair.rows("SELECT challenge_id FROM guard_spent_proofs").map { [UInt8](bytea: try $0.decode(ByteBuffer.self)) }
        #expect(left == [id])
        await pair.close()
    }

    @Test("locator checks count through both daemons; a success is refunded, to no row at all")
    func sharedLocatorBackoff() async throws {
        let pair = try Pair()
        let locator: UInt32 = 1234_5678
        #expect(try await pair.first.countLocatorCheck(locator) == 1)
        #expect(try await pair.second.countLocatorCheck(locator) == 2)
        #expect(try await pair.first.countLocatorCheck(locator) == 3)
        #expect(try await pair.second.countLocatorCheck(8765_4321) == 1, "another locator has its own count")
        try await pair.second.refundLocatorCheck(locator)
        #expect(try await pair.first.locatorChecks(locator) == 2)
        try await pair.first.refundLocatorCheck(locator)
        try await pair.second.refundLocatorCheck(locator)
        #expect(try await pair.first.locatorChecks(locator) == 0)
        try await pair.first.refundLocatorCheck(locator)  // nothing left to refund: no row, no error
        let rows = try pair.rows("SELECT checks FROM guard_locator_checks")
        #expect(try rows.map { try $0.decode(Int.self) } == [1], "a locator refunded to zero leaves no row behind")
        await pair.close()
    }

    @Test("locator rows hold a keyed digest that changes every window, and past windows are swept")
    func locatorPrivacy() async throws {
        let clock = TestClock(1_800_000_000)
        let pair = try Pair(clock: { clock.now() })
        let locator: UInt32 = 4711_0815
        for _ in 0..<3 { _ = try await pair.first.countLocatorCheck(locator) }
        let (window, digest) = try pair.first.locatorDigest(locator)
        let stored = try pair.rows("SELECT window_number, digest, checks FROM guard_locator_checks")
        #expect(stored.count == 1)
        let (storedWindow, storedDigest, checks) = try stored[0].decode((Int64, ByteBuffer, Int).self)
        #expect(storedWindow == window && [UInt8](bytea: storedDigest) == digest && checks == 3)
        #expect(window == Int64(1_800_000_000 / 3600))
        // nothing of the locator itself: not its digits, not its bytes either way round
        let raw = [UInt8](bytea: storedDigest)
        for needle in [Array("47110815".utf8), withUnsafeBytes(of: locator.bigEndian, Array.init), withUnsafeBytes(of: locator.littleEndian, Array.init)] {
            #expect(!raw.contains(needle), "the digest holds the locator")
        }
        // another deployment's secret gives another digest: nothing to compare across deployments
        let other = try PostgresGuardState(location: pair.location, secret: SecureBytes(randomCount: 32), connections: 1,
                                           unixNow: { 1_800_000_000 })
        #expect(try other.locatorDigest(locator).digest != digest)
        await other.shutdown()
        // the next window: a new key, a new digest, the count starts again; the old row is swept
        clock.advance(by: 3600)
        let next = try pair.second.locatorDigest(locator)
        #expect(next.window == window + 1 && next.digest != digest)
        #expect(try await pair.second.countLocatorCheck(locator) == 1)
        try await pair.first.sweep()
        let windows = try pair.rows("SELECT window_number FROM guard_locator_checks").map { try $0.decode(Int64.self) }
        #expect(windows == [window + 1])
        await pair.close()
    }

    @Test("an agency challenge recorded by one daemon is taken once, by either; raced, exactly once")
    func sharedChallenges() async throws {
        let pair = try Pair()
        let other = try PostgresStore(location: pair.location, maxConnections: 4)
        let expires = Date().addingTimeInterval(120)
        try pair.store.recordChallenge("c1", keyID: "k1", expires: expires)
        let taken = try other.takeChallenge("c1")
        #expect(taken?.keyID == "k1" && abs((taken?.expires.timeIntervalSince1970 ?? 0) - expires.timeIntervalSince1970) <= 1)
        #expect(try other.takeChallenge("c1") == nil)
        #expect(try pair.store.takeChallenge("c1") == nil)
        try pair.store.recordChallenge("c2", keyID: "k2", expires: expires)
        let stores = [pair.store, other]
        let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<8 {
                let store = stores[i % 2]
                group.addTask { try await Thread.detachedResult { try store.takeChallenge("c2") != nil } ?? false }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(winners == 1)
        try pair.store.recordChallenge("old", keyID: "k3", expires: Date().addingTimeInterval(-5))
        try await pair.first.sweep()
        #expect(try pair.rows("SELECT count(*) FROM agency_challenges")[0].decode(Int.self) == 0)
        other.shutdown()
        await pair.close()
    }

    @Test("every guard table is UNLOGGED, and left out of the auditor's copy")
    func unloggedAndNotAudited() async throws {
        let pair = try Pair()
        let rows = try pair.rows("""
            SELECT relname::TEXT, relpersistence::TEXT FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace
            """)
        let persistence = Dictionary(uniqueKeysWithValues: try rows.map { try $0.decode((String, String).self) })
        for table in PostgresGuardState.tables {
            #expect(persistence[table] == "u", "\(table) must be UNLOGGED")
        }
        #expect(persistence["cases"] == "p", "the cases stay logged and durable")
        _ = try await pair.first.countLocatorCheck(1)
        let copied = Set(try pair.store.copyForAudit().map(\.name))
        #expect(copied.isDisjoint(with: PostgresGuardState.tables))
        #expect(copied.contains("cases"))
        await pair.close()
    }

    @Test("a database of an earlier schema version gains the guard tables on the next start")
    func upgradeFromVersionEight() throws {
        let server = try TestPostgresServer.shared()
        let location = try server.createDatabase()
        let pool = try BlockingConnectionPool(location: location, maxConnections: 1, logger: Logger(label: "safeintake.test"))
        try pool.withSession { try PostgresMigrator.migrate($0, migrations: Array(PostgresSchema.migrations.prefix(8))) }
        pool.shutdown()
        #expect(try server.run("SELECT count(*) FROM pg_class WHERE relname = 'guard_buckets'", in: location.database)[0].decode(Int.self) == 0)
        let store = try PostgresStore(location: location)
        #expect(try server.run("SELECT max(version) FROM safeintake_migrations", in: location.database)[0].decode(Int.self) == PostgresSchema.migrations.last!.version)
        #expect(try server.run("SELECT count(*) FROM pg_class WHERE relname = 'guard_buckets'", in: location.database)[0].decode(Int.self) == 1)
        store.shutdown()
    }

    @Test("with the database unreachable every decision throws (the guard then refuses)")
    func unreachable() async throws {
        let server = try TestPostgresServer.shared()
        var components = try #require(URLComponents(string: server.url))
        components.port = 1  // nothing listens there
        let state = try PostgresGuardState(location: try PostgresLocation(url: components.string ?? ""), secret: SecureBytes(randomCount: 32),
                                           connections: 1)
        await #expect(throws: PostgresStoreError.self) { _ = try await state.take(GuardBucket(name: "status", perSecond: 1, burst: 1)) }
        await #expect(throws: PostgresStoreError.self) { _ = try await state.intakeRate() }
        await #expect(throws: PostgresStoreError.self) { _ = try await state.countLocatorCheck(1) }
        await #expect(throws: PostgresStoreError.self) { _ = try await state.spendProof(id: Random.bytes(16), expires: 1, now: 0) }
        await state.shutdown()
    }
}

/// A clock a test moves by hand.
final class TestClock: Sendable {
    private let seconds: Mutex<Double>

    init(_ start: Double) {
        seconds = Mutex(start)
    }

    func now() -> Double { seconds.withLock { $0 } }

    func advance(by delta: Double) { seconds.withLock { $0 += delta } }
}
