/// A narrative after the firewall: the text with every disclosure replaced by `Firewall.marker`,
/// and the counts of what was removed.
public struct Redaction: Sendable, Equatable {
    public let text: String
    public let report: FirewallReport

    public init(text: String, report: FirewallReport) {
        self.text = text
        self.report = report
    }
}
