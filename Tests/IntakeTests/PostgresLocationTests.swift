import Foundation
@testable import PostgresStorage
import Testing

/// The database URL as operators write it (libpq's form), and the errors they get when a server is
/// not there. None of these needs a PostgreSQL server.
@Suite("PostgreSQL location")
struct PostgresLocationTests {
    @Test("a full URL: user, percent-encoded password, host, port, database")
    func fullURL() throws {
        let location = try PostgresLocation(url: "postgres://intake:p%40ss%2Fw0rd@db.example.org:6432/safeintake")
        #expect(location.endpoint == .tcp(host: "db.example.org", port: 6432))
        #expect(location.username == "intake" && location.password == "p@ss/w0rd" && location.database == "safeintake")
        #expect(location.tlsMode == .verifyFull, "TLS is on by default to a remote host")
        #expect(location.redacted == "postgres://intake@db.example.org:6432/safeintake")
        #expect(!location.redacted.contains("p%40ss") && !location.redacted.contains("p@ss"))
    }

    @Test("loopback and Unix sockets default to no TLS; sslmode and sslrootcert are honoured")
    func tlsModes() throws {
        #expect(try PostgresLocation(url: "postgresql://u@127.0.0.1/db").tlsMode == .disable)
        #expect(try PostgresLocation(url: "postgres://u@localhost:5433/db").endpoint == .tcp(host: "localhost", port: 5433))
        #expect(try PostgresLocation(url: "postgres://u@localhost/db").tlsMode == .disable)
        #expect(try PostgresLocation(url: "postgres://u@127.0.0.1/db?sslmode=require").tlsMode == .require)
        let pinned = try PostgresLocation(url: "postgres://u@db.internal/db?sslmode=verify-full&sslrootcert=/etc/safeintake/ca.pem")
        #expect(pinned.tlsMode == .verifyFull && pinned.rootCertificatePath == "/etc/safeintake/ca.pem")
        #expect(try PostgresLocation(url: "postgres://u@db.internal/db?sslmode=disable").tlsMode == .disable)
        let socket = try PostgresLocation(url: "postgres://u@/db?host=/run/postgresql")
        #expect(socket.endpoint == .unixSocket(path: "/run/postgresql/.s.PGSQL.5432") && socket.tlsMode == .disable)
    }

    @Test("URLs that cannot work are refused with what to write instead",
          arguments: ["http://u@h/db", "postgres://h/db", "postgres://u@h/", "postgres://u@h/db?sslmode=prefer",
                      "postgres://u@h/db?application_name=x", "postgres://u@/db", "not a url"])
    func invalid(_ url: String) {
        let error = #expect(throws: PostgresStoreError.self) { try PostgresLocation(url: url) }
        #expect(error?.code == .invalidURL)
        #expect(error?.message.contains("postgres://") == true || error?.message.contains("sslmode") == true
                || error?.message.contains("parameter") == true)
    }

    @Test("no server there: the error names the place and what to check, never the password")
    func nobodyListening() throws {
        let port = try Self.closedPort()
        let error = #expect(throws: PostgresStoreError.self) {
            try PostgresStore(location: PostgresLocation(url: "postgres://intake:hunter2secret@127.0.0.1:\(port)/db"))
        }
        #expect(error?.code == .connectionFailed)
        #expect(error?.message.contains("127.0.0.1:\(port)") == true)
        #expect(error?.description.contains("hunter2secret") == false)
    }

    /// A loopback port nothing listens on (bound, then released).
    private static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                guard bind(fd, raw, length) == 0, getsockname(fd, raw, &length) == 0 else { throw SetupProblem("cannot bind a loopback port") }
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
