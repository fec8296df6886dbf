/// Structured fields after the allowlist: the kept fields under their ORIGINAL names with their
/// values unchanged (an inspector must see exactly what the worker wrote), plus the counts.
public struct FieldScreening: Sendable, Equatable {
    public let kept: [String: String]
    public let report: FirewallReport

    public init(kept: [String: String], report: FirewallReport) {
        self.kept = kept
        self.report = report
    }
}
