import SeparationAudit
import Testing

/// The auditor's report for readers who are not engineers (issue 22, item 7).
@Suite("separation report: context, plain language, limits")
struct SeparationReportTests {
    let context = SeparationReportContext(deployment: "safeintake.invalid/audit/0011223344556677", deploymentSoftware: "0.9.0 (commit abc)",
                                          auditorSoftware: "0.9.0 (commit def)", databaseSHA256: String(repeating: "ab", count: 32),
                                          checkpoint: "12 entries, root 00ff", source: "auditor's bundle b.tar, exported 2026-12-06")

    @Test("every one of the six checks has a plain-language meaning")
    func meanings() {
        for number in 1...6 { #expect(SeparationReport.meaning(of: number) != nil, "check \(number) has no explanation") }
        #expect(SeparationReport.meaning(of: 7) == nil)
    }

    @Test("both report forms name deployment, both software versions, database hash and checkpoint, and state the limits")
    func contextAndLimits() {
        for text in [SeparationReport.markdown([], folder: "b.tar", day: "2026-12-06", context: context),
                     SeparationReport.html([], folder: "b.tar", day: "2026-12-06", context: context)] {
            for value in [context.deployment, context.deploymentSoftware, context.auditorSoftware, context.databaseSHA256, context.checkpoint] {
                #expect(text.contains(value), "the report does not name \(value)")
            }
            #expect(text.contains("What this audit does not prove"))
            #expect(SeparationReport.limits.count >= 4)
        }
    }
}
