import ArgumentParser
import Envelope
import Firewall
import Foundation
import Intake
import Sodium
import Storage

/// `safeintake bench`: measurements for Docs/benchmarks.md; nothing here is a pass/fail test.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure this machine and the daemon on it (results in Docs/benchmarks.md).",
        subcommands: [BenchOps.self, BenchMachine.self, BenchIntake.self, BenchStatusScale.self, BenchFirewall.self], defaultSubcommand: BenchOps.self)
}

/// `safeintake bench [ops]`: the cost of the domain operations, in process, one at a time, against
/// a real SQLite store in a temporary folder (fsync included).
struct BenchOps: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ops", abstract: "Argon2id, one intake and one status check, in process, sequentially.")

    @Option(help: "Operations to time per measurement.") var count = 50
    @OptionGroup var tokenCost: TokenCostOptions

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("safeintake-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(directory: folder)
        let agency = AgencyService(store: store)
        for (name, role) in [("supervisor", AgencyRole.supervisor), ("inspector-1", .inspector)] {
            try agency.register(AgencyKeyPair.generate(name: name, role: role).publicKey, receivesNewCases: true)
        }
        let hasher = TokenHasher(pepper: SecureBytes(randomCount: 32), cost: tokenCost.cost)
        let intake = IntakeService(store: store, policy: .makeDefault(), tokens: hasher)
        let body = Array(#"{"language": "en", "fields": {"employer_name": "Mrs. Lim", "wage_monthly": "450 SGD", "visa_status": "overstayed"}, "narrative": "My employer pays me 450 dollars a month and I work 18 hours a day with no rest day. My work permit expired in March."}"#.utf8)

        print("Argon2id ops=\(tokenCost.cost.operations) mem=\(tokenCost.cost.memoryBytes / 1024) KiB, \(count) operations each, sequential")
        let token = StatusToken.generate()
        report("argon2id token verifier", try measure { _ = try hasher.makeVerifier(for: token) })
        let cryptography = IntakeCryptography(viewBytes: body.count, hasher: hasher)
        report("cryptography of one intake (no HTTP, JSON, firewall or SQL)", try measure { try cryptography.run() })
        var tokens: [String] = []
        report("intake (firewall, seal, 2 wraps, verifier, fsync'd commit)", try measure { tokens.append(try intake.file(body: body).token) })
        var index = 0
        report("status check (verify, rotate, fsync'd commit)", try measure {
            guard let answer = try intake.checkStatus(tokenText: tokens[index]) else { throw SetupError("a fresh token was refused") }
            tokens[index] = answer.nextToken
            index += 1
        })
        report("status check with an unknown token", try measure { _ = try intake.checkStatus(tokenText: "0000-0000-0000-0000-0000-0000") })
    }

    private func measure(_ body: () throws -> Void) throws -> [Double] {
        var samples: [Double] = []
        for _ in 0..<count {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return samples.sorted()
    }

    private func report(_ name: String, _ sorted: [Double]) {
        let p = { (q: Double) in sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
        let label = name.padding(toLength: 62, withPad: " ", startingAt: 0)
        print(label + String(format: "p50 %7.2f ms  p99 %7.2f ms  mean %7.2f ms", p(0.5), p(0.99), sorted.reduce(0, +) / Double(sorted.count)))
    }
}
