/// The case list as a table for a person at a terminal: short case ids (the shortest prefix that is
/// unique in the list, at least 6 characters), one line per case, the columns an inspector triages by.
enum CaseTable {
    static func print(_ rows: [[String: Any]]) {
        let ids = rows.compactMap { $0["case"] as? String }
        let width = shortIDLength(ids)
        Swift.print(["case".padding(width), "filed".padding(10), "lang".padding(5), "status".padding(13), "activity".padding(10), "unread",
                     "district".padding(16), "employer".padding(20), "flags"]
            .joined(separator: "  "))
        for row in rows {
            let id = String((row["case"] as? String ?? "").prefix(width))
            let cells = [id.padding(width), (row["day"] as? String ?? "").padding(10), (row["language"] as? String ?? "").padding(5),
                         ((row["handed_over"] as? Bool ?? false) ? "transferred" : row["status"] as? String ?? "").padding(13), (row["last_activity"] as? String ?? "").padding(10),
                         String(row["unread"] as? Int ?? 0).padding(6),
                         (row["district"] as? String ?? "").cell(16), (row["employer"] as? String ?? "").cell(20),
                         [(row["urgent"] as? Bool ?? false) ? "URGENT" : nil, (row["duress"] as? Bool ?? false) ? "DURESS" : nil]
                            .compactMap { $0 }.joined(separator: " ")]
            Swift.print(cells.joined(separator: "  "))
        }
    }

    /// The shortest prefix length, from 6, at which every id in the list is distinct.
    static func shortIDLength(_ ids: [String]) -> Int {
        let longest = ids.map(\.count).max() ?? 6
        var length = min(6, longest)
        while length < longest && Set(ids.map { $0.prefix(length) }).count < ids.count { length += 1 }
        return max(length, 4)
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// A reporter's text in a column: `TerminalText.oneLine`, cut to `width` with an ellipsis.
    func cell(_ width: Int) -> String {
        let text = TerminalText.oneLine(self)
        return (text.count > width ? text.prefix(width - 1) + "…" : text).padding(width)
    }
}

/// Text from a case (hers, a colleague's) made safe to print on a terminal: no control characters
/// or bidi overrides (a terminal must not be steered by what someone typed).
enum TerminalText {
    /// On one line: every control character (line breaks too) and bidi override becomes a space.
    static func oneLine(_ text: String) -> String {
        clean(text) { _ in true }
    }

    /// Keeps line breaks, so that a narrative reads as written; everything else as `oneLine`.
    static func lines(_ text: String) -> String {
        clean(text) { $0 != "\n" }
    }

    private static func clean(_ text: String, replacing control: (Unicode.Scalar) -> Bool) -> String {
        var flat = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let steers = (scalar.properties.generalCategory == .control && control(scalar)) || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value)
            flat.append(steers ? " " : scalar)
        }
        return String(flat)
    }
}
