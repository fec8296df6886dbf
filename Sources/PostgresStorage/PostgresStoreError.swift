import PostgresNIO

/// Why the PostgreSQL store could not do what was asked. `code` is stable (tests and scripts match
/// on it); `message` says what to fix. Messages carry the server's primary message and SQLSTATE but
/// never the statement's arguments (ciphertext, verifiers) nor the server's `detail` field, which
/// can quote them.
public struct PostgresStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The database URL is not one this store understands.
        case invalidURL = "invalid_url"
        /// The server could not be reached, refused the login, or the TLS setup failed.
        case connectionFailed = "connection_failed"
        /// The server answered a statement with an error.
        case serverError = "server_error"
        /// A migration that has shipped was changed, or the database is newer than this binary.
        case migrationMismatch = "migration_mismatch"
        /// This daemon's secrets (token pepper, log key) are not the ones the database was set up with.
        case secretsMismatch = "secrets_mismatch"
        /// The store was shut down; no further calls are possible.
        case shutDown = "shut_down"
        /// A row did not have the shape the schema promises (the database was edited by hand).
        case corruptRow = "corrupt_row"
    }

    public let code: Code
    public let message: String
    /// The server's SQLSTATE when the server reported the error (e.g. `23505`, `40001`).
    public let sqlState: String?
    /// The constraint a statement violated, when the server named one.
    public let constraint: String?

    public init(_ code: Code, _ message: String, sqlState: String? = nil, constraint: String? = nil) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.constraint = constraint
    }

    public var description: String {
        "\(code.rawValue): \(message)" + (sqlState.map { " (SQLSTATE \($0))" } ?? "")
    }
}

/// SQLSTATE codes the store reacts to (PostgreSQL manual, appendix A).
enum SQLState {
    static let uniqueViolation = "23505"
    static let serializationFailure = "40001"
    static let deadlockDetected = "40P01"
}

extension PSQLError {
    var sqlState: String? { serverInfo?[.sqlState] }

    /// This error as the store reports it: the server's own message and code and the statement's
    /// text (which has placeholders, never values).
    func storeError(running sql: String) -> PostgresStoreError {
        if let serverInfo {
            return PostgresStoreError(.serverError, "PostgreSQL refused \"\(sql)\": \(serverInfo[.message] ?? "no message")",
                                      sqlState: serverInfo[.sqlState], constraint: serverInfo[.constraintName])
        }
        return PostgresStoreError(.connectionFailed, "the connection to PostgreSQL failed while running \"\(sql)\" (\(code))")
    }
}
