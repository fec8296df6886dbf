import AuditLog
import Envelope
import Foundation

/// `safeintake audit separation`: six offline checks on a copy of a data folder, each a real check
/// that fails with a finding a person can act on (Docs/audit-log.md, "Separation checks").
public struct SeparationAuditor {
    public let folder: URL
    /// The log's verifier key, to check the stored signed checkpoint.
    public let logKey: NoteVerifierKey?
    /// The OpenAPI description of the public API (Docs/openapi.yaml).
    public let openAPI: String?
    /// Policy hashes the operator has published; empty = accept the policy the log announces.
    public let publishedPolicies: Set<String>
    /// The operator key whose signed registrations admit keys to the directory (check 4).
    public let operatorKey: OperatorPublicKey?

    public init(folder: URL, logKey: NoteVerifierKey?, openAPI: String?, publishedPolicies: Set<String> = [],
                operatorKey: OperatorPublicKey? = nil) {
        self.folder = folder
        self.logKey = logKey
        self.openAPI = openAPI
        self.publishedPolicies = publishedPolicies
        self.operatorKey = operatorKey
    }

    /// Runs every check, in order.
    public func run() throws -> [SeparationCheck] {
        let snapshot = try DataSnapshot(folder: folder)
        let log = LogChecks(snapshot)
        return [
            StructureChecks.schema(snapshot),
            StructureChecks.ciphertextOnly(snapshot),
            log.firewallFirst(publishedPolicies: publishedPolicies),
            log.wrapsMatchAssignments(operatorKey: operatorKey),
            RouteCheck.check(openAPI: openAPI),
            log.logVerifies(logKey: logKey),
        ]
    }
}
