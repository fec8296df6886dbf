import Sodium

/// A case identifier: 16 random bytes as 32 lowercase hex characters (Docs/format.md §1).
/// Random, so ids reveal neither the order nor the number of complaints.
public struct CaseID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// A fresh random id.
    public static func generate() -> CaseID {
        CaseID(unchecked: RandomHexID.generate())
    }

    /// Parses an id; nil unless it is exactly 32 lowercase hex characters.
    public init?(_ text: String) {
        guard RandomHexID.isValid(text) else { return nil }
        rawValue = text
    }

    private init(unchecked: String) { rawValue = unchecked }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try RandomHexID.decode(from: decoder, what: "a case id")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
