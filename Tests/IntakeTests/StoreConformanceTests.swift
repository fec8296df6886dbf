import Envelope
import Foundation
import Intake
import Storage
import Testing

@Suite("SQLite store")
struct StorageTests {
    @Test("WAL, synchronous=FULL, secure_delete and foreign keys are in force on live connections")
    func settings() throws {
        let h = try Harness()
        let settings = try h.store.effectiveSettings()
        #expect(settings["journal_mode"] == "wal")
        #expect(settings["synchronous"] == "2")
        #expect(settings["secure_delete"] == "1")
        #expect(settings["foreign_keys"] == "1")
    }

    @Test("no column can hold a prohibited category")
    func schemaHasNoProhibitedColumn() throws {
        let h = try Harness()
        let prohibitedWords = ["status", "nationality", "passport", "visa", "permit", "document", "route", "ip",
                               "address", "agent", "country", "immigration", "token", "narrative", "plaintext", "fields"]
        let columns = try h.store.schemaColumns()
        #expect(columns.count >= 5)
        for (table, names) in columns {
            for column in names {
                let words = column.lowercased().split(separator: "_").map(String.init)
                #expect(prohibitedWords.allSatisfy { !words.contains($0) }, "\(table).\(column) names a prohibited category")
            }
        }
    }

    @Test("reopening a store keeps everything and runs no migration twice")
    func reopen() throws {
        let h = try Harness()
        let filed = try h.intake.file(body: Harness.body(IntakePathTests.complaint))
        let size = try h.store.auditLogSize()
        let reopened = try SQLiteStore(directory: h.folder)
        #expect(try reopened.auditLogSize() == size)
        #expect(try reopened.cases(wrappedTo: h.inspector1.publicKey.keyID).map(\.0) == [filed.caseID])
    }

    @Test("a key name or id cannot be registered twice")
    func duplicateKeys() throws {
        let h = try Harness()
        #expect(throws: StoreError.duplicateKey) { try h.agency.register(h.inspector1.publicKey, receivesNewCases: false) }
    }
}
