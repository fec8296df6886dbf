import Foundation
import Intake
import NIOCore
import PostgresNIO

extension PostgresStore {
    /// Tables an auditor's bundle leaves out: keyed fingerprints of the deployment's secrets, the
    /// migration ledger (the bundle's manifest names the software instead), and the guards' and
    /// agency challenges' short-lived state (`PostgresGuardState`), which is nobody's record.
    static let tablesLeftOutOfAuditCopy: Set<String> = Set(["deployment", "safeintake_migrations"]).union(PostgresGuardState.tables)

    /// Every other table of the deployment's schema, with every column and row, read in one
    /// `REPEATABLE READ, READ ONLY` transaction: one consistent view, as `pg_dump` takes, while the
    /// daemons keep filing. Values are normalised to integers (booleans as 0/1), text and bytes.
    public func copyForAudit() throws -> [TableCopy] {
        try session { s in
            try s.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { _ = try? s.execute("ROLLBACK") }
            var columns: [(table: String, name: String, type: String)] = []
            for row in try s.rows("""
                SELECT table_name::text, column_name::text, data_type::text FROM information_schema.columns
                WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position
                """) {
                let (table, name, type) = try decodeRow { try row.decode((String, String, String).self) }
                if !Self.tablesLeftOutOfAuditCopy.contains(table) { columns.append((table, name, type)) }
            }
            var tables: [TableCopy] = []
            for table in Array(Set(columns.map(\.table))).sorted() {
                let own = columns.filter { $0.table == table }
                let select = own.map { Self.normalised($0.name, type: $0.type) }.joined(separator: ", ")
                var copy = TableCopy(name: table, columns: own.map(\.name))
                for row in try s.rows(PostgresQuery(unsafeSQL: "SELECT \(select) FROM \(Self.quoted(table))")) {
                    var values: [TableCopy.Value] = []
                    for (cell, column) in zip(row, own) {
                        values.append(try decodeRow { try Self.value(cell, type: column.type) })
                    }
                    copy.rows.append(values)
                }
                tables.append(copy)
            }
            return tables
        }
    }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func normalised(_ column: String, type: String) -> String {
        switch type {
        case "bigint", "integer", "smallint": "\(quoted(column))::bigint"
        case "boolean": "\(quoted(column))::int::bigint"
        case "bytea": quoted(column)
        default: "\(quoted(column))::text"
        }
    }

    static func value(_ cell: PostgresCell, type: String) throws -> TableCopy.Value {
        switch type {
        case "bigint", "integer", "smallint", "boolean": try cell.decode(Int64?.self).map { .integer($0) } ?? .null
        case "bytea": try cell.decode(ByteBuffer?.self).map { .blob([UInt8](bytea: $0)) } ?? .null
        default: try cell.decode(String?.self).map { .text($0) } ?? .null
        }
    }
}
