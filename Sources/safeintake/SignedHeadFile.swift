import Foundation
import Intake

/// The last signed checkpoint, kept in `DIR/secrets/log-signed-head` beside the log's signing key
/// and outside the database (`SignedHeadMemory`). Replaced atomically (write, fsync, rename, fsync
/// the folder) and only by a larger checkpoint.
final class SignedHeadFile: SignedHeadMemory, @unchecked Sendable {
    static let fileName = "log-signed-head"

    let url: URL
    private let lock = NSLock()
    /// The size of the note on disk, once read or written (nil: not read yet).
    private var keptSize: UInt64?

    init(folder: URL) {
        url = folder.appendingPathComponent(Self.fileName)
    }

    func lastSignedNote() throws -> String? {
        lock.lock()
        defer { lock.unlock() }
        return try readLocked()
    }

    func recordSignedNote(_ note: String, size: UInt64) throws {
        lock.lock()
        defer { lock.unlock() }
        if keptSize == nil { _ = try readLocked() }
        if let keptSize, keptSize >= size { return }
        let temporary = url.appendingPathExtension("new")
        unlink(temporary.path)
        try FileWriter.writePrivate(Data(note.utf8), to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            throw SetupError("cannot replace \(url.path): \(String(cString: strerror(errno)))")
        }
        let folder = open(url.deletingLastPathComponent().path, O_RDONLY)
        if folder >= 0 {
            defer { close(folder) }
            _ = fsync(folder)
        }
        keptSize = size
    }

    private func readLocked() throws -> String? {
        guard FileManager.default.fileExists(atPath: url.path) else {
            keptSize = 0
            return nil
        }
        let note = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        // A checkpoint note: origin, size, root hash, then the signature (C2SP tlog-checkpoint).
        let lines = note.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 2, let size = UInt64(lines[1]) else {
            throw SetupError("\(url.path) does not hold a signed checkpoint; restore it from backup (it guards the audit log against rollback)")
        }
        keptSize = size
        return note
    }
}
