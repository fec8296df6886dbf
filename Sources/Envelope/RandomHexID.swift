import Sodium

/// What case ids and attachment ids share (Docs/format.md §1, §16): 16 random bytes as 32
/// lowercase hex characters, random so that ids reveal neither order nor number, strict when read.
enum RandomHexID {
    static func generate() -> String {
        Hex.encode(Random.bytes(16))
    }

    static func isValid(_ text: String) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy(Hex.isLowerHexDigit)
    }

    /// Reads an id from a single JSON string, refusing anything but the strict form.
    static func decode(from decoder: any Decoder, what: String) throws -> String {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard isValid(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not \(what)"))
        }
        return text
    }
}
