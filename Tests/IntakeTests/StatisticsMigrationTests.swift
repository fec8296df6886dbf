import Envelope
import Foundation
import GRDB
import Intake
import Sodium
import Statistics
@testable import Storage
import Testing

/// Schema v8 adds the statistics tallies and releases. A database from before keeps its cases; its
/// complaints are in no tally (tallies start with the migration), and new filings count from then.
@Suite("Statistics tallies (schema v8)")
struct StatisticsMigrationTests {
    /// The last migration before statistics.
    static let v7 = "v7: message senders"

    @Test("a v7 database migrates: old cases kept and uncounted, new filings counted, a release stored once")
    func v7DatabaseMigrates() throws {
        try withTemporaryFolder { folder in
            let caseID = CaseID.generate()
            let queue = try DatabaseQueue(path: folder.appendingPathComponent(SQLiteStore.fileName).path)
            try Schema.migrator.migrate(queue, upTo: Self.v7)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO cases (case_id, filed_day, agency_view) VALUES (?, '2026-11-01', ?)",
                               arguments: [caseID.rawValue, Data([1, 1, 0])])
            }
            #expect(try queue.read { db in try db.tableExists("stat_tallies") } == false)
            try queue.close()

            let store = try SQLiteStore(directory: folder)  // migrates to v8
            #expect(try store.statisticsTallies(month: "2026-11").isEmpty, "cases from before the migration are in no tally")
            #expect(try store.cases(wrappedTo: "nobody").isEmpty)
            let newCase = NewCase(id: CaseID.generate(), day: "2026-11-20", agencyView: [1, 2, 0], wraps: [:],
                                  token: StoredToken(locator: "12345678", caseID: caseID, verifier: TokenVerifier(salt: [0], hash: [0], cost: .minimum),
                                                     reporterKeyWrap: nil),
                                  reporterPublicKey: [0], duressVerifier: nil,
                                  tallies: [TallyCell("language", "tl"), StatisticsTallying.total])
            try store.insertCase(newCase, audit: [])
            #expect(try store.statisticsTallies(month: "2026-11") == [StatisticsTallying.total: 1, TallyCell("language", "tl"): 1])
            try store.recordStatisticsRelease(month: "2026-11", note: "n", audit: [])
            #expect(throws: StoreError.self) { try store.recordStatisticsRelease(month: "2026-11", note: "m", audit: []) }
            #expect(try store.statisticsReleases() == ["n"])
        }
    }
}
