/// The database was set up by a newer SafeIntake: it has schema migrations this binary does not
/// know, and this binary's reads and writes may no longer fit its tables (schema v5, for one,
/// re-keyed the audit log's nodes). Refused at start, before anything is written.
public struct NewerDatabase: Error, CustomStringConvertible {
    public let unknownMigrations: [String]

    public var description: String {
        "the database was set up by a newer SafeIntake (it has schema migration \(unknownMigrations.joined(separator: ", ")), "
            + "which this binary does not know): run that version, or restore the backup made before the upgrade"
    }
}
