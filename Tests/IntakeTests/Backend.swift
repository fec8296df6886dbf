import Foundation
import Intake
import Logging
import NIOPosix
@testable import PostgresStorage
import PostgresNIO
import Storage
import Testing
import TestSupport

/// The storage backends the conformance suite runs against: SQLite always, PostgreSQL when
/// `SAFEINTAKE_TEST_POSTGRES_URL` names a server (`scripts/with-postgres` starts one). When
/// `SAFEINTAKE_TEST_REQUIRE_POSTGRES=1` (set by `scripts/test`, so by CI) PostgreSQL is in the list
/// even without a URL, and its cases fail instead of silently not running.
enum Backend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static let postgresURL = ProcessInfo.processInfo.environment["SAFEINTAKE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let postgresRequired = ProcessInfo.processInfo.environment["SAFEINTAKE_TEST_REQUIRE_POSTGRES"] == "1"
    /// The server's data folder, scanned by the at-rest tests.
    static let postgresDataFolder = ProcessInfo.processInfo.environment["SAFEINTAKE_TEST_POSTGRES_DATA"]

    static let available: [Backend] = postgresURL != nil || postgresRequired ? [.sqlite, .postgres] : [.sqlite]

    var testDescription: String { rawValue }
}

/// One fresh, empty store of a backend, and what the suite needs beyond `IntakeStore`.
struct TestDatabase: Sendable {
    let backend: Backend
    let store: any IntakeStore
    /// Opens another store on the same data: a restarted daemon, or a second daemon beside the first.
    let openAnother: @Sendable () throws -> any IntakeStore
    /// Every byte the backend wrote to disk for this database.
    let storedBytes: @Sendable () throws -> Data
    /// Table → column names.
    let columns: @Sendable () throws -> [String: [String]]

    static func make(_ backend: Backend) throws -> TestDatabase {
        switch backend {
        case .sqlite: try sqlite()
        case .postgres: try postgres()
        }
    }

    private static func sqlite() throws -> TestDatabase {
        let folder = try ScratchFolder.make("safeintake-test")
        let store = try SQLiteStore(directory: folder)
        return TestDatabase(
            backend: .sqlite, store: store,
            openAnother: { try SQLiteStore(directory: folder) },
            storedBytes: {
                var all = Data()
                for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                    all += try Data(contentsOf: folder.appendingPathComponent(name))
                }
                return all
            },
            columns: { try store.schemaColumns() })
    }

    private static func postgres() throws -> TestDatabase {
        let server = try TestPostgresServer.shared()
        let location = try server.createDatabase()
        let walStart = try server.walPosition()
        let store = try PostgresStore(location: location)
        return TestDatabase(
            backend: .postgres, store: store,
            openAnother: { try PostgresStore(location: location) },
            storedBytes: { try server.storedBytes(of: location.database, since: walStart) },
            columns: { try store.schemaColumns().mapValues { Array($0.keys) } })
    }
}

/// The server `SAFEINTAKE_TEST_POSTGRES_URL` names: each test gets its own new database on it.
struct TestPostgresServer: Sendable {
    let admin: PostgresLocation
    let url: String

    static func shared() throws -> TestPostgresServer {
        guard let url = Backend.postgresURL else {
            throw SetupProblem("""
                SAFEINTAKE_TEST_POSTGRES_URL is not set, but SAFEINTAKE_TEST_REQUIRE_POSTGRES=1 says the PostgreSQL \
                backend must be tested: run the tests through scripts/with-postgres (scripts/test does)
                """)
        }
        return TestPostgresServer(admin: try PostgresLocation(url: url), url: url)
    }

    /// Creates an empty database with a fresh name and returns where it is.
    func createDatabase() throws -> PostgresLocation {
        let name = "safeintake_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try Self.withoutNewDatabases { try run("CREATE DATABASE \(unescaped: name)") }
        return try location(of: name)
    }

