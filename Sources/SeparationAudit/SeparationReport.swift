import Foundation
import HTMLEscaping

/// The human-readable report an auditor hands to a board: Markdown, or HTML with nothing external.
public enum SeparationReport {
    public static func markdown(_ checks: [SeparationCheck], folder: String, day: String, context: SeparationReportContext? = nil) -> String {
        var out = ["# SafeIntake separation audit", "",
                   "Data folder: `\(folder)` · day of the audit: \(day) · verdict: **\(verdict(checks))**", ""]
        if let context {
            out += ["| what | value |", "|---|---|"] + context.rows.map { "| \($0.0) | `\($0.1)` |" } + [""]
        }
        out += ["| # | property | result | examined |", "|---|---|---|---|"]
        out += checks.map { "| \($0.number) | \($0.title) | \($0.passed ? "PASS" : "FAIL") | \($0.examined) |" }
        for check in checks where !check.passed {
            out += ["", "## \(check.number). \(check.title): FAIL", ""] + check.findings.map { "- \($0)" }
        }
        out += ["", "## What each check means", ""]
        out += checks.map { "\($0.number). **\($0.passed ? "Holds" : "Does NOT hold")**: \(meaning(of: $0.number) ?? $0.title)" }
        out += ["", "## What this audit does not prove", ""] + limits.map { "- \($0)" }
        out += ["", "Each property is checked from the stored data and the audit log alone; no complaint is decrypted.",
                "How each check is made: Docs/audit-log.md, \"Separation checks\".", ""]
        return out.joined(separator: "\n")
    }

    public static func html(_ checks: [SeparationCheck], folder: String, day: String, context: SeparationReportContext? = nil) -> String {
        let contextTable = context.map { context in
            "<table>" + context.rows.map { "<tr><th>\(escape($0.0))</th><td><code>\(escape($0.1))</code></td></tr>" }.joined() + "</table>"
        } ?? ""
        let meanings = "<h2>What each check means</h2><ol>" + checks.map { check in
            "<li value=\"\(check.number)\"><strong>\(check.passed ? "Holds" : "Does NOT hold")</strong>: \(escape(meaning(of: check.number) ?? check.title))</li>"
        }.joined() + "</ol>"
        let limitList = "<h2>What this audit does not prove</h2><ul>" + limits.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
        let rows = checks.map { check in
            "<tr><td>\(check.number)</td><td>\(escape(check.title))</td><td class=\"\(check.passed ? "pass" : "fail")\">\(check.passed ? "PASS" : "FAIL")</td><td>\(escape(check.examined))</td></tr>"
        }.joined(separator: "\n")
        let details = checks.filter { !$0.passed }.map { check in
            "<h2>\(check.number). \(escape(check.title)): FAIL</h2><ul>" + check.findings.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
        }.joined(separator: "\n")
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>SafeIntake separation audit</title>
            <style>body{font-family:sans-serif;max-width:60em;margin:2em auto}td,th{border:1px solid #999;padding:.3em .6em}table{border-collapse:collapse}.pass{color:#064}.fail{color:#a00;font-weight:bold}</style>
            </head><body><h1>SafeIntake separation audit</h1>
            <p>Data folder: <code>\(escape(folder))</code> · day of the audit: \(escape(day)) · verdict: <strong>\(verdict(checks))</strong></p>
            \(contextTable)
            <table><tr><th>#</th><th>property</th><th>result</th><th>examined</th></tr>
            \(rows)
            </table>
            \(details)
            \(meanings)
            \(limitList)
            <p>Each property is checked from the stored data and the audit log alone; no complaint is decrypted.</p>
            </body></html>

            """
    }

    static func verdict(_ checks: [SeparationCheck]) -> String {
        checks.allSatisfy(\.passed) ? "all \(checks.count) properties hold" : "\(checks.filter { !$0.passed }.count) of \(checks.count) properties FAIL"
    }

    static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}
