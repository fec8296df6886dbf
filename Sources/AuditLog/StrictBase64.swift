import Foundation

/// Standard padded base64 (RFC 4648 §4), as the C2SP formats require, accepting only the canonical
/// encoding: one set of bytes has exactly one accepted text, so a signed text cannot be varied
/// (say, in unused trailing bits) without the change showing.
enum StrictBase64 {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }

    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let string = String(text)
        guard let data = Data(base64Encoded: string), data.base64EncodedString() == string else { return nil }
        return [UInt8](data)
    }
}
