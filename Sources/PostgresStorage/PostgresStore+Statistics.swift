import Intake
import PostgresNIO
import Statistics

extension PostgresStore {
    /// Adds 1 to each of the complaint's cells in its month, inside the filing's transaction.
    static func addTallies(of newCase: NewCase, in s: PostgresSession) throws {
        for cell in newCase.tallies {
            try s.execute("""
                INSERT INTO stat_tallies (month, dimension, cell, amount) VALUES (\(newCase.month), \(cell.dimension), \(cell.cell), 1)
                ON CONFLICT (month, dimension, cell) DO UPDATE SET amount = stat_tallies.amount + 1
                """)
        }
    }

    public func statisticsTallies(month: String) throws -> [TallyCell: Int] {
        try session { s in
            var counts: [TallyCell: Int] = [:]
            for row in try s.rows("SELECT dimension, cell, amount FROM stat_tallies WHERE month = \(month)") {
                let (dimension, cell, amount) = try decodeRow { try row.decode((String, String, Int64).self) }
                counts[TallyCell(dimension, cell)] = Int(amount)
            }
            return counts
        }
    }

    public func recordStatisticsRelease(month: String, note: String, audit: [[UInt8]]) throws {
        try transaction { s in
            try PostgresAuditAppender.lock(s)
            guard try s.rows("SELECT 1 FROM stat_releases WHERE month = \(month)").first == nil else {
                throw StoreError.conflict("\(month) was released already")
            }
            try s.execute("INSERT INTO stat_releases (month, note) VALUES (\(month), \(note))")
            try PostgresAuditAppender.append(audit, in: s)
        }
    }

    public func statisticsReleases() throws -> [String] {
        try session { s in
            try s.rows("SELECT note FROM stat_releases ORDER BY month").map { row in try decodeRow { try row.decode(String.self) } }
        }
    }
}
