import AuditLog
import Foundation

/// The last audit-log checkpoint this inspector verified, kept in a file on their own machine
/// (`KEYFILE.checkpoint` by default, or `--state FILE`). Every later checkpoint must be proven to
/// extend it before a case is decrypted, so a server that rolls its log back or forks it (even one
/// whose own memory of what it signed was deleted) is caught by the inspectors it serves.
public final class CheckpointPin: @unchecked Sendable {
    public let url: URL
    private let lock = NSLock()

    public init(url: URL) {
        self.url = url
    }

    /// The pinned checkpoint note, or nil when this file does not exist yet (first use).
    func load() throws -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return String(decoding: try Data(contentsOf: url), as: UTF8.self)
        } catch {
            throw ClientError("cannot read the pinned checkpoint \(url.path): \(error.localizedDescription)")
        }
    }

    /// Pins `note` (of `size` entries) unless the pinned one is at least as large. Written to a
    /// temporary file and renamed, so a crash leaves the old pin or the new one, never half of one;
    /// several clients on one key file (scripts run in parallel) take turns on `FILE.lock`.
    func advance(to note: String, size: UInt64, key: NoteVerifierKey) throws {
        lock.lock()
        defer { lock.unlock() }
        let lockFile = open(url.path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lockFile >= 0, flock(lockFile, LOCK_EX) == 0 else {
            if lockFile >= 0 { close(lockFile) }
            throw ClientError("cannot lock \(url.path).lock to pin the checkpoint: \(String(cString: strerror(errno)))")
        }
        defer { close(lockFile) }  // closing releases the lock
        if let current = try? Data(contentsOf: url),
           let pinned = try? Checkpoint.verified(from: String(decoding: current, as: UTF8.self), key: key), pinned.size >= size {
            return
        }
        let temporary = url.appendingPathExtension("new-\(getpid())")
        do {
            try Data(note.utf8).write(to: temporary)
        } catch {
            throw ClientError("cannot pin the checkpoint in \(url.path): \(error.localizedDescription)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            throw ClientError("cannot pin the checkpoint in \(url.path): \(String(cString: strerror(errno)))")
        }
    }
}
