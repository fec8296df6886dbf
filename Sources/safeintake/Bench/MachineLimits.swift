import Envelope
import Foundation
import Intake
import Sodium
import Storage
import Synchronization

/// The machine's ceilings for what one complaint needs, measured in the same run as intake:
/// libsodium sealed boxes (each complaint seals its case key to every recipient) and SQLite
/// fsync'd commits (each complaint is one durable transaction).
enum MachineLimits {
    /// Sealed boxes of a 64-byte key wrap per second, on `threads` threads at once.
    static func sealedBoxesPerSecond(threads: Int, seconds: Double) -> Double {
        let recipient = BoxKeyPair().publicKey
        let total = Atomic<Int>(0)
        let done = DispatchGroup()
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<threads {
            done.enter()
            Thread.detachNewThread {
                let message = SecureBytes(randomCount: 64)
                var count = 0
                while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < seconds {
                    _ = try? SealedBox.seal(message, to: recipient)
                    count += 1
                }
                total.add(count, ordering: .relaxed)
                done.leave()
            }
        }
        done.wait()
        return Double(total.load(ordering: .relaxed)) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// The cryptography of whole intakes per second on one thread, at the minimum Argon2id cost
    /// (`IntakeCryptography`): with HTTP's floor, what no complaint can do without.
    static func intakeCryptographyPerSecond(seconds: Double) throws -> Double {
        let cryptography = IntakeCryptography(viewBytes: 512, hasher: TokenHasher(pepper: SecureBytes(randomCount: 32), cost: .minimum))
        var count = 0
        let start = DispatchTime.now().uptimeNanoseconds
        var elapsed = 0.0
        while elapsed < seconds {
            try cryptography.run()
            count += 1
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        return Double(count) / elapsed
    }

    /// Durable (WAL, synchronous = FULL) commits per second, one after the other.
    static func commitsPerSecond(seconds: Double) throws -> Double {
        let (commits, elapsed) = try CommitProbe.commitsPerSecond(in: FileManager.default.temporaryDirectory, seconds: seconds)
        return Double(commits) / elapsed
    }
}

/// The libsodium calls one complaint makes, through the same wrappers and in the same number
/// (`IntakeService.prepareFiling`): the case key, the sealed view, one key wrap per recipient (two,
/// as in the benchmarks' key set), the reporter's key pair, the token's Argon2id-derived secrets and
/// the reporter key sealed under them. What intake costs beyond this is everything that is not
/// cryptography.
struct IntakeCryptography {
    let view: SecureBytes
    let recipients = [BoxKeyPair().publicKey, BoxKeyPair().publicKey]
    let hasher: TokenHasher

    init(viewBytes: Int, hasher: TokenHasher) {
        view = SecureBytes(randomCount: viewBytes)
        self.hasher = hasher
    }

    func run() throws {
        let caseID = CaseID.generate()
        let caseKey = AEAD.generateKey()
        _ = try AEAD.seal(view, associatedData: Array(caseID.rawValue.utf8), key: caseKey)
        for recipient in recipients { _ = try KeyWrap.wrap(caseKey, caseID: caseID, to: recipient) }
        let reporterKey = BoxKeyPair()
        let secrets = try hasher.makeSecrets(for: StatusToken.generate())
        _ = try ReporterKeyWrap.wrap(reporterKey, caseID: caseID, under: secrets.wrapKey)
    }
}
