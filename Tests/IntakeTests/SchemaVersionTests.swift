import Foundation
import GRDB
import Storage
import Testing

/// A binary meeting a database from a newer SafeIntake refuses it at start, saying why, and writes
/// nothing: its statements may no longer fit the newer tables.
@Suite("SQLite schema versions")
struct SchemaVersionTests {
    @Test("a database with a migration this binary does not know is refused, untouched")
    func newerDatabaseIsRefused() throws {
        try withTemporaryFolder { folder in
            _ = try SQLiteStore(directory: folder)
            let file = folder.appendingPathComponent(SQLiteStore.fileName).path
            let queue = try DatabaseQueue(path: file)
            try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')") }
            let before = try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
            try queue.close()

            #expect {
                _ = try SQLiteStore(directory: folder)
            } throws: { error in
                guard let newer = error as? NewerDatabase else { return false }
                return newer.unknownMigrations == ["v99: from the future"] && newer.description.contains("restore the backup")
            }
            let after = try DatabaseQueue(path: file).read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
            #expect(after == before)
        }
    }

    @Test("a fresh folder and a reopened one start without complaint")
    func currentDatabaseOpens() throws {
        try withTemporaryFolder { folder in
            _ = try SQLiteStore(directory: folder)
            _ = try SQLiteStore(directory: folder)
        }
    }
}
