/// A whole complaint after the firewall: what may be sealed for an inspector, with one report
/// covering both the fields and the narrative.
public struct ScreenedComplaint: Sendable, Equatable {
    public let language: String
    public let fields: [String: String]
    public let narrative: String
    public let report: FirewallReport

    public init(language: String, fields: [String: String], narrative: String, report: FirewallReport) {
        self.language = language
        self.fields = fields
        self.narrative = narrative
        self.report = report
    }
}
