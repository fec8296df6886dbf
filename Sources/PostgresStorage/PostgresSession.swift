import Logging
import NIOCore
import PostgresNIO

/// One borrowed connection. Every call blocks the calling thread until the server has answered
/// (see `BlockingConnectionPool` for why that is safe), and turns postgres-nio's errors into
/// `PostgresStoreError`s that carry no statement arguments.
final class PostgresSession {
    /// How often a transaction the server aborted for a serialization failure or a deadlock runs
    /// again before the error reaches the caller.
    static let transactionAttempts = 5

    let connection: PostgresConnection
    let logger: Logger
    /// False once the connection is in a state nobody should inherit (an unfinished transaction
    /// whose ROLLBACK failed, a broken socket): the pool then closes it.
    private(set) var isReusable = true

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Runs one statement and returns its rows.
    func rows(_ query: PostgresQuery) throws(PostgresStoreError) -> [PostgresRow] {
        try run(query).rows
    }

    /// Runs one statement and returns how many rows it changed.
    @discardableResult
    func execute(_ query: PostgresQuery) throws(PostgresStoreError) -> Int {
        try run(query).metadata.rows ?? 0
    }

    /// Runs `body` in one transaction: COMMIT when it returns, ROLLBACK when it throws. The commit
    /// is durable before this returns (`synchronous_commit = on` for every session). A transaction
    /// that the server aborted for a serialization failure or a deadlock runs again from the start,
    /// so `body` must do nothing but database work.
    func transaction<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                try execute("BEGIN")
                let result = try body(self)
                try execute("COMMIT")
                return result
            } catch let error as PostgresStoreError where Self.isRetryable(error) && attempt < Self.transactionAttempts {
                rollBack()
                attempt += 1
            } catch {
                rollBack()
                throw error
            }
        }
    }

    private func rollBack() {
        guard isReusable else { return }
        do { try execute("ROLLBACK") } catch { isReusable = false }
    }

    private static func isRetryable(_ error: PostgresStoreError) -> Bool {
        error.sqlState == SQLState.serializationFailure || error.sqlState == SQLState.deadlockDetected
    }

    private func run(_ query: PostgresQuery) throws(PostgresStoreError) -> PostgresQueryResult {
        do {
            return try connection.query(query, logger: logger).wait()
        } catch let error as PSQLError {
            // No answer from the server, a closed socket, or a connection-level SQLSTATE (class 08
            // connection exception, class 57 operator intervention): don't hand this one on.
            let state = error.sqlState ?? ""
            if error.serverInfo == nil || connection.isClosed || state.hasPrefix("08") || state.hasPrefix("57") { isReusable = false }
            throw error.storeError(running: query.sql)
        } catch {
            isReusable = false
            throw PostgresStoreError(.connectionFailed, "the connection to PostgreSQL failed while running \"\(query.sql)\": \(error)")
        }
    }
}

extension [UInt8] {
    /// These bytes as a `bytea` parameter (a plain `[UInt8]` would be sent as an array of "char").
    var bytea: ByteBuffer { ByteBuffer(bytes: self) }

    init(bytea buffer: ByteBuffer) {
        self = Array(buffer.readableBytesView)
    }
}
