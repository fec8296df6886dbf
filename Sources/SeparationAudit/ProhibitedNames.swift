/// Names no column, route, parameter or field of the service may carry: the categories the firewall
/// exists to keep away from the agency (immigration status, nationality, documents, entry route)
/// and the traffic metadata SafeIntake never records (IP address, user agent).
enum ProhibitedNames {
    /// Any of these as a word of a snake_case or camelCase name.
    static let words: Set<String> = [
        "immigration", "visa", "nationality", "citizenship", "passport", "permit", "document", "documents",
        "undocumented", "overstay", "overstayed", "deportation", "asylum", "residency", "ip", "addr", "useragent",
        "agent", "forwarded", "country", "arrival",
    ]
    /// These word pairs, anywhere in a name.
    static let pairs: [(String, String)] = [
        ("entry", "route"), ("legal", "status"), ("residence", "status"), ("remote", "address"), ("user", "agent"),
        ("ip", "address"), ("migration", "status"), ("work", "permit"), ("document", "number"),
    ]

    /// The prohibited reason a name matches, or nil. "status" alone is allowed: the case's workflow
    /// status is what reporters check.
    static func match(_ name: String) -> String? {
        let words = split(name)
        if let word = words.first(where: Self.words.contains) { return "'\(word)'" }
        for (a, b) in pairs {
            if let i = words.firstIndex(of: a), words.indices.contains(i + 1), words[i + 1] == b { return "'\(a)_\(b)'" }
        }
        return nil
    }

    /// Lower-case words of a name: split at `_`, `-`, `.`, `/`, `{`, `}` and lower→upper case changes.
    static func split(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for ch in name {
            if ch == "_" || ch == "-" || ch == "." || ch == "/" || ch == "{" || ch == "}" || ch == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if ch.isUppercase && previousWasLower {
                words.append(current)
                current = ""
            }
            current.append(Character(ch.lowercased()))
            previousWasLower = ch.isLowercase
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
