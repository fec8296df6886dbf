/// What `LogAuditor.audit` established, one line per check, for the auditor's terminal or report.
public struct AuditReport: Sendable, Equatable {
    /// The verified checkpoint, to save as the trusted state for the next run.
    public let checkpoint: Checkpoint
    /// One sentence per check that passed, in the order they ran.
    public let checks: [String]
}
