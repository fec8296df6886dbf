/// Size limits on a complaint. Generous for a worker's account, small enough that a flood of
/// maximal complaints cannot exhaust memory or disk quickly.
public struct ComplaintLimits: Sendable {
    /// The whole request body, in bytes.
    public var maxBodyBytes = 64 * 1024
    /// The narrative, in characters (Unicode scalars, as JSON Schema's `maxLength` counts them, so
    /// Docs/openapi.yaml can state the limits exactly). The body limit bounds the bytes.
    public var maxNarrativeCharacters = 32 * 1024
    /// Number of structured fields.
    public var maxFields = 64
    /// A field name, in characters.
    public var maxFieldNameCharacters = 128
    /// A field value, in characters.
    public var maxFieldValueCharacters = 2 * 1024
    /// Attachments per complaint (issue 20).
    public var maxAttachments = 5
    /// One attachment, in bytes as uploaded.
    public var maxAttachmentBytes = 10 * 1024 * 1024

    /// The largest JSON body that can carry the most attachments: each is base64 (4 bytes for 3)
    /// inside the text limits.
    public var maxBodyBytesWithAttachments: Int {
        maxBodyBytes + maxAttachments * ((maxAttachmentBytes + 2) / 3 * 4 + 64)
    }

    public init() {}
}
