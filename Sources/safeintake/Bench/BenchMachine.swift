import ArgumentParser
import Foundation

/// `safeintake bench machine`: the ceilings intake is compared with.
struct BenchMachine: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "machine", abstract: "Raw libsodium sealed boxes, SQLite fsync'd commits, and one intake's cryptography, per second.")

    @Option(help: "Seconds per measurement.") var seconds = 3.0

    func run() async throws {
        let limits = try MachineReport.measure(seconds: seconds)
        print(limits.text)
    }
}

/// The machine's limits as measured now.
struct MachineReport {
    let sealedOneThread: Double
    let sealedAllCores: Double
    let cores: Int
    let commits: Double
    /// Whole intakes' cryptography per second on one thread, minimum Argon2id cost.
    let intakeCryptography: Double

    static func measure(seconds: Double) throws -> MachineReport {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return MachineReport(sealedOneThread: MachineLimits.sealedBoxesPerSecond(threads: 1, seconds: seconds),
                             sealedAllCores: MachineLimits.sealedBoxesPerSecond(threads: cores, seconds: seconds),
                             cores: cores, commits: try MachineLimits.commitsPerSecond(seconds: seconds),
                             intakeCryptography: try MachineLimits.intakeCryptographyPerSecond(seconds: seconds))
    }

    var text: String {
        String(format: "machine: %d cores; libsodium crypto_box_seal (64-byte message) %.0f/s on 1 thread, %.0f/s on %d; SQLite fsync'd commits (WAL, synchronous=FULL) %.0f/s; the cryptography of one intake (Argon2id minimum) %.0f/s on 1 thread",
               cores, sealedOneThread, sealedAllCores, cores, commits, intakeCryptography)
    }
}
