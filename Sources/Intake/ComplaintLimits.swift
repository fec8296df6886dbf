/// Size limits on a complaint. Generous for a worker's account, small enough that a flood of
/// maximal complaints cannot exhaust memory or disk quickly.
public struct ComplaintLimits: Sendable {
    /// The whole request body, in bytes.
    public var maxBodyBytes = 64 * 1024
    /// The narrative, in UTF-8 bytes.
    public var maxNarrativeBytes = 32 * 1024
    /// Number of structured fields.
    public var maxFields = 64
    /// A field name, in UTF-8 bytes.
    public var maxFieldNameBytes = 128
    /// A field value, in UTF-8 bytes.
    public var maxFieldValueBytes = 2 * 1024

    public init() {}
}
