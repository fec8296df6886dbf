import AuditLog
import Envelope
import Foundation
import GRDB
import Intake
import Sodium

/// The embedded default store: one SQLite file in WAL mode with `synchronous = FULL`, so a
/// transaction that returned is on disk before the reporter sees her token, and `secure_delete`,
/// so spent tokens and deleted rows are overwritten rather than left in free pages.
public final class SQLiteStore: IntakeStore {
    public static let fileName = "safeintake.sqlite"
    let pool: DatabasePool

    /// Opens (creating if needed) the database in `directory` and runs pending migrations.
    public init(directory: URL) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;")
        }
        // Arguments of failed statements stay out of error messages (they may be ciphertext or verifiers).
        configuration.publicStatementArguments = false
        // Another process on the same file (a second daemon on this machine, the operator's sqlite3
        // shell) makes a writer wait for the lock instead of failing at once.
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: directory.appendingPathComponent(Self.fileName).path, configuration: configuration)
        // GRDB switches its writer to synchronous = NORMAL when it enables WAL, after
        // prepareDatabase has run; NORMAL can lose the last commits on power loss. Put FULL back on
        // the one writer connection, which the pool keeps for its whole life (checked by a test).
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try Schema.migrator.migrate(pool)
    }

    /// The durability and privacy settings as SQLite reports them on a live connection, for tests
    /// and the operator's checks: journal_mode, synchronous (2 = FULL), secure_delete, foreign_keys.
    public func effectiveSettings() throws -> [String: String] {
        try pool.write { db in
            var settings: [String: String] = [:]
            for pragma in ["journal_mode", "synchronous", "secure_delete", "foreign_keys"] {
                settings[pragma] = try String.fetchOne(db, sql: "PRAGMA \(pragma)")
            }
            return settings
        }
    }

    /// The names of the tables and their columns, for the separation checks.
    public func schemaColumns() throws -> [String: [String]] {
        try pool.read { db in
            var columns: [String: [String]] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'") {
                columns[table] = try db.columns(in: table).map(\.name)
            }
            return columns
        }
    }

    // MARK: agency keys

    public func registerAgencyKey(_ key: AgencyPublicKey, receivesNewCases: Bool, day: String, audit: [[UInt8]]) throws {
        do {
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO agency_keys (key_id, name, role, box_public_key, sign_public_key, receives_new_cases, registered_day)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [key.keyID, key.name, key.role.rawValue, Data(key.boxPublicKey), Data(key.signPublicKey),
                                     receivesNewCases, day])
                try AuditAppender.append(audit, in: db)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError.duplicateKey
        }
    }

    public func agencyKey(id: String) throws -> RegisteredKey? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM agency_keys WHERE key_id = ?", arguments: [id]).map(Self.registeredKey)
        }
    }

    public func agencyKeys() throws -> [RegisteredKey] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM agency_keys ORDER BY name").map(Self.registeredKey)
        }
    }

    private static func registeredKey(_ row: Row) throws -> RegisteredKey {
        let publicKey = try AgencyPublicKey(
            name: row["name"], role: AgencyRole(rawValue: row["role"]) ?? .inspector,
            boxPublicKey: [UInt8](row["box_public_key"] as Data), signPublicKey: [UInt8](row["sign_public_key"] as Data))
        return RegisteredKey(publicKey: publicKey, receivesNewCases: row["receives_new_cases"], revoked: row["revoked_day"] as String? != nil)
    }

    // MARK: cases and tokens

    public func insertCase(_ newCase: NewCase, audit: [[UInt8]]) throws {
        try mappingLocatorCollision {
            try pool.write { db in
                try db.execute(sql: "INSERT INTO cases (case_id, filed_day, agency_view) VALUES (?, ?, ?)",
                               arguments: [newCase.id.rawValue, newCase.day, Data(newCase.agencyView)])
                for (keyID, wrap) in newCase.wraps.sorted(by: { $0.key < $1.key }) {
                    try db.execute(sql: "INSERT INTO case_key_wraps (case_id, key_id, wrap) VALUES (?, ?, ?)",
                                   arguments: [newCase.id.rawValue, keyID, Data(wrap)])
                }
                try Self.insertToken(newCase.token, in: db)
                try AuditAppender.append(audit, in: db)
            }
        }
    }

    public func token(locator: String) throws -> StoredToken? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM status_tokens WHERE locator = ?", arguments: [locator]).flatMap { row in
                guard let caseID = CaseID(row["case_id"] as String) else { return nil }
                let verifier = TokenVerifier(
                    salt: [UInt8](row["salt"] as Data), hash: [UInt8](row["verifier"] as Data),
                    cost: PasswordHash.Cost(operations: UInt64(row["opslimit"] as Int64), memoryBytes: row["memlimit"]))
                return StoredToken(locator: locator, caseID: caseID, verifier: verifier)
            }
        }
    }

    public func spendToken(_ token: StoredToken, replacement: StoredToken, audit: [[UInt8]]) throws -> SpendOutcome {
        try mappingLocatorCollision {
            try pool.write { db -> SpendOutcome in
                // Deleting only the row with this exact verifier makes the spend a compare-and-swap:
                // of two concurrent checks with one token, exactly one deletes it.
                try db.execute(sql: "DELETE FROM status_tokens WHERE locator = ? AND verifier = ?",
                               arguments: [token.locator, Data(token.verifier.hash)])
                guard db.changesCount == 1 else { return .alreadySpent }
                try Self.insertToken(replacement, in: db)
                try AuditAppender.append(audit, in: db)
                let raw = try String.fetchOne(db, sql: "SELECT workflow_state FROM cases WHERE case_id = ?",
                                              arguments: [token.caseID.rawValue])
                return .spent(state: raw.flatMap(CaseState.init(rawValue:)) ?? .received)
            }
        }
    }

    private static func insertToken(_ token: StoredToken, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO status_tokens (locator, case_id, salt, verifier, opslimit, memlimit) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [token.locator, token.caseID.rawValue, Data(token.verifier.salt), Data(token.verifier.hash),
                             Int64(token.verifier.cost.operations), token.verifier.cost.memoryBytes])
    }

    /// A primary-key clash on `status_tokens.locator` means the random locator is live already.
    private func mappingLocatorCollision<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY
                    && (error.message ?? "").contains("status_tokens.locator") {
            throw StoreError.locatorTaken
        }
    }

    // MARK: agency access

    public func cases(wrappedTo keyID: String) throws -> [(CaseID, CaseState)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.case_id, c.workflow_state FROM cases c JOIN case_key_wraps w ON w.case_id = c.case_id
                WHERE w.key_id = ? ORDER BY c.filed_day, c.case_id
                """, arguments: [keyID]).compactMap { row in
                guard let id = CaseID(row["case_id"] as String) else { return nil }
                return (id, CaseState(rawValue: row["workflow_state"]) ?? .received)
            }
        }
    }

    public func releaseCase(_ id: CaseID, to keyID: String, audit: [[UInt8]]) throws -> CaseForRecipient? {
        try pool.write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.workflow_state, c.agency_view, w.wrap FROM cases c JOIN case_key_wraps w ON w.case_id = c.case_id
                WHERE c.case_id = ? AND w.key_id = ?
                """, arguments: [id.rawValue, keyID]) else { return nil }
            let firstIndex = try AuditAppender.size(db)
            try AuditAppender.append(audit, in: db)
            return CaseForRecipient(
                id: id, state: CaseState(rawValue: row["workflow_state"]) ?? .received,
                agencyView: [UInt8](row["agency_view"] as Data), wrap: [UInt8](row["wrap"] as Data),
                releaseEntryIndex: firstIndex)
        }
    }

    // MARK: audit log

    public func auditLogSize() throws -> UInt64 {
        try pool.read { db in try AuditAppender.size(db) }
    }

    public func auditEntries(_ range: Range<UInt64>) throws -> [[UInt8]] {
        try pool.read { db in
            try Data.fetchAll(db, sql: "SELECT data FROM audit_entries WHERE entry_index >= ? AND entry_index < ? ORDER BY entry_index",
                              arguments: [Int64(range.lowerBound), Int64(range.upperBound)]).map { [UInt8]($0) }
        }
    }

    public func auditNodeReader() -> any MerkleNodeReader {
        PoolNodeReader(pool: pool)
    }
}
