import AuditLog
import Envelope
import Foundation
import Intake
@testable import PostgresStorage
import PostgresNIO
import Sodium
import Testing

/// What only the PostgreSQL store has: session settings that override the server's defaults,
/// migrations shared by daemons that start together, the deployment fingerprint, recovery from
/// broken connections. These need a server, so they run when PostgreSQL is in `Backend.available`.
@Suite("PostgreSQL store", .enabled(if: Backend.available.contains(.postgres)))
struct PostgresStoreTests {
    @Test("commits are durable and READ COMMITTED even where the database's defaults say otherwise")
    func sessionSettingsWin() throws {
        let server = try TestPostgresServer.shared()
        let location = try server.createDatabase()
        try server.run("ALTER DATABASE \(unescaped: location.database) SET synchronous_commit = off")
        try server.run("ALTER DATABASE \(unescaped: location.database) SET default_transaction_isolation = serializable")
        let store = try PostgresStore(location: location)
        let settings = try store.effectiveSettings()
        #expect(settings["synchronous_commit"] == "on")
        #expect(settings["fsync"] == "on")
        #expect(settings["full_page_writes"] == "on")
        #expect(settings["transaction_isolation"] == "read committed")
    }

    @Test("no column has a date or time type, and the database refuses a time finer than a day")
    func daysOnly() throws {
        let store = try PostgresStore(location: TestPostgresServer.shared().createDatabase())
        let columns = try store.schemaColumns()
        #expect(columns["cases"]?["filed_day"] == "text")
        for (table, types) in columns {
            for (column, type) in types {
                #expect(!type.contains("time") && !type.contains("date") && type != "interval", "\(table).\(column) is \(type)")
            }
        }
        let key = try AgencyKeyPair.generate(name: "inspector-9", role: .inspector).publicKey
        let refused = #expect(throws: PostgresStoreError.self) {
            try store.registerAgencyKey(key, receivesNewCases: false, team: "default", day: "2026-11-23T16Z", audit: [])
        }
        #expect(refused?.sqlState == "23514", "a CHECK constraint must refuse it")
        #expect(try store.agencyKeys().isEmpty)
    }

    @Test("daemons starting together on an empty database migrate it once")
    func concurrentMigration() async throws {
        let server = try TestPostgresServer.shared()
        let location = try server.createDatabase()
        let opened = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<4 {
                group.addTask { try await Thread.detachedResult { _ = try PostgresStore(location: location); return true } ?? false }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(opened == 4)
        let rows = try server.run("SELECT version FROM safeintake_migrations", in: location.database)
        #expect(rows.count == PostgresSchema.migrations.count)
    }

    @Test("a daemon refuses a database whose shipped migration differs or that is newer than itself")
    func migrationMismatch() throws {
        let server = try TestPostgresServer.shared()
        let location = try server.createDatabase()
        _ = try PostgresStore(location: location)
        try server.run("UPDATE safeintake_migrations SET checksum = '\\x00'::BYTEA WHERE version = 1", in: location.database)
        let edited = #expect(throws: PostgresStoreError.self) { try PostgresStore(location: location) }
        #expect(edited?.code == .migrationMismatch && edited?.message.contains("edited") == true)

        let newer = try server.createDatabase()
        _ = try PostgresStore(location: newer)
        try server.run("INSERT INTO safeintake_migrations VALUES (999, 'from the future', '\\x00'::BYTEA)", in: newer.database)
        let future = #expect(throws: PostgresStoreError.self) { try PostgresStore(location: newer) }
        #expect(future?.code == .migrationMismatch && future?.message.contains("newer") == true)
    }

    @Test("the first daemon records the deployment's secrets; a daemon with others is refused")
    func deploymentBinding() throws {
        let location = try TestPostgresServer.shared().createDatabase()
        let store = try PostgresStore(location: location)
        let (pepper, formKey) = (SecureBytes(randomCount: 32), SecureBytes(randomCount: 32))
        let logKey = try NoteSignerFixture.verifierKey()
        let ours = try DeploymentFingerprint(logVerifierKey: logKey, tokenPepper: pepper, formTokenKey: formKey)
        #expect(try store.bindDeployment(ours))
        let second = try PostgresStore(location: location)
        #expect(try !second.bindDeployment(ours))

        let others: [(DeploymentFingerprint, String)] = [
            (try DeploymentFingerprint(logVerifierKey: try NoteSignerFixture.verifierKey(), tokenPepper: pepper, formTokenKey: formKey), "audit-log key"),
            (try DeploymentFingerprint(logVerifierKey: logKey, tokenPepper: SecureBytes(randomCount: 32), formTokenKey: formKey), "token pepper"),
            (try DeploymentFingerprint(logVerifierKey: logKey, tokenPepper: pepper, formTokenKey: SecureBytes(randomCount: 32)), "form-token key"),
        ]
        for (other, named) in others {
            let refused = #expect(throws: PostgresStoreError.self) { try second.bindDeployment(other) }
            #expect(refused?.code == .secretsMismatch && refused?.message.contains(named) == true && refused?.message.contains("secrets folder") == true)
        }
    }

    @Test("a database bound before migration 2 adopts the first form-token key, then holds to it")
    func formKeyAdoptedAfterUpgrade() throws {
        let server = try TestPostgresServer.shared()
        let location = try server.createDatabase()
        let store = try PostgresStore(location: location)
        let (pepper, logKey) = (SecureBytes(randomCount: 32), try NoteSignerFixture.verifierKey())
        try store.bindDeployment(DeploymentFingerprint(logVerifierKey: logKey, tokenPepper: pepper, formTokenKey: SecureBytes(randomCount: 32)))
        try server.run("UPDATE deployment SET form_key_check = NULL", in: location.database)  // as migration 2 leaves an older row
        let formKey = SecureBytes(randomCount: 32)
        #expect(try !store.bindDeployment(DeploymentFingerprint(logVerifierKey: logKey, tokenPepper: pepper, formTokenKey: formKey)))
        #expect(throws: PostgresStoreError.self) {
            try store.bindDeployment(DeploymentFingerprint(logVerifierKey: logKey, tokenPepper: pepper, formTokenKey: SecureBytes(randomCount: 32)))
        }
    }

    @Test("a connection the server dropped is replaced: at most one call fails")
    func brokenConnectionIsReplaced() throws {
        let server = try TestPostgresServer.shared()
        let location = try server.createDatabase()
        let store = try PostgresStore(location: location, maxConnections: 1)
        let size = try store.auditLogSize()
        try server.run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = \(location.database)")
        _ = try? store.auditLogSize()
        #expect(try store.auditLogSize() == size)
    }

    @Test("a store that was shut down says so")
    func shutDown() throws {
        let store = try PostgresStore(location: TestPostgresServer.shared().createDatabase())
        store.shutdown()
        let error = #expect(throws: PostgresStoreError.self) { try store.auditLogSize() }
        #expect(error?.code == .shutDown)
    }
}

/// A fresh audit-log verifier key, as a daemon would publish it.
enum NoteSignerFixture {
    static func verifierKey() throws -> String {
        let pair = SigningKeyPair()
        return try NoteSigner(name: "safeintake.invalid/audit/" + Hex.encode(Array(pair.publicKey.prefix(8))), keyPair: pair).encodedVerifierKey
    }
}
