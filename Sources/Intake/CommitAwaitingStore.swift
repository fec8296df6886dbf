/// A store that can wait for a new case's durable commit without holding the calling thread.
///
/// Why: while a commit waits for the disk, the thread that prepared the complaint (Argon2id,
/// firewall, sealing) can prepare the next one. With a blocking insert, every complaint waiting
/// for a shared commit held a worker thread, and a fifth of the CPU stood idle at 64 clients
/// (Docs/benchmarks.md, "What limits intake now"). The SQLite store's group commit suspends
/// instead; the PostgreSQL store does not conform and keeps the blocking insert.
public protocol CommitAwaitingStore: IntakeStore {
    /// Stores the case exactly as `insertCase` does, and returns once it is committed.
    func insertCaseAwaitingCommit(_ newCase: NewCase, audit: [[UInt8]]) async throws
}
