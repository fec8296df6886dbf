import ArgumentParser
import Envelope
import Firewall
import Foundation
import Intake
import Sodium
import Storage

/// `safeintake bench status-scale`: status-check latency as the store grows to 100k and 1M cases,
/// against a store of 1k cases measured at the same moments.
///
/// The large store is filled directly (synthetic cases of realistic sizes, with their audit
/// entries, 5,000 to a transaction); the checks are real: complaints filed through the intake,
/// their tokens checked one at a time. Checks on the small and the large store alternate, so both
/// meet the same disk and the same load: on a shared virtual disk an fsync's latency wanders more
/// from one minute to the next than anything the store's size could add. The minimum Argon2id cost
/// is used so that what the store adds is not hidden behind Argon2id.
struct BenchStatusScale: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status-scale", abstract: "Status-check latency with 1k, 100k and 1M cases stored.")

    @Option(help: "Size of the reference store.") var reference = 1000
    @Option(help: "Sizes of the growing store to measure at, comma-separated.") var cases = "100000,1000000"
    @Option(help: "Status checks timed on each store at each size.") var checks = 300

    func run() async throws {
        let sizes = cases.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.sorted()
        let small = try ScaleStore()
        defer { small.remove() }
        let large = try ScaleStore()
        defer { large.remove() }
        _ = try small.fill(to: reference)
        print("status check (verify, rotate, fsync'd commit), Argon2id at libsodium's minimum, \(checks) checks per store, in process,")
        print("alternating with a \(reference)-case store measured at the same moments")
        print("cases stored   fill s   p50 ms   p90 ms   p99 ms  mean ms   | \(reference) cases: p50 ms   p90 ms   p99 ms  mean ms | p50 ratio  db MiB")
        for size in sizes {
            let fillSeconds = try large.fill(to: size)
            // Let the fill's gigabytes reach the disk first: timed while the kernel is still
            // writing them back, every fsync waits behind them.
            for store in [small, large] { try store.settle() }
            sync()
            _ = try alternate(small, large, count: min(50, checks))  // warm-up
            let (a, b) = try alternate(small, large, count: checks)
            print(String(format: "%12d  %7.1f  %7.3f  %7.3f  %7.3f  %7.3f   |            %7.3f  %7.3f  %7.3f  %7.3f | %9.3f  %6.0f",
                         size, fillSeconds, b.percentile(0.5), b.percentile(0.9), b.percentile(0.99), b.mean,
                         a.percentile(0.5), a.percentile(0.9), a.percentile(0.99), a.mean,
                         b.percentile(0.5) / a.percentile(0.5), large.megabytes()))
        }
    }

    /// Files `count` complaints in each store, then times their tokens' checks, one store after the other.
    private func alternate(_ a: ScaleStore, _ b: ScaleStore, count: Int) throws -> (LatencySummary, LatencySummary) {
        let tokensA = try a.fileComplaints(count)
        let tokensB = try b.fileComplaints(count)
        var timesA: [Double] = [], timesB: [Double] = []
        for i in 0..<count {
            timesA.append(try a.timeCheck(tokensA[i]))
            timesB.append(try b.timeCheck(tokensB[i]))
        }
        return (LatencySummary(milliseconds: timesA), LatencySummary(milliseconds: timesB))
    }
}

/// One store in a temporary folder, its intake at the minimum Argon2id cost, and its filler.
final class ScaleStore {
    let folder: URL
    let store: SQLiteStore
    let intake: IntakeService
    private let filler: SyntheticCases
    private var stored = 0

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("safeintake-scale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try SQLiteStore(directory: folder)
        let agency = AgencyService(store: store)
        var keyIDs: [String] = []
        for (name, role) in [("supervisor", AgencyRole.supervisor), ("inspector-1", .inspector)] {
            let key = try AgencyKeyPair.generate(name: name, role: role).publicKey
            try agency.register(key, receivesNewCases: true)
            keyIDs.append(key.keyID)
        }
        intake = IntakeService(store: store, policy: .makeDefault(), tokens: TokenHasher(pepper: SecureBytes(randomCount: 32), cost: .minimum))
        filler = SyntheticCases(keyIDs: keyIDs, policyHash: intake.policyHash)
    }

    /// Adds synthetic cases until `size` are stored; returns the seconds it took.
    func fill(to size: Int) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        var shift = 0
        while stored < size {
            let batch = min(5000, size - stored)
            do {
                try store.insertCases(filler.make(batch, from: stored + shift))
                stored += batch
            } catch StoreError.locatorTaken {
                shift += 100_000_000 / 7  // a real token took one of these locators: draw others
            }
        }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Checkpoints the log into the database file (keeping its size, as in a daemon that has run a while).
    func settle() throws {
        try store.checkpoint()
    }

    func fileComplaints(_ count: Int) throws -> [String] {
        let body = Array(#"{"language": "en", "fields": {"employer_name": "Scale Test"}, "narrative": "Unpaid overtime."}"#.utf8)
        return try (0..<count).map { _ in try intake.file(body: body).token }
    }

    func timeCheck(_ token: String) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        guard try intake.checkStatus(tokenText: token) != nil else { throw SetupError("a fresh token was refused") }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    func megabytes() -> Double {
        let size = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(SQLiteStore.fileName).path)[.size] as? Int) ?? 0
        return Double(size) / 1_048_576
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Cases with the sizes of real ones (a 2-block sealed view, a wrap per key, a token row with a
/// verifier and reporter key wrap, one audit entry) but random bytes: cheap to make by the million.
/// Their locators are distinct (an affine permutation of 0..<10^8), so they never clash with each
/// other; a clash with a real token's locator makes the caller draw the batch again, shifted.
struct SyntheticCases {
    let keyIDs: [String]
    let policyHash: String
    private let time = CoarseTime()

    func make(_ count: Int, from index: Int) -> [(newCase: NewCase, audit: [[UInt8]])] {
        (index..<index + count).map { i in
            let id = CaseID.generate()
            let locator = String(format: "%08d", (i * 48_271 + 12_345) % 100_000_000)
            let verifier = TokenVerifier(salt: Random.bytes(16), hash: Random.bytes(32), cost: .minimum)
            let token = StoredToken(locator: locator, caseID: id, verifier: verifier, reporterKeyWrap: Random.bytes(96))
            let newCase = NewCase(
                id: id, day: time.day(), agencyView: Random.bytes(2 * 1024 + 42),
                wraps: Dictionary(uniqueKeysWithValues: keyIDs.map { ($0, Random.bytes(KeyWrap.byteCount)) }),
                token: token, reporterPublicKey: Random.bytes(32), duressVerifier: nil)
            let audit = [AuditEvent.complaintAccepted(caseID: id, policyHash: policyHash, policyVersion: 1).entryData(time: time)]
            return (newCase, audit)
        }
    }
}
