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
/// - one audit-log sequence: appends lock the log's head row (see `PostgresAuditAppender`);
/// - checks that depend on a case's current state (holders, epoch, duress) are made with the case's
///   row locked (`SELECT ... FOR UPDATE`), so two daemons' concurrent changes cannot both pass them,
///   as SQLite's single writer guarantees.
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
