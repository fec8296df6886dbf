import AuditLog
import Envelope
import Intake
import Logging
import NIOCore
import PostgresNIO
import Sodium

/// The store for deployments that outgrow one machine: several intake daemons behind a load
/// balancer, one PostgreSQL database. Same semantics as `SQLiteStore`, method by method:
///
/// - durable commits: every session runs with `synchronous_commit = on`, so a transaction that
///   returned is in the server's fsync'd WAL before the reporter sees her token;
/// - one-time tokens that cannot be double-spent, across daemons too: the spend deletes the row
///   only while it still holds the verifier that was checked (a compare-and-swap), and PostgreSQL
///   lets exactly one of two concurrent deletes of a row succeed;
/// - one audit-log sequence: appends lock the log's head row (see `PostgresAuditAppender`).
///
/// Calls are synchronous and block the calling thread; never call them on an event-loop thread
/// (NIO traps it). The daemon calls them from its worker pool (`Server.BlockingWork`).
public final class PostgresStore: IntakeStore {
    let pool: BlockingConnectionPool

    /// Connects to the database at `location` and runs pending migrations. `maxConnections`
    /// should match the number of threads that call the store at once (the daemon's worker pool).
    public init(location: PostgresLocation, maxConnections: Int = 8,
                logger: Logger = Logger(label: "safeintake.postgres")) throws {
        pool = try BlockingConnectionPool(location: location, maxConnections: maxConnections, logger: logger)
        do {
            try pool.withSession { try PostgresMigrator.migrate($0) }
        } catch {
            pool.shutdown()
            throw error
        }
    }

    /// Closes the connections. Calls after this fail with `PostgresStoreError.Code.shutDown`.
    public func shutdown() {
        pool.shutdown()
    }

    deinit {
        pool.shutdown(waiting: false)
    }

    // MARK: agency keys

    public func registerAgencyKey(_ key: AgencyPublicKey, receivesNewCases: Bool, day: String, audit: [[UInt8]]) throws {
        do {
            try transaction { s in
                try s.execute("""
                    INSERT INTO agency_keys (key_id, name, role, box_public_key, sign_public_key, receives_new_cases, registered_day)
                    VALUES (\(key.keyID), \(key.name), \(key.role.rawValue), \(key.boxPublicKey.bytea), \(key.signPublicKey.bytea),
                            \(receivesNewCases), \(day))
                    """)
                try PostgresAuditAppender.append(audit, in: s)
            }
        } catch let error as PostgresStoreError where error.sqlState == SQLState.uniqueViolation {
            throw StoreError.duplicateKey
        }
    }

    public func agencyKey(id: String) throws -> RegisteredKey? {
        try session { s in
            try s.rows("SELECT \(unescaped: Self.keyColumns) FROM agency_keys WHERE key_id = \(id)").first.map(Self.registeredKey)
        }
    }

    public func agencyKeys() throws -> [RegisteredKey] {
        try session { s in
            try s.rows("SELECT \(unescaped: Self.keyColumns) FROM agency_keys ORDER BY name").map(Self.registeredKey)
        }
    }

    private static let keyColumns = "name, role, box_public_key, sign_public_key, receives_new_cases, revoked_day"

    private static func registeredKey(_ row: PostgresRow) throws -> RegisteredKey {
        let (name, role, box, sign, receives, revoked) = try decodeRow {
            try row.decode((String, String, ByteBuffer, ByteBuffer, Bool, String?).self)
        }
        let publicKey = try AgencyPublicKey(name: name, role: AgencyRole(rawValue: role) ?? .inspector,
                                            boxPublicKey: [UInt8](bytea: box), signPublicKey: [UInt8](bytea: sign))
        return RegisteredKey(publicKey: publicKey, receivesNewCases: receives, revoked: revoked != nil)
    }

    // MARK: cases and tokens

    public func insertCase(_ newCase: NewCase, audit: [[UInt8]]) throws {
        try mappingLocatorCollision {
            try transaction { s in
                try s.execute("INSERT INTO cases (case_id, filed_day, agency_view) VALUES (\(newCase.id.rawValue), \(newCase.day), \(newCase.agencyView.bytea))")
                for (keyID, wrap) in newCase.wraps.sorted(by: { $0.key < $1.key }) {
                    try s.execute("INSERT INTO case_key_wraps (case_id, key_id, wrap) VALUES (\(newCase.id.rawValue), \(keyID), \(wrap.bytea))")
                }
                try Self.insertToken(newCase.token, in: s)
                try PostgresAuditAppender.append(audit, in: s)
            }
        }
    }

