/// The outcome of one separation property (Docs/audit-log.md, "Separation checks").
public struct SeparationCheck: Sendable, Equatable {
    public let number: Int
    public let title: String
    /// Empty when the property holds; otherwise what is wrong, one finding per line.
    public let findings: [String]
    /// What was examined, for the report ("412 cases, 1,904 entries").
    public let examined: String

    public var passed: Bool { findings.isEmpty }

    /// The one-line form the CLI prints: `PASS 1 title (examined)` or `FAIL 1 title: first finding`.
    public var line: String {
        passed ? "PASS \(number) \(title) (\(examined))"
               : "FAIL \(number) \(title): \(findings[0])" + (findings.count > 1 ? " (and \(findings.count - 1) more)" : "")
    }
}
