import ArgumentParser
import AuditLog
import Envelope
import Foundation
import Intake
import SeparationAudit
import Sodium
import Storage

extension AuditCommand {
    /// `safeintake audit separation --data DIR` (../shared/CONTRACT.md): offline checks on a copy of
    /// a data folder, one line per property, `PASS`/`FAIL` first; exit 0 only when all pass.
    struct Separation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check, offline on a copy of a data folder, that the firewall's separation holds.")

        @Option(help: "A copy of the data folder, or the auditor's bundle file `audit export` wrote.") var data: String
        @Option(help: "The log's verifier key (NAME+KEYID+BASE64). Default: the bundle's, or derived from DIR/secrets/log-signing.key.")
        var logKey: String?
        @Option(help: "The OpenAPI description of the public API to check. Default: the bundle's, else the one bundled in this program (Docs/openapi.yaml of this build).")
        var openapi: String?
        @Option(help: "A firewall policy hash (SHA-256 hex) the operator published; repeat for each. Default: accept the policy the log announces.")
        var publishedPolicy: [String] = []
        @Option(help: "Also write a report for people: FILE.md (Markdown) or FILE.html.") var report: String?
        @Option(help: "The operator's public key file (operator.pub) that must have signed every key registration. Default: the bundle's, or DIR/secrets/operator.pub.")
        var operatorKey: String?

        func run() async throws {
            if AuditBundle.isFile(data) {
                let bundle = try AuditBundle(file: URL(fileURLWithPath: data))
                defer { bundle.close() }
                guard bundle.databaseSHA256 == bundle.manifest.database_sha256 else {
                    throw CLIFailure("the database in \(data) does not match the hash its manifest records: the bundle is damaged or was altered",
                                     hint: "ask the operator for a new export")
                }
                let context = SeparationReportContext(
                    deployment: bundle.manifest.deployment, deploymentSoftware: bundle.manifest.software,
                    auditorSoftware: BuildInfo.line, databaseSHA256: bundle.databaseSHA256,
                    checkpoint: Self.describeCheckpoint(bundle.manifest.checkpoint),
                    source: "auditor's bundle \(data), exported \(bundle.manifest.day)")
                try check(folder: bundle.workFolder.url, logKey: try logKey.map(Self.parseLogKey) ?? bundle.logKey,
                          openAPI: try openapi.map(Self.readOpenAPI) ?? bundle.openAPI ?? BundledOpenAPI.text,
                          operatorKey: try operatorKey.flatMap { try OperatorPublicKey.load(given: $0, fallback: $0) } ?? bundle.operatorKey,
                          context: context)
                return
            }
            let folder = URL(fileURLWithPath: data)
            let resolvedLogKey = try logKey.map(Self.parseLogKey) ?? LogVerifierKeyFile.load(folder: folder)
            let database = folder.appendingPathComponent("safeintake.sqlite")
            let context = SeparationReportContext(
                deployment: resolvedLogKey?.name ?? "unknown (no log key given or found)",
                deploymentSoftware: "not recorded in a data folder (an auditor's bundle records it)", auditorSoftware: BuildInfo.line,
                databaseSHA256: (try? FileDigest.sha256Hex(of: database)) ?? "no database file",
                checkpoint: Self.describeCheckpoint(try? SQLiteSnapshot(file: database).signedCheckpoint),
                source: "data folder \(data)")
            try check(folder: folder, logKey: resolvedLogKey, openAPI: try openapi.map(Self.readOpenAPI) ?? BundledOpenAPI.text,
                      operatorKey: try resolveOperatorKey(folder), context: context)
        }

        private func check(folder: URL, logKey: NoteVerifierKey?, openAPI: String, operatorKey: OperatorPublicKey?,
                           context: SeparationReportContext) throws {
            let auditor = SeparationAuditor(folder: folder, logKey: logKey, openAPI: openAPI,
                                            publishedPolicies: Set(publishedPolicy), operatorKey: operatorKey)
            let checks: [SeparationCheck]
            do {
                checks = try auditor.run()
            } catch let error as SeparationError {
                throw CLIFailure(error.description)
            }
            for check in checks { print(check.line) }
            if let report { try write(report: report, checks, context: context) }
            guard checks.allSatisfy(\.passed) else { throw ExitCode(1) }
        }

        private static func parseLogKey(_ text: String) throws -> NoteVerifierKey {
            do { return try NoteVerifierKey(parsing: text) } catch { throw CLIFailure("--log-key is malformed: \(error.reason)") }
        }

        /// "N entries, root HEX" of the signed checkpoint note (not verified here: check 6 does that).
        private static func describeCheckpoint(_ note: String??) -> String {
            guard let note = note ?? nil else { return "none stored" }
            guard let signed = try? SignedNote(parsing: note), let checkpoint = try? Checkpoint(parsing: signed.text) else { return "unreadable (see check 6)" }
            return "\(checkpoint.size) entries, root \(Hex.encode(checkpoint.rootHash))"
        }

        /// `--operator-key`, else the copy the daemon keeps in `DIR/secrets/operator.pub`; nil when
        /// neither exists (check 4 then fails: nothing to check registrations against).
        private func resolveOperatorKey(_ folder: URL) throws -> OperatorPublicKey? {
            try OperatorPublicKey.load(given: operatorKey, fallback: folder.appendingPathComponent("secrets/operator.pub").path)
        }

        /// `--openapi FILE` when given (a file that cannot be read is a failure, not a silent
        /// default); else the bundle's copy, else the description bundled in this binary, which a
        /// test keeps equal to Docs/openapi.yaml and so to the routes this build serves. Check 5
        /// never FAILs for want of a file in the working directory (security review 2026-12, I9).
        private static func readOpenAPI(_ path: String) throws -> String {
            do {
                return try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw CLIFailure("cannot read the OpenAPI description \(path)", hint: "check the path given to --openapi, or leave it out to check the API this build serves")
            }
        }

        private func write(report path: String, _ checks: [SeparationCheck], context: SeparationReportContext) throws {
            let day = CoarseTime().day()
            let text = path.hasSuffix(".html") ? SeparationReport.html(checks, folder: data, day: day, context: context)
                                               : SeparationReport.markdown(checks, folder: data, day: day, context: context)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            print("report: \(path)")
        }
    }
}
