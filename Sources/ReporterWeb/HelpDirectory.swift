import Foundation

/// Services a reporter can reach now, kept by the operator, one file per page language
/// (`DIR/help/LANG.json`, signed: Docs/format.md §15, issue 18 #10): shelters, legal aid, unions,
/// hotlines, embassies and labour attachés. Shown after filing and on the status page, and an
/// inspector can point her to an entry by writing `[help:ID]` in a message. Nothing is fetched from
/// anyone else; the entries are text and `tel:` links, so choosing one tells no third party anything.
public struct HelpDirectory: Sendable, Equatable, Decodable {
    public struct Entry: Sendable, Equatable, Decodable {
        public enum Kind: String, Sendable, Decodable, CaseIterable {
            case shelter, legalAid = "legal_aid", union, hotline, embassy, labourAttache = "labour_attache", other
        }

        public let id: String
        public let kind: Kind
        public let name: String
        public let phone: String?
        public let address: String?
        public let hours: String?
        public let note: String?
    }

    public let language: String
    public let country: String?
    public let entries: [Entry]

    enum CodingKeys: String, CodingKey {
        case version = "safeintake_help_directory", language, country, entries
    }

    public init(language: String, country: String? = nil, entries: [Entry]) {
        self.language = language
        self.country = country
        self.entries = entries
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard try c.decode(Int.self, forKey: .version) == 1 else {
            throw DecodingError.dataCorruptedError(forKey: .version, in: c, debugDescription: "only version 1 is supported")
        }
        language = try c.decode(String.self, forKey: .language)
        country = try c.decodeIfPresent(String.self, forKey: .country)
        entries = try c.decode([Entry].self, forKey: .entries)
    }

    /// Parses a directory file; the message says what to fix.
    public static func parse(_ data: [UInt8]) throws(HelpDirectoryError) -> HelpDirectory {
        let directory: HelpDirectory
        do {
            directory = try JSONDecoder().decode(HelpDirectory.self, from: Data(data))
        } catch {
            throw HelpDirectoryError("not a help directory (Docs/format.md §15): \(error)")
        }
        var ids = Set<String>()
        for entry in directory.entries {
            guard !entry.id.isEmpty, entry.id.count <= 40, entry.id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw HelpDirectoryError("entry id \"\(entry.id)\" must be 1 to 40 letters, digits, - or _")
            }
            guard ids.insert(entry.id).inserted else { throw HelpDirectoryError("entry id \(entry.id) appears twice") }
            guard !entry.name.isEmpty else { throw HelpDirectoryError("entry \(entry.id) has no name") }
        }
        return directory
    }

    /// The entries a message points to with `[help:ID]`, in the order written.
    func pointed(in text: String) -> [Entry] {
        entries.filter { text.contains("[help:\($0.id)]") }
    }
}

/// Why a help directory cannot be used.
public struct HelpDirectoryError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
