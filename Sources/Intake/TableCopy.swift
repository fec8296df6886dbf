/// A table copied value by value out of one store to be written into another: how a PostgreSQL
/// deployment's data becomes the SQLite file of an auditor's bundle (`audit export`), which the
/// separation checks read the same way whatever the deployment ran on.
public struct TableCopy: Sendable {
    /// The plain values both stores share.
    public enum Value: Sendable, Equatable {
        case null
        case integer(Int64)
        case text(String)
        case blob([UInt8])
    }

    public let name: String
    public let columns: [String]
    public var rows: [[Value]]

    public init(name: String, columns: [String], rows: [[Value]] = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}
