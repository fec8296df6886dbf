/// Why an envelope, wrap or key file could not be read. Descriptions never contain plaintext or keys.
public struct EnvelopeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unsupportedVersion = "unsupported_version"
        case unknownRecordType = "unknown_record_type"
        case truncated = "truncated"
        case cannotOpen = "cannot_open"
        case wrongCase = "wrong_case"
        case malformedKeyFile = "malformed_key_file"
        case keyMismatch = "key_mismatch"
        case wrongPassphrase = "wrong_passphrase"
        case malformedPlaintext = "malformed_plaintext"
        case badSignature = "bad_signature"
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { reason }
}
