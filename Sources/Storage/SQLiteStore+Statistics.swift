import GRDB
import Intake
import Statistics

extension SQLiteStore {
    /// Adds 1 to each of the complaint's *randomised* cells in its month, inside the filing's
    /// transaction, under the ε₀ recorded for the month (recorded by its first filing).
    static func addTallies(of newCase: NewCase, in db: Database) throws {
        guard let contribution = newCase.statistics else { return }
        var recorded = try String.fetchOne(db, sql: "SELECT local_randomisation FROM stat_schemes WHERE month = ?", arguments: [newCase.month])
        if recorded == nil {
            try db.execute(sql: "INSERT INTO stat_schemes (month, local_randomisation) VALUES (?, ?)",
                           arguments: [newCase.month, contribution.localRandomisation.description])
            recorded = contribution.localRandomisation.description
        }
        // A recorded ε₀ this daemon cannot read (edited by hand, or from a newer version) must not
        // refuse the complaint: it is then randomised under the daemon's own, and the month's
        // release, which reads the recorded one, fails loudly instead.
        let scheme = (try? LocalRandomisation(stored: recorded ?? "")) ?? contribution.localRandomisation
        for cell in try contribution.storedCells(monthScheme: scheme) {
            try db.runCached(sql: """
                INSERT INTO stat_tallies (month, dimension, cell, amount) VALUES (?, ?, ?, 1)
                ON CONFLICT (month, dimension, cell) DO UPDATE SET amount = amount + 1
                """, arguments: [newCase.month, cell.dimension, cell.cell])
        }
    }

    /// A month with an ε₀ recorded reads its randomised tallies; one without reads the exact tallies
    /// stored before randomised response at rest (`stat_tallies_exact`, schema v10).
    public func statisticsTallies(month: String) throws -> StoredTallies {
        try pool.read { db in
            let recorded = try String.fetchOne(db, sql: "SELECT local_randomisation FROM stat_schemes WHERE month = ?", arguments: [month])
            let table = recorded == nil ? "stat_tallies_exact" : "stat_tallies"
            var counts: [TallyCell: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT dimension, cell, amount FROM \(table) WHERE month = ?", arguments: [month]) {
                counts[TallyCell(row["dimension"], row["cell"])] = row["amount"]
            }
            return StoredTallies(counts: counts, localRandomisation: try recorded.map { try LocalRandomisation(stored: $0) })
        }
    }

    public func recordStatisticsRelease(month: String, note: String, audit: [[UInt8]]) throws {
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM stat_releases WHERE month = ?", arguments: [month]) == nil else {
                throw StoreError.conflict("\(month) was released already")
            }
            try db.execute(sql: "INSERT INTO stat_releases (month, note) VALUES (?, ?)", arguments: [month, note])
            // Exact tallies from before randomised response are never read again once their month
            // is released (or its randomised tallies were): gone from the live database.
            try db.execute(sql: "DELETE FROM stat_tallies_exact WHERE month = ?", arguments: [month])
            try AuditAppender.append(audit, in: db)
        }
    }

    public func statisticsReleases() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT note FROM stat_releases ORDER BY month") }
    }
}