    /// Creating a database copies the template's system catalogs through the write-ahead log, and
    /// their comments name languages ("Filipino", ...) that the at-rest scans look for. A test that
    /// scans the log runs in here, and no other test creates a database meanwhile.
    static func withoutNewDatabases<T>(_ body: () throws -> T) throws -> T {
        creationLock.lock()
        defer { creationLock.unlock() }
        return try body()
    }

    private static let creationLock = NSRecursiveLock()

    /// The same server and login, another database.
    func location(of database: String) throws -> PostgresLocation {
        guard var components = URLComponents(string: url) else { throw SetupProblem("SAFEINTAKE_TEST_POSTGRES_URL is not a URL") }
        components.path = "/" + database
        return try PostgresLocation(url: components.string ?? "")
    }

    /// Runs one statement as the test login, on `database` or else the URL's own (maintenance)
    /// database, and returns its rows.
    @discardableResult
    func run(_ query: PostgresQuery, in database: String? = nil) throws -> [PostgresRow] {
        let target = try database.map { try location(of: $0) } ?? admin
        let connection = try PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.next(), configuration: target.connectionConfiguration(), id: 0,
            logger: Logger(label: "safeintake.test.postgres")).wait()
        defer { try? connection.close().wait() }
        return try connection.query(query, logger: Logger(label: "safeintake.test.postgres")).wait().rows
    }

    /// The server's current write-ahead-log position, for `storedBytes(of:since:)`.
    func walPosition() throws -> String {
        try string("SELECT pg_current_wal_lsn()::TEXT")[0]
    }

    /// What the server wrote for `database`: the files of its own tables and indexes (not the
    /// system catalogs copied from the template, whose descriptions name languages such as
    /// "Filipino"), and the write-ahead log from `since` to now (every commit reaches it first).
    func storedBytes(of database: String, since: String) throws -> Data {
        guard let dataFolder = Backend.postgresDataFolder else {
            throw SetupProblem("SAFEINTAKE_TEST_POSTGRES_DATA is not set: run the tests through scripts/with-postgres")
        }
        let folder = URL(fileURLWithPath: dataFolder)
        var all = Data()
        let relations = try string("""
            SELECT pg_relation_filepath(c.oid) FROM pg_class c
            WHERE c.relnamespace = 'public'::regnamespace
               OR c.oid IN (SELECT reltoastrelid FROM pg_class WHERE relnamespace = 'public'::regnamespace)
               OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN
                            (SELECT reltoastrelid FROM pg_class WHERE relnamespace = 'public'::regnamespace))
            """, in: database)
        for relation in relations {
            let file = folder.appendingPathComponent(relation)
            let siblings = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
            for name in siblings where name.hasPrefix(file.lastPathComponent) {  // main fork, _fsm, _vm, .1 segments
                all += try Data(contentsOf: file.deletingLastPathComponent().appendingPathComponent(name))
            }
        }
        let range = try string("""
            SELECT file_name || '|' || file_offset FROM pg_walfile_name_offset(\(since)::pg_lsn)
            UNION ALL SELECT file_name || '|' || file_offset FROM pg_walfile_name_offset(pg_current_wal_lsn())
            """).map { $0.split(separator: "|").map(String.init) }
        let (first, firstOffset, last, lastOffset) = (range[0][0], Int(range[0][1]) ?? 0, range[1][0], Int(range[1][1]) ?? 0)
        let wal = folder.appendingPathComponent("pg_wal")
        for name in try FileManager.default.contentsOfDirectory(atPath: wal.path).sorted()
        where name.count == 24 && first <= name && name <= last {
            let content = try Data(contentsOf: wal.appendingPathComponent(name))
            let start = name == first ? firstOffset : 0
            let end = name == last ? lastOffset : content.count
            all += content.subdata(in: start..<max(start, end))
        }
        return all
    }

    /// One text column of each row of `query`.
    private func string(_ query: PostgresQuery, in database: String? = nil) throws -> [String] {
        try run(query, in: database).map { try $0.decode(String.self) }
    }
}

struct SetupProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
