/// Why a request to the intake domain was refused. `code` is stable (clients and tests match on it);
/// `message` tells a person what to fix. Neither ever contains what the reporter wrote.
public struct IntakeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The body is larger than the intake accepts.
        case tooLarge = "too_large"
        /// The body is not valid UTF-8.
        case invalidEncoding = "invalid_encoding"
        /// The body is not JSON, or not the documented shape.
        case invalidShape = "invalid_shape"
        /// A value has a form the intake does not accept (language tag, control characters, sizes).
        case invalidValue = "invalid_value"
        /// Nobody is registered to receive new cases: intake refuses rather than store unreadable data.
        case noRecipients = "no_recipients"
        /// The firewall's narrative is no longer the one the preview showed (`preview_digest`):
        /// nothing was stored; preview again before choosing sentences to remove.
        case previewChanged = "preview_changed"
        /// An attachment is not a JPEG, PNG, HEIC, WebP or PDF (by its bytes).
        case unsupportedAttachment = "unsupported_attachment"
        /// An attachment could not be decoded: truncated, damaged, or not what its bytes claim.
        case malformedAttachment = "malformed_attachment"
        /// Too many attachments, or one over the byte, pixel or page limits.
        case attachmentTooLarge = "attachment_too_large"
        /// This server cannot read attachments now (its sandbox or tools are missing, or it is busy):
        /// send the complaint without them, or try later.
        case attachmentsUnavailable = "attachments_unavailable"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
