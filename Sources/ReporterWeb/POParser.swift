/// Reads the subset of the gettext PO format the pages need: comments, `#, fuzzy`, `msgctxt`,
/// `msgid`, `msgstr`, strings continued over several lines, and the C escapes gettext writes.
///
/// Plural forms are refused rather than half-supported: the pages are written so that no string
/// depends on a count, which keeps translation simple in every language.
public enum POParser {
    public static func parse(_ text: String) throws(POError) -> POFile {
        var state = State()
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let line = rawLine.trimmingSuffix("\r").trimmingLeadingSpaces()
            try state.consume(line, at: lineNumber)
        }
        try state.finishEntry(at: lineNumber)
        return POFile(header: state.header, entries: state.entries)
    }

    /// The parser's progress through the file; one entry is open at a time.
    private struct State {
        enum Keyword { case context, id, translation }

        var header: [String: String] = [:]
        var entries: [POEntry] = []
        var sawHeader = false
        var context: String?
        var id: String?
        var translation: String?
        var fuzzy = false
        var last: Keyword?

        mutating func consume(_ line: Substring, at lineNumber: Int) throws(POError) {
            if line.isEmpty { return try finishEntry(at: lineNumber) }
            if line.hasPrefix("#") {
                if translation != nil { try finishEntry(at: lineNumber) }
                if line.hasPrefix("#,") && line.contains("fuzzy") { fuzzy = true }
                return
            }
            if line.hasPrefix("\"") {
                guard let keyword = last else { throw POError(line: lineNumber, "a continued string follows no keyword") }
                append(try Self.quoted(line, at: lineNumber), to: keyword)
                return
            }
            let (keyword, rest) = try Self.keyword(line, at: lineNumber)
            if keyword == .context || (keyword == .id && translation != nil) { try finishEntry(at: lineNumber) }
            try checkOrder(keyword, at: lineNumber)
            last = keyword
            append(try Self.quoted(rest, at: lineNumber), to: keyword, starting: true)
        }

        mutating func finishEntry(at lineNumber: Int) throws(POError) {
            guard id != nil || translation != nil || context != nil else { return }
            defer { context = nil; id = nil; translation = nil; fuzzy = false; last = nil }
            guard let id, let translation else { throw POError(line: lineNumber, "an entry needs both msgid and msgstr") }
            if id.isEmpty && context == nil {
                guard !sawHeader else { throw POError(line: lineNumber, "a second header entry (empty msgid)") }
                sawHeader = true
                header = Self.headerFields(translation)
                return
            }
            if entries.contains(where: { $0.context == context && $0.id == id }) {
                throw POError(line: lineNumber, "duplicate entry \(context ?? id)")
            }
            entries.append(POEntry(context: context, id: id, translation: translation, isFuzzy: fuzzy))
        }

        private func checkOrder(_ keyword: Keyword, at lineNumber: Int) throws(POError) {
            switch keyword {
            case .context: return
            case .id where id != nil: throw POError(line: lineNumber, "msgid twice in one entry")
            case .id: return
            case .translation where id == nil: throw POError(line: lineNumber, "msgstr before msgid")
            case .translation where translation != nil: throw POError(line: lineNumber, "msgstr twice in one entry")
            case .translation: return
            }
        }

        private mutating func append(_ text: String, to keyword: Keyword, starting: Bool = false) {
            switch keyword {
            case .context: context = (starting ? "" : context ?? "") + text
            case .id: id = (starting ? "" : id ?? "") + text
            case .translation: translation = (starting ? "" : translation ?? "") + text
            }
        }

        private static func keyword(_ line: Substring, at lineNumber: Int) throws(POError) -> (Keyword, Substring) {
            let name = line.prefix { $0 != " " && $0 != "\t" }
            let rest = line.dropFirst(name.count).trimmingLeadingSpaces()
            switch name {
            case "msgctxt": return (.context, rest)
            case "msgid": return (.id, rest)
            case "msgstr": return (.translation, rest)
            case "msgid_plural", "msgstr[0]": throw POError(line: lineNumber, "plural forms are not used by these pages; rephrase the string")
            default: throw POError(line: lineNumber, "unknown keyword \"\(name.prefix(20))\"")
            }
        }

        /// A `"..."` string with its C escapes resolved.
        private static func quoted(_ text: Substring, at lineNumber: Int) throws(POError) -> String {
            let trimmed = text.trimmingSuffix(" ").trimmingSuffix("\t")
            guard trimmed.count >= 2, trimmed.first == "\"", trimmed.last == "\"" else {
                throw POError(line: lineNumber, "expected a string in double quotes")
            }
            var out = ""
            var escaping = false
            for c in trimmed.dropFirst().dropLast() {
                if escaping {
                    switch c {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "\"", "\\": out.append(c)
                    default: throw POError(line: lineNumber, "unknown escape \\\(c)")
                    }
                    escaping = false
                } else if c == "\\" {
                    escaping = true
                } else if c == "\"" {
                    throw POError(line: lineNumber, "an unescaped double quote inside a string")
                } else {
                    out.append(c)
                }
            }
            guard !escaping else { throw POError(line: lineNumber, "a string ends with a lone backslash") }
            return out
        }

        /// `Name: value` lines of the header entry.
        private static func headerFields(_ text: String) -> [String: String] {
            var fields: [String: String] = [:]
            for line in text.split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let value = line[line.index(after: colon)...].trimmingLeadingSpaces()
                fields[String(line[..<colon])] = String(value)
            }
            return fields
        }
    }
}

extension Substring {
    fileprivate func trimmingLeadingSpaces() -> Substring {
        drop { $0 == " " || $0 == "\t" }
    }

    fileprivate func trimmingSuffix(_ c: Character) -> Substring {
        last == c ? dropLast() : self
    }
}
