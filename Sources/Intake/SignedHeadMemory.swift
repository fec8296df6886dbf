/// The daemon's memory of the last checkpoint it signed, kept outside the database (beside the
/// log's signing key), so that deleting the database's copy does not let the key sign a fork.
///
/// `AuditPublisher` signs a checkpoint only when it extends both this memory and the database's,
/// and records a larger one here before the note is published.
public protocol SignedHeadMemory: Sendable {
    /// The last signed checkpoint note kept, or nil when none was ever kept.
    func lastSignedNote() throws -> String?
    /// Keeps `note` (a checkpoint of `size` entries) if it is larger than the one kept; durable
    /// before it returns.
    func recordSignedNote(_ note: String, size: UInt64) throws
}
