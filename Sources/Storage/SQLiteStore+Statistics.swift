import GRDB
import Intake
import Statistics

extension SQLiteStore {
    /// Adds 1 to each of the complaint's cells in its month, inside the filing's transaction.
    static func addTallies(of newCase: NewCase, in db: Database) throws {
        for cell in newCase.tallies {
            try db.runCached(sql: """
                INSERT INTO stat_tallies (month, dimension, cell, amount) VALUES (?, ?, ?, 1)
                ON CONFLICT (month, dimension, cell) DO UPDATE SET amount = amount + 1
                """, arguments: [newCase.month, cell.dimension, cell.cell])
        }
    }

    public func statisticsTallies(month: String) throws -> [TallyCell: Int] {
        try pool.read { db in
            var counts: [TallyCell: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT dimension, cell, amount FROM stat_tallies WHERE month = ?", arguments: [month]) {
                counts[TallyCell(row["dimension"], row["cell"])] = row["amount"]
            }
            return counts
        }
    }

    public func recordStatisticsRelease(month: String, note: String, audit: [[UInt8]]) throws {
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM stat_releases WHERE month = ?", arguments: [month]) == nil else {
                throw StoreError.conflict("\(month) was released already")
            }
            try db.execute(sql: "INSERT INTO stat_releases (month, note) VALUES (?, ?)", arguments: [month, note])
            try AuditAppender.append(audit, in: db)
        }
    }

    public func statisticsReleases() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT note FROM stat_releases ORDER BY month") }
    }
}
