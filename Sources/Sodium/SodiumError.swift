/// Why a libsodium operation failed. The description never holds key material or plaintext.
public struct SodiumError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable code, compared in tests and safe to show.
    public enum Code: String, Sendable {
        /// Authentication failed: wrong key, or the data was altered.
        case authenticationFailed = "authentication_failed"
        /// An input had a length the primitive cannot accept.
        case invalidLength = "invalid_length"
        /// The password hash could not be computed (usually: not enough memory for its limit).
        case outOfMemory = "out_of_memory"
        /// A signature did not verify.
        case badSignature = "bad_signature"
        /// Padding was malformed.
        case badPadding = "bad_padding"
        /// A public key was not a valid point.
        case invalidKey = "invalid_key"
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "\(code.rawValue): \(reason)" }
}
