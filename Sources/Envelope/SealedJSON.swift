import Foundation
import Sodium

/// Canonical JSON (sorted keys, no insignificant whitespace) in wiped-on-release buffers, for the
/// plaintexts of sealed records and messages.
enum SealedJSON {
    static func encode<T: Encodable>(_ value: T) throws -> SecureBytes {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        defer { data.resetBytes(in: 0..<data.count) }
        return SecureBytes(copying: data)
    }

    static func decode<T: Decodable>(_ type: T.Type, from plaintext: SecureBytes, what: String) throws(EnvelopeError) -> T {
        do {
            return try plaintext.withUnsafeBytes { bytes in try JSONDecoder().decode(T.self, from: Data(bytes)) }
        } catch {
            throw EnvelopeError(.malformedPlaintext, "the decrypted \(what) is not valid JSON of the documented shape")
        }
    }
}
