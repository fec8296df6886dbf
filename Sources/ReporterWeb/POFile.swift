/// One gettext PO file: the header fields and the entries, in file order.
///
/// PO is what translators already use (Poedit, Weblate, Pootle, Transifex), so volunteer and
/// professional translators can work on SafeIntake's pages without learning anything new.
public struct POFile: Sendable, Equatable {
    /// Header fields from the entry with an empty `msgid` ("Language", "Content-Type", ...).
    public let header: [String: String]
    /// Every entry but the header.
    public let entries: [POEntry]

    public init(header: [String: String], entries: [POEntry]) {
        self.header = header
        self.entries = entries
    }
}

/// One translatable string. The pages look strings up by `context` (`msgctxt`), a stable key;
/// `id` (`msgid`) is the English source text the translator reads.
public struct POEntry: Sendable, Equatable {
    public let context: String?
    public let id: String
    public let translation: String
    /// Marked `#, fuzzy`: a translation tool's guess that nobody confirmed. Never shown.
    public let isFuzzy: Bool

    public init(context: String?, id: String, translation: String, isFuzzy: Bool = false) {
        self.context = context
        self.id = id
        self.translation = translation
        self.isFuzzy = isFuzzy
    }
}

/// Why a PO file could not be read, with the line to look at.
public struct POError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let reason: String

    public init(line: Int, _ reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}
