import Foundation

/// `inspector show` (and `decrypt`) for a person at a terminal: the same object the JSON form
/// prints, laid out to read: the case's facts, her fields, the narrative, attachments, the thread.
/// Every text from the case goes through `TerminalText`.
enum CaseCard {
    static func print(_ object: [String: Any]) {
        func line(_ name: String, _ value: String) { Swift.print(name.padding(12) + TerminalText.oneLine(value)) }
        line("case", object["case"] as? String ?? "")
        line("language", object["language"] as? String ?? "")
        if let status = object["status"] as? String { line("status", status) }
        let flags = [(object["urgent"] as? Bool ?? false) ? "URGENT" : nil, (object["duress"] as? Bool ?? false) ? "DURESS: do not contact" : nil]
            .compactMap { $0 }
        if !flags.isEmpty { line("flags", flags.joined(separator: "  ")) }
        if let indicators = object["indicators"] as? [String], !indicators.isEmpty { line("indicators", indicators.joined(separator: ", ")) }
        if let holders = object["holders"] as? [String] { line("holders", holders.joined(separator: ", ")) }
        if let filed = object["first_filed"] as? String { line("first filed", filed) }

        let fields = object["fields"] as? [String: String] ?? [:]
        if !fields.isEmpty {
            section("Fields")
            let width = min(28, fields.keys.map(\.count).max() ?? 0)
            for name in fields.keys.sorted() { Swift.print("  " + name.cell(width) + "  " + TerminalText.oneLine(fields[name]!)) }
        }
        section("Narrative")
        for paragraph in TerminalText.lines(object["narrative"] as? String ?? "").split(separator: "\n", omittingEmptySubsequences: false) {
            Swift.print("  " + paragraph)
        }
        if let attachments = object["attachments"] as? [[String: Any]], !attachments.isEmpty {
            section("Attachments")
            for a in attachments {
                let text = (a["text"] as? String ?? "").cell(50)
                Swift.print("  " + String(a["number"] as? Int ?? 0).padding(3) + (a["media_type"] as? String ?? "").padding(18)
                            + "\(a["pages"] as? Int ?? 0) p.".padding(7) + text)
            }
        }
        if let withheld = object["attachments_withheld"] as? Int { Swift.print("  (\(withheld) held back by the document firewall)") }
        if let thread = object["thread"] as? [[String: Any]] {
            section("Thread")
            if thread.isEmpty { Swift.print("  (nothing yet)") }
            for entry in thread {
                let day = entry["day"] as? String ?? "-"
                let author = (entry["author"] as? String ?? "").cell(12)
                let kind = (entry["kind"] as? String ?? "").padding(20)
                let from = (entry["organisation"] as? String).map { " (\(TerminalText.oneLine($0)))" } ?? ""
                Swift.print("  \(day.padding(10))  \(author)  \(kind)\(from)")
                for paragraph in TerminalText.lines(entry["text"] as? String ?? "").split(separator: "\n") { Swift.print("      " + paragraph) }
            }
        }
        if let unopened = object["unopened"] as? [[String: Any]], !unopened.isEmpty {
            section("Not opened")
            for item in unopened {
                Swift.print("  " + (item["kind"] as? String ?? "").padding(12) + TerminalText.oneLine(item["reason"] as? String ?? ""))
            }
        }
    }

    private static func section(_ title: String) {
        Swift.print("")
        Swift.print(title)
    }
}
