import GRDB

extension Database {
    /// Runs one SQL statement, compiled once per connection and then reused. The statements run
    /// for every complaint and status check go through here: compiling SQL each time was a
    /// measurable share of intake's CPU (Docs/benchmarks.md).
    func runCached(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
