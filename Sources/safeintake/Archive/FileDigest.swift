import Envelope
import Foundation
import Sodium

/// The SHA-256 of a file, read in chunks: the database hash a backup manifest and an auditor's
/// report name, which anyone can recompute with `sha256sum`.
enum FileDigest {
    static func sha256Hex(of url: URL) throws -> String {
        let input = try FileHandle(forReadingFrom: url)
        defer { try? input.close() }
        var hasher = SHA256.Hasher()
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { hasher.update($0) }
        }
        return Hex.encode(hasher.finalize())
    }
}
