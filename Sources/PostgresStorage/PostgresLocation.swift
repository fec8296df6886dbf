import Foundation
import NIOSSL
import PostgresNIO

/// Where the database is and how to reach it, from a libpq-style URL:
///
///     postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=MODE&sslrootcert=FILE]
///     postgres://USER@/DATABASE?host=/run/postgresql           (Unix socket folder)
///
/// TLS is on by default except to loopback addresses and Unix sockets: `sslmode=disable` turns it
/// off, `require` and `verify-full` both verify the server's certificate and name (stricter than
/// libpq's `require`, which does not verify, and so protects against nobody who can intercept).
/// `sslrootcert` names a CA file to trust instead of the system's roots.
public struct PostgresLocation: Sendable, Equatable {
    public enum TLSMode: String, Sendable {
        case disable
        case require
        case verifyFull = "verify-full"
    }

    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The socket file itself, `FOLDER/.s.PGSQL.PORT` as libpq names it.
        case unixSocket(path: String)
    }

    public let endpoint: Endpoint
    public let username: String
    let password: String?
    public let database: String
    public let tlsMode: TLSMode
    public let rootCertificatePath: String?

    public init(url text: String) throws(PostgresStoreError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              ["postgres", "postgresql"].contains(scheme.lowercased()) else {
            throw PostgresStoreError(.invalidURL, "the database URL must look like postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard let value = item.value, ["sslmode", "sslrootcert", "host"].contains(item.name) else {
                throw PostgresStoreError(.invalidURL, "the database URL has an unsupported parameter \"\(item.name)\" (supported: sslmode, sslrootcert, host)")
            }
            query[item.name] = value
        }
        guard let user = components.user, !user.isEmpty else {
            throw PostgresStoreError(.invalidURL, "the database URL names no user: postgres://USER@HOST/DATABASE")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw PostgresStoreError(.invalidURL, "the database URL names no database: postgres://USER@HOST/DATABASE")
        }
        let port = components.port ?? 5432
        if let folder = query["host"], folder.hasPrefix("/") {
            endpoint = .unixSocket(path: folder + "/.s.PGSQL.\(port)")
        } else if let host = query["host"] ?? components.host, !host.isEmpty {
            endpoint = .tcp(host: host, port: port)
        } else {
            throw PostgresStoreError(.invalidURL, "the database URL names no host: postgres://USER@HOST/DATABASE, or ?host=/socket/folder")
        }
        self.username = user
        self.password = components.password
        self.database = database
        self.rootCertificatePath = query["sslrootcert"]
        if let mode = query["sslmode"] {
            guard let parsed = TLSMode(rawValue: mode) else {
                throw PostgresStoreError(.invalidURL, "sslmode=\(mode) is not supported: use disable, require or verify-full")
            }
            tlsMode = parsed
        } else {
            tlsMode = Self.isLocal(endpoint) ? .disable : .verifyFull
        }
    }

    /// The URL without its password, for logs and error messages.
    public var redacted: String {
        let place = switch endpoint {
        case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .unixSocket(let path): "(socket \(path))"
        }
        return "postgres://\(username)@\(place)/\(database)"
    }

    /// The postgres-nio configuration. Every session commits durably (`synchronous_commit = on`,
    /// whatever the server's default) and runs at READ COMMITTED, which the audit-log lock relies on.
    func connectionConfiguration() throws(PostgresStoreError) -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        switch endpoint {
        case .tcp(let host, let port):
            configuration = .init(host: host, port: port, username: username, password: password, database: database,
                                  tls: try tls())
        case .unixSocket(let path):
            configuration = .init(unixSocketPath: path, username: username, password: password, database: database)
        }
        configuration.options.additionalStartupParameters = Self.sessionSettings
        return configuration
    }

    /// Sent in the startup message, so they hold from the first statement of every connection.
    static let sessionSettings: [(String, String)] = [
        ("synchronous_commit", "on"),
        ("default_transaction_isolation", "read committed"),
        ("application_name", "safeintake"),
    ]

    private func tls() throws(PostgresStoreError) -> PostgresConnection.Configuration.TLS {
        guard tlsMode != .disable else { return .disable }
        var tls = TLSConfiguration.makeClientConfiguration()
        if let rootCertificatePath { tls.trustRoots = .file(rootCertificatePath) }
        do {
            return .require(try NIOSSLContext(configuration: tls))
        } catch {
            throw PostgresStoreError(.connectionFailed, "cannot set up TLS for \(redacted): \(error); check sslrootcert")
        }
    }

    private static func isLocal(_ endpoint: Endpoint) -> Bool {
        switch endpoint {
        case .unixSocket: true
        case .tcp(let host, _): host == "localhost" || host == "::1" || host.hasPrefix("127.")
        }
    }
}
