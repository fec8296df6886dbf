import ArgumentParser
import Foundation
import InspectorClient

/// `safeintake audit`: what an auditor runs, with nothing but the server's public endpoints.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Verify the signed, append-only audit log and the separation it records.",
        subcommands: [Verify.self, Separation.self, Export.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the checkpoint's signature, its consistency with the last one you saw, and the root from all entries.")

        @Option(help: "The daemon, e.g. http://127.0.0.1:8080.") var server: String
        @Option(help: "Where to keep the pinned log key and last verified checkpoint between runs.") var state: String?

        func run() async throws {
            guard let url = URL(string: server), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError("--server must be an http:// or https:// URL, got \(server)")
            }
            let previous = try loadState()
            let (checks, newState) = await AuditClient(server: url).verify(previous: previous)
            for check in checks {
                print("\(check.passed ? "PASS" : "FAIL")  \(check.name): \(check.detail)")
            }
            guard let newState, checks.allSatisfy(\.passed) else {
                print("verdict: the audit log does NOT verify")
                throw ExitCode(1)
            }
            if let state {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                try encoder.encode(newState).write(to: URL(fileURLWithPath: state), options: .atomic)
            }
            print("verdict: the audit log verifies")
        }

        private func loadState() throws -> AuditClient.State? {
            guard let state, let data = FileManager.default.contents(atPath: state) else { return nil }
            do {
                return try JSONDecoder().decode(AuditClient.State.self, from: data)
            } catch {
                throw ValidationError("the state file \(state) is not one this command wrote; move it away to start afresh")
            }
        }
    }
}