    public func token(locator: String) throws -> StoredToken? {
        try session { s in
            guard let row = try s.rows("""
                SELECT case_id, salt, verifier, opslimit, memlimit FROM status_tokens WHERE locator = \(locator)
                """).first else { return nil }
            let (rawCaseID, salt, hash, operations, memory) = try decodeRow {
                try row.decode((String, ByteBuffer, ByteBuffer, Int64, Int64).self)
            }
            guard let caseID = CaseID(rawCaseID) else { return nil }
            let verifier = TokenVerifier(salt: [UInt8](bytea: salt), hash: [UInt8](bytea: hash),
                                         cost: PasswordHash.Cost(operations: UInt64(operations), memoryBytes: Int(memory)))
            return StoredToken(locator: locator, caseID: caseID, verifier: verifier)
        }
    }

    public func spendToken(_ token: StoredToken, replacement: StoredToken, audit: [[UInt8]]) throws -> SpendOutcome {
        try mappingLocatorCollision {
            try transaction { s -> SpendOutcome in
                // Deleting only the row with this exact verifier makes the spend a compare-and-swap:
                // of two concurrent checks with one token, on one daemon or two, exactly one deletes
                // it (the other's DELETE waits for the row lock, then finds the row gone).
                let deleted = try s.execute("""
                    DELETE FROM status_tokens WHERE locator = \(token.locator) AND verifier = \(token.verifier.hash.bytea)
                    """)
                guard deleted == 1 else { return .alreadySpent }
                try Self.insertToken(replacement, in: s)
                try PostgresAuditAppender.append(audit, in: s)
                let row = try s.rows("SELECT workflow_state FROM cases WHERE case_id = \(token.caseID.rawValue)").first
                let raw = try row.map { row in try decodeRow { try row.decode(String.self) } }
                return .spent(state: raw.flatMap(CaseState.init(rawValue:)) ?? .received)
            }
        }
    }

    private static func insertToken(_ token: StoredToken, in s: PostgresSession) throws {
        try s.execute("""
            INSERT INTO status_tokens (locator, case_id, salt, verifier, opslimit, memlimit)
            VALUES (\(token.locator), \(token.caseID.rawValue), \(token.verifier.salt.bytea), \(token.verifier.hash.bytea),
                    \(Int64(token.verifier.cost.operations)), \(Int64(token.verifier.cost.memoryBytes)))
            """)
    }

    /// A unique violation on `status_tokens`' key means the random locator is live already.
    private func mappingLocatorCollision<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PostgresStoreError where error.sqlState == SQLState.uniqueViolation && error.constraint == "status_tokens_pkey" {
            throw StoreError.locatorTaken
        }
    }

    // MARK: agency access

    public func cases(wrappedTo keyID: String) throws -> [(CaseID, CaseState)] {
        try session { s in
            try s.rows("""
                SELECT c.case_id, c.workflow_state FROM cases c JOIN case_key_wraps w ON w.case_id = c.case_id
                WHERE w.key_id = \(keyID) ORDER BY c.filed_day, c.case_id
                """).compactMap { row in
                let (id, state) = try decodeRow { try row.decode((String, String).self) }
                return CaseID(id).map { ($0, CaseState(rawValue: state) ?? .received) }
            }
        }
    }

    public func releaseCase(_ id: CaseID, to keyID: String, audit: [[UInt8]]) throws -> CaseForRecipient? {
        try transaction { s in
            guard let row = try s.rows("""
                SELECT c.workflow_state, c.agency_view, w.wrap FROM cases c JOIN case_key_wraps w ON w.case_id = c.case_id
                WHERE c.case_id = \(id.rawValue) AND w.key_id = \(keyID)
                """).first else { return nil }
            let (state, view, wrap) = try decodeRow { try row.decode((String, ByteBuffer, ByteBuffer).self) }
            let firstIndex = try PostgresAuditAppender.append(audit, in: s)
            return CaseForRecipient(id: id, state: CaseState(rawValue: state) ?? .received,
                                    agencyView: [UInt8](bytea: view), wrap: [UInt8](bytea: wrap), releaseEntryIndex: firstIndex)
        }
    }

    // MARK: audit log

    public func auditLogSize() throws -> UInt64 {
        try session { try PostgresAuditAppender.size($0) }
    }

    public func auditEntries(_ range: Range<UInt64>) throws -> [[UInt8]] {
        try session { s in
            try s.rows("""
                SELECT data FROM audit_entries WHERE entry_index >= \(Int64(clamping: range.lowerBound)) AND entry_index < \(Int64(clamping: range.upperBound))
                ORDER BY entry_index
                """).map { row in [UInt8](bytea: try decodeRow { try row.decode(ByteBuffer.self) }) }
        }
    }

    public func auditNodeReader() -> any MerkleNodeReader {
        PoolNodeReader(pool: pool)
    }

    // MARK: sessions

    func session<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try pool.withSession(body)
    }

    func transaction<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try pool.withSession { try $0.transaction(body) }
    }
}
