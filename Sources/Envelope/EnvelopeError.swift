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
        /// A transfer names, or is signed under, an operator key other than the one expected (§17).
        case wrongOperator = "wrong_operator"
        /// A transfer bundle's contents do not hash to what its signed statement says (§17).
        case digestMismatch = "digest_mismatch"
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { reason }
}
