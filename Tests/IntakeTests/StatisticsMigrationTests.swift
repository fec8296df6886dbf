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
            #expect(try store.statisticsTallies(month: "2026-11").counts.isEmpty, "cases from before the migration are in no tally")
            #expect(try store.cases(wrappedTo: "nobody").isEmpty)
            let newCase = NewCase(id: CaseID.generate(), day: "2026-11-20", agencyView: [1, 2, 0], wraps: [:],
                                  token: StoredToken(locator: "12345678", caseID: caseID, verifier: TokenVerifier(salt: [0], hash: [0], cost: .minimum),
                                                     reporterKeyWrap: nil),
                                  reporterPublicKey: [0], duressVerifier: nil,
                                  statistics: TallyContribution(truth: [TallyCell("language", "tl"), StatisticsTallying.total],
                                                                domain: StatisticsTallying().domain, localRandomisation: .standard))
            try store.insertCase(newCase, audit: [])
            let stored = try store.statisticsTallies(month: "2026-11")
            #expect(stored.counts[StatisticsTallying.total] == 1 && stored.localRandomisation == .standard)
            try store.recordStatisticsRelease(month: "2026-11", note: "n", audit: [])
            #expect(throws: StoreError.self) { try store.recordStatisticsRelease(month: "2026-11", note: "m", audit: []) }
            #expect(try store.statisticsReleases() == ["n"])
        }
    }

    @Test("a v9 database's exact tallies move aside: its months release from them, the upgrade month from randomised answers only")
    func v9ExactTalliesMoveAside() throws {
        try withTemporaryFolder { folder in
            let queue = try DatabaseQueue(path: folder.appendingPathComponent(SQLiteStore.fileName).path)
            try Schema.migrator.migrate(queue, upTo: "v9: dated reporter thread, read mark, decoy tokens")
            try queue.write { db in
                for month in ["2026-10", "2026-11"] {
                    try db.execute(sql: "INSERT INTO stat_tallies (month, dimension, cell, amount) VALUES (?, 'total', 'all', 7), (?, 'firewall', 'explicit_status', 3)",
                                   arguments: [month, month])
                }
            }
            try queue.close()

            let store = try SQLiteStore(directory: folder)  // migrates to v10
            let october = try store.statisticsTallies(month: "2026-10")
            #expect(october.localRandomisation == nil, "a month wholly before the upgrade releases from its exact tallies")
            #expect(october.counts == [StatisticsTallying.total: 7, TallyCell("firewall", "explicit_status"): 3])
            let caseID = CaseID.generate()
            let newCase = NewCase(id: caseID, day: "2026-11-20", agencyView: [1, 2, 0], wraps: [:],
                                  token: StoredToken(locator: "12345679", caseID: caseID, verifier: TokenVerifier(salt: [0], hash: [0], cost: .minimum),
                                                     reporterKeyWrap: nil),
                                  reporterPublicKey: [0], duressVerifier: nil,
                                  statistics: TallyContribution(truth: [StatisticsTallying.total], domain: StatisticsTallying().domain,
                                                                localRandomisation: .standard))
            try store.insertCase(newCase, audit: [])
            let november = try store.statisticsTallies(month: "2026-11")
            #expect(november.localRandomisation == .standard && november.counts[StatisticsTallying.total] == 1,
                    "the upgrade month's randomised tallies, never mixed with its exact ones")
            try store.recordStatisticsRelease(month: "2026-10", note: "n", audit: [])
            #expect(try store.statisticsTallies(month: "2026-10").counts.isEmpty, "exact rows are deleted when their month is released")
        }
    }
}
