import CSVText
import Envelope
import Foundation
import HTMLEscaping

/// A case, or a filtered set of them, as an inspector hands it on (issue 19 #4): JSON for a
/// case-management system, CSV for a spreadsheet, and a print view. Built on the inspector's machine
/// from what her key opened, so it holds only the agency view and the thread: nothing the firewall
/// removed was ever here to export. No attachment key leaves in an export (the files are fetched
/// with `inspector attachment`); their text, firewalled, does.
public enum CaseExport {
    public enum Format: String, Sendable, CaseIterable {
        case json, csv, print
    }

    /// The CSV columns, in order; `fields` and `thread` are JSON inside a cell, so any set of
    /// field names fits one sheet.
    public static let csvColumns = ["case", "status", "day", "language", "urgent", "duress", "indicators", "fields", "narrative",
                                    "attachments", "attachments_withheld", "thread"]

    /// Today as exports name it, `YYYY-MM-DD` in UTC (the day the log records too).
    public static func today() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// What each format is served as.
    public static func mediaType(_ format: Format) -> String {
        switch format {
        case .json: "application/x-ndjson; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .print: "text/html; charset=utf-8"
        }
    }

    /// The print view's own content-security policy: its inline stylesheet and nothing else.
    public static let printPolicy = "default-src 'none'; style-src 'unsafe-inline'"

    /// One case as a JSON object (the `json` format writes one per line).
    public static func object(_ opened: OpenedCase, filedDay: String) -> [String: Any] {
        let view = opened.view
        return [
            "case": view.caseID.rawValue, "status": opened.status, "day": filedDay, "language": view.language,
            "urgent": view.isUrgent, "duress": opened.duressFlagged, "indicators": view.indicators ?? [],
            "fields": view.fields, "narrative": view.narrative,
            "attachments": opened.allAttachments.enumerated().map { index, entry -> [String: Any] in
                ["number": index + 1, "id": entry.id.rawValue, "media_type": entry.mediaType, "pages": entry.pages, "text": entry.text]
            },
            "attachments_withheld": opened.withheldAttachments,
            "thread": opened.thread.map { entry -> [String: Any] in
                var item: [String: Any] = ["day": entry.day ?? NSNull(), "author": entry.author, "kind": entry.kind, "text": entry.text]
                if let organisation = entry.organisation { item["organisation"] = organisation }
                return item
            },
        ]
    }

    /// The whole export in `format`, cases in the order given.
    public static func render(_ cases: [(opened: OpenedCase, filedDay: String)], as format: Format, exportedDay: String) -> String {
        switch format {
        case .json: cases.map { jsonLine(object($0.opened, filedDay: $0.filedDay)) }.joined()
        case .csv: csv(cases)
        case .print: printView(cases, exportedDay: exportedDay)
        }
    }

    static func jsonLine(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Any JSON value as compact text (for the CSV's JSON cells).
    static func jsonText(_ value: Any) -> String {
        let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    static func csv(_ cases: [(opened: OpenedCase, filedDay: String)]) -> String {
        var rows = [csvColumns]
        for item in cases {
            let object = object(item.opened, filedDay: item.filedDay)
            rows.append(csvColumns.map { column -> String in
                switch object[column] {
                case let text as String: text
                case let flag as Bool: flag ? "true" : "false"
                case let number as Int: String(number)
                case let tags as [String] where column == "indicators": tags.joined(separator: " ")
                case let value?: jsonText(value)
                case nil: ""
                }
            })
        }
        return CSVText.document(rows)
    }

    /// A self-contained HTML page that prints cleanly: one case per printed page, no script, no
    /// outside resource; every text from a reporter or a colleague escaped and isolated for
    /// bidirectional layout.
    static func printView(_ cases: [(opened: OpenedCase, filedDay: String)], exportedDay: String) -> String {
        let e = HTMLEscaping.escape
        let sections = cases.map { item -> String in
            let view = item.opened.view
            let fields = view.fields.sorted { $0.key < $1.key }
                .map { "<dt>\(e($0.key.replacingOccurrences(of: "_", with: " ")))</dt><dd><bdi>\(e($0.value))</bdi></dd>" }.joined()
            let thread = item.opened.thread.map {
                "<li><span class=\"meta\">\(e($0.day ?? "undated")) · \(e($0.kind.replacingOccurrences(of: "_", with: " "))) · \(e($0.author))"
                    + ($0.organisation.map { " · from \(e($0))" } ?? "") + "</span>"
                    + "<div dir=\"auto\">\(e($0.text))</div></li>"
            }.joined()
            let attachments = item.opened.allAttachments.enumerated().map { index, entry in
                "<li>Attachment \(index + 1) (\(e(entry.mediaType)), \(entry.pages) page\(entry.pages == 1 ? "" : "s"))"
                    + (entry.text.isEmpty ? "" : "<div dir=\"auto\">\(e(entry.text))</div>") + "</li>"
            }.joined()
            let withheld = item.opened.withheldAttachments > 0 ? "<p>\(item.opened.withheldAttachments) attachment(s) held back by the firewall.</p>" : ""
            let marks = [view.isUrgent ? "URGENT" : nil, item.opened.duressFlagged ? "DURESS" : nil].compactMap { $0 }.joined(separator: " · ")
            return """
                <section class="case">
                <h1>Case <code>\(e(view.caseID.rawValue))</code></h1>
                <p>Filed \(e(item.filedDay)) · status \(e(item.opened.status)) · language \(e(view.language))\(marks.isEmpty ? "" : " · <strong>\(marks)</strong>")</p>
                \((view.indicators ?? []).isEmpty ? "" : "<p>Indicators: \(e((view.indicators ?? []).joined(separator: ", ").replacingOccurrences(of: "_", with: " ")))</p>")
                \(fields.isEmpty ? "" : "<dl>\(fields)</dl>")
                <h2>Complaint</h2><div class="text" dir="auto">\(e(view.narrative))</div>
                \(attachments.isEmpty && withheld.isEmpty ? "" : "<h2>Attachments</h2><ol>\(attachments)</ol>\(withheld)")
                \(thread.isEmpty ? "" : "<h2>Thread</h2><ol class=\"thread\">\(thread)</ol>")
                </section>
                """
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>SafeIntake export \(e(exportedDay))</title>
            <style>
            body { font: 11pt/1.45 system-ui, "Noto Sans", sans-serif; margin: 1.5cm; color: #000; }
            .case { break-after: page; } .case:last-child { break-after: auto; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
            dt { color: #444; } dd { margin: 0; }
            .text, li div { white-space: pre-wrap; overflow-wrap: anywhere; }
            .meta { color: #444; font-size: 9pt; } footer { color: #444; font-size: 9pt; margin-top: 2rem; }
            @page { margin: 1.5cm; }
            </style></head><body>
            \(sections)
            <footer>Exported \(e(exportedDay)) from SafeIntake on the inspector's machine: the agency view only. \
            Confidential: it concerns a worker who may be at risk.</footer>
            </body></html>

            """
    }
}
