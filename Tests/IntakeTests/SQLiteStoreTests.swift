import Foundation
import Storage
import Testing

@Suite("SQLite store")
struct SQLiteStoreTests {
    @Test("WAL, synchronous=FULL, secure_delete and foreign keys are in force on live connections")
    func settings() throws {
        let settings = try withTemporaryFolder { try SQLiteStore(directory: $0).effectiveSettings() }
        #expect(settings["journal_mode"] == "wal")
        #expect(settings["synchronous"] == "2")
        #expect(settings["secure_delete"] == "1")
        #expect(settings["foreign_keys"] == "1")
    }
}

/// Security review 2026-12, I2: the database and its -wal and -shm were 0644, safe only inside a
/// 0700 folder.
@Suite("SQLite files are their owner's only")
struct SQLiteFilePermissionTests {
    static func loose(_ folder: URL) throws -> [String: Int] {
        var found: [String: Int] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let mode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.posixPermissions] as? Int ?? 0
            if mode & 0o077 != 0 { found[name] = mode }
        }
        return found
    }

    @Test("created 0600 under a umask of 022, and narrowed to 0600 when found 0644")
    func ownerOnly() throws {
        let previous = umask(0o022)
        defer { umask(previous) }
        try withTemporaryFolder { folder in
            do {
                let store = try SQLiteStore(directory: folder)
                _ = try store.auditLogSize()
                let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                #expect(names.contains(SQLiteStore.fileName) && names.contains(SQLiteStore.fileName + "-wal"), "\(names)")
                #expect(try Self.loose(folder) == [:])
            }
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: folder.appendingPathComponent(name).path)
            }
            #expect(try !Self.loose(folder).isEmpty)
            _ = try SQLiteStore(directory: folder)
            #expect(try Self.loose(folder) == [:])
        }
    }
}
