import Foundation
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

    /// Durable (WAL, synchronous = FULL) commits per second, one after the other.
    static func commitsPerSecond(seconds: Double) throws -> Double {
        let (commits, elapsed) = try CommitProbe.commitsPerSecond(in: FileManager.default.temporaryDirectory, seconds: seconds)
        return Double(commits) / elapsed
    }
}
