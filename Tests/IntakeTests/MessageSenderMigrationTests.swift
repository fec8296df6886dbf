import Envelope
import Foundation
import GRDB
import Intake
@testable import Storage
import Testing

/// Schema v7 records who sent each message to the reporter, so that each key's messages on a case
/// can be capped (issue 17 #7). A database from before keeps its messages and notes, readable; its
/// old messages have no sender and count against nobody, its old notes count against their author.
@Suite("Messages get senders (schema v7)")
struct MessageSenderMigrationTests {
    /// The last migration before message senders.
    static let v6 = "v6: no firewall tally"

    @Test("a v6 database keeps its messages and notes, and the caps count what v7 knows")
    func v6DatabaseMigrates() throws {
        try withTemporaryFolder { folder in
            let key = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector).publicKey
            let caseID = CaseID.generate()
            let file = folder.appendingPathComponent(SQLiteStore.fileName)
            let queue = try DatabaseQueue(path: file.path)
            try Schema.migrator.migrate(queue, upTo: Self.v6)
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO agency_keys (key_id, name, role, box_public_key, sign_public_key, registered_day) VALUES (?, ?, 'inspector', ?, ?, '2026-11-01')
                    """, arguments: [key.keyID, key.name, Data(key.boxPublicKey), Data(key.signPublicKey)])
                try db.execute(sql: "INSERT INTO cases (case_id, filed_day, agency_view) VALUES (?, '2026-11-01', ?)",
                               arguments: [caseID.rawValue, Data([1, 1, 0])])
                try db.execute(sql: "INSERT INTO case_key_wraps (case_id, key_id, epoch, wrap) VALUES (?, ?, 0, ?)",
                               arguments: [caseID.rawValue, key.keyID, Data([1, 0])])
                for message in 0..<3 {
                    try db.execute(sql: "INSERT INTO reporter_inbox (case_id, sealed) VALUES (?, ?)", arguments: [caseID.rawValue, Data([1, UInt8(message)])])
                }
                try db.execute(sql: "INSERT INTO case_notes (case_id, epoch, author_key_id, record) VALUES (?, 0, ?, ?)",
                               arguments: [caseID.rawValue, key.keyID, Data([1, 2, 0])])
            }
            try queue.close()

            let store = try SQLiteStore(directory: folder)  // migrates to the newest version
            let inbox = try #require(try store.reporterCaseData(caseID)?.inbox)
            #expect(inbox.map(\.sealed) == [[1, 0], [1, 1], [1, 2]], "old messages kept, in order")
            #expect(inbox.allSatisfy { $0.day == nil && !$0.fromReporter }, "old messages have no day and are the agency's")
            try store.addInboxMessage(caseID, sealed: [1, 9], by: key.keyID, day: "2026-12-06", limit: 1, audit: [])
            #expect(throws: StoreError.limitReached(CaseWorkLimitText.messages(1))) {
                try store.addInboxMessage(caseID, sealed: [1, 10], by: key.keyID, day: "2026-12-06", limit: 1, audit: [])
            }
            #expect(try store.reporterCaseData(caseID)?.inbox.last?.sealed == [1, 9])
            #expect(try store.reporterCaseData(caseID)?.inbox.last?.day == "2026-12-06")
            try store.addNote(caseID, StoredNote(epoch: 0, author: key.keyID, record: [1, 2, 1]), limit: 2, audit: [])
            #expect(throws: StoreError.limitReached(CaseWorkLimitText.notes(2)), "the old note counts against its author") {
                try store.addNote(caseID, StoredNote(epoch: 0, author: key.keyID, record: [1, 2, 2]), limit: 2, audit: [])
            }
        }
    }
}
