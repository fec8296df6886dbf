import Foundation
import Storage
import Testing

@Suite("SQLite store")
struct SQLiteStoreTests {
    @Test("WAL, synchronous=FULL, secure_delete and foreign keys are in force on live connections")
    func settings() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("safeintake-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let settings = try SQLiteStore(directory: folder).effectiveSettings()
        #expect(settings["journal_mode"] == "wal")
        #expect(settings["synchronous"] == "2")
        #expect(settings["secure_delete"] == "1")
        #expect(settings["foreign_keys"] == "1")
    }
}
