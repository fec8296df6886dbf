import ArgumentParser
import AuditLog
import Envelope
import Foundation
import Intake
import SeparationAudit
import Sodium

extension AuditCommand {
    /// `safeintake audit separation --data DIR` (../shared/CONTRACT.md): offline checks on a copy of
    /// a data folder, one line per property, `PASS`/`FAIL` first; exit 0 only when all pass.
    struct Separation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check, offline on a copy of a data folder, that the firewall's separation holds.")

        @Option(help: "The (copied) data folder.") var data: String
        @Option(help: "The log's verifier key (NAME+KEYID+BASE64). Default: derived from DIR/secrets/log-signing.key.")
        var logKey: String?
        @Option(help: "The OpenAPI description of the public API to check. Default: the one bundled in this program (Docs/openapi.yaml of this build).")
        var openapi: String?
        @Option(help: "A firewall policy hash (SHA-256 hex) the operator published; repeat for each. Default: accept the policy the log announces.")
        var publishedPolicy: [String] = []
        @Option(help: "Also write a report for people: FILE.md (Markdown) or FILE.html.") var report: String?
        @Option(help: "The operator's public key file (operator.pub) that must have signed every key registration. Default: DIR/secrets/operator.pub.")
        var operatorKey: String?

        func run() async throws {
            let folder = URL(fileURLWithPath: data)
            let auditor = SeparationAuditor(folder: folder, logKey: try resolveLogKey(folder), openAPI: try findOpenAPI(),
                                            publishedPolicies: Set(publishedPolicy), operatorKey: try resolveOperatorKey(folder))
            let checks: [SeparationCheck]
            do {
                checks = try auditor.run()
            } catch let error as SeparationError {
                throw CLIFailure(error.description)
            }
            for check in checks { print(check.line) }
            if let report { try write(report: report, checks) }
            guard checks.allSatisfy(\.passed) else { throw ExitCode(1) }
        }

        private func resolveLogKey(_ folder: URL) throws -> NoteVerifierKey? {
            if let logKey {
                do { return try NoteVerifierKey(parsing: logKey) } catch { throw CLIFailure("--log-key is malformed: \(error.reason)") }
            }
            guard var seed = try? [UInt8](Data(contentsOf: folder.appendingPathComponent("secrets/log-signing.key"))),
                  seed.count == SigningKeyPair.seedBytes else { return nil }
            defer { SecureBytes.wipe(&seed) }
            let pair = try SigningKeyPair(seed: SecureBytes(copying: seed))
            return try NoteVerifierKey(name: ServeCommand.logOrigin(for: pair), publicKey: pair.publicKey)
        }

        /// `--operator-key`, else the copy the daemon keeps in `DIR/secrets/operator.pub`; nil when
        /// neither exists (check 4 then fails: nothing to check registrations against).
        private func resolveOperatorKey(_ folder: URL) throws -> OperatorPublicKey? {
            try OperatorPublicKey.load(given: operatorKey, fallback: folder.appendingPathComponent("secrets/operator.pub").path)
        }

        /// `--openapi FILE` when given (a file that cannot be read is a failure, not a silent
        /// default); else the description bundled in this binary, which a test keeps equal to
        /// Docs/openapi.yaml and so to the routes this build serves. Check 5 no longer FAILs for
        /// want of a file in the working directory (security review 2026-12, I9).
        private func findOpenAPI() throws -> String {
            guard let openapi else { return BundledOpenAPI.text }
            do {
                return try String(contentsOfFile: openapi, encoding: .utf8)
            } catch {
                throw CLIFailure("cannot read the OpenAPI description \(openapi)", hint: "check the path given to --openapi, or leave it out to check the API this build serves")
            }
        }

        private func write(report path: String, _ checks: [SeparationCheck]) throws {
            let day = CoarseTime().day()
            let text = path.hasSuffix(".html") ? SeparationReport.html(checks, folder: data, day: day)
                                               : SeparationReport.markdown(checks, folder: data, day: day)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            print("report: \(path)")
        }
    }
}
