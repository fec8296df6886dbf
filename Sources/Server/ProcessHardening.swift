import CProcessHardening
import Foundation

/// What the daemon does to its own process before it holds a secret (security review 2026-12, I1):
/// no core dumps and not dumpable, because complaints are in plaintext on the ordinary heap while
/// they are firewalled and sealed, and case keys while they are wrapped; a crash under
/// systemd-coredump would otherwise write them to disk. Not dumpable also keeps other processes
/// of the same user from attaching a debugger or reading its memory through /proc. And every file
/// it creates is its owner's only (umask 077): the database, its -wal and -shm, anything else.
public enum ProcessHardening {
    /// Applies all three; throws when the kernel refuses (the daemon must not run half-hardened).
    public static func apply() throws {
        umask(0o077)
        let failed = si_disable_core_dumps()
        guard failed == 0 else {
            throw HardeningError("cannot turn core dumps off (\(String(cString: strerror(failed)))); refusing to hold complaints in a dumpable process")
        }
    }

    /// Whether the process may still dump core or be attached to (PR_GET_DUMPABLE).
    public static var isDumpable: Bool { si_is_dumpable() != 0 }

    public struct HardeningError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
