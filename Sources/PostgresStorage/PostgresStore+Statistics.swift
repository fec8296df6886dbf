import Intake
import PostgresNIO
import Statistics

extension PostgresStore {
    /// Adds 1 to each of the complaint's *randomised* cells in its month, inside the filing's
    /// transaction (after the log's lock, so filings are serialised here), under the ε₀ recorded
    /// for the month (recorded by its first filing).
    static func addTallies(of newCase: NewCase, in s: PostgresSession) throws {
        guard let contribution = newCase.statistics else { return }
        let month = newCase.month
        func recorded() throws -> String? {
            try s.rows("SELECT local_randomisation FROM stat_schemes WHERE month = \(month)").first.map { row in try decodeRow { try row.decode(String.self) } }
        }
        var scheme = try recorded()
        if scheme == nil {
            let proposed = contribution.localRandomisation.description
            try s.execute("INSERT INTO stat_schemes (month, local_randomisation) VALUES (\(month), \(proposed)) ON CONFLICT (month) DO NOTHING")
            scheme = try recorded()
        }
        // An unreadable recorded ε₀ must not refuse the complaint (as in the SQLite store).
        for cell in try contribution.storedCells(monthScheme: (try? LocalRandomisation(stored: scheme ?? "")) ?? contribution.localRandomisation) {
            try s.execute("""
                INSERT INTO stat_tallies (month, dimension, cell, amount) VALUES (\(newCase.month), \(cell.dimension), \(cell.cell), 1)
                ON CONFLICT (month, dimension, cell) DO UPDATE SET amount = stat_tallies.amount + 1
                """)
        }
    }

    /// A month with an ε₀ recorded reads its randomised tallies; one without reads the exact tallies
    /// stored before randomised response at rest (`stat_tallies_exact`, migration 7).
    public func statisticsTallies(month: String) throws -> StoredTallies {
        try session { s in
            let recorded = try s.rows("SELECT local_randomisation FROM stat_schemes WHERE month = \(month)").first
                .map { row in try decodeRow { try row.decode(String.self) } }
            let rows = recorded == nil
                ? try s.rows("SELECT dimension, cell, amount FROM stat_tallies_exact WHERE month = \(month)")
                : try s.rows("SELECT dimension, cell, amount FROM stat_tallies WHERE month = \(month)")
            var counts: [TallyCell: Int] = [:]
            for row in rows {
                let (dimension, cell, amount) = try decodeRow { try row.decode((String, String, Int64).self) }
                counts[TallyCell(dimension, cell)] = Int(amount)
            }
            return StoredTallies(counts: counts, localRandomisation: try recorded.map { try LocalRandomisation(stored: $0) })
        }
    }

    public func recordStatisticsRelease(month: String, note: String, audit: [[UInt8]]) throws {
        try transaction { s in
            try PostgresAuditAppender.lock(s)
            guard try s.rows("SELECT 1 FROM stat_releases WHERE month = \(month)").first == nil else {
                throw StoreError.conflict("\(month) was released already")
            }
            try s.execute("INSERT INTO stat_releases (month, note) VALUES (\(month), \(note))")
            // Exact tallies from before randomised response are never read again once their month is released.
            try s.execute("DELETE FROM stat_tallies_exact WHERE month = \(month)")
            try PostgresAuditAppender.append(audit, in: s)
        }
    }

    public func statisticsReleases() throws -> [String] {
        try session { s in
            try s.rows("SELECT note FROM stat_releases ORDER BY month").map { row in try decodeRow { try row.decode(String.self) } }
        }
    }
}
